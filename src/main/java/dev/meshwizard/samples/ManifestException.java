package dev.meshwizard.samples;

/**
 * A manifest file that cannot be read: the message names the file, the line and what is wrong, e.g.
 * {@code bookinfo.yaml:12: the document has no kind}.
 */
public final class ManifestException extends Exception {

    private final String source;
    private final int line;

    ManifestException(String source, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    ManifestException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.line = 0;
    }

    /** The file (or other source name) that was read. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
