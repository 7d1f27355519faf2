package dev.meshwizard.mesh;

import java.nio.file.Path;

/** A certificate or key file that cannot be used; the message names the file and never quotes its content. */
public final class PemFileException extends Exception {

    private final transient Path file;

    PemFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
