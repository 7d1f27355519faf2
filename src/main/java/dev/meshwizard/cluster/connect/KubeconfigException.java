package dev.meshwizard.cluster.connect;

import java.nio.file.Path;

/** A kubeconfig that cannot be used: missing, empty or malformed. Names the file and, when known, the line. */
public final class KubeconfigException extends Exception {

    private final transient Path file;
    private final int line;

    public KubeconfigException(Path file, int line, String message) {
        super(format(file, line, message));
        this.file = file;
        this.line = line;
    }

    public KubeconfigException(Path file, int line, String message, Throwable cause) {
        super(format(file, line, message), cause);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem has no line. */
    public int line() {
        return line;
    }

    private static String format(Path file, int line, String message) {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
