package dev.meshwizard.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Temporary values files for Helm, which reads values only from files. They go to one private folder per JVM
 * (owner-only, removed at exit when empty) under numbered names: creating them there costs a fraction of
 * {@link Files#createTempFile}, which matters when a render is a few milliseconds. Each file is deleted after use.
 */
public final class ValuesFiles {

    private static final AtomicLong NUMBER = new AtomicLong();
    private static Path folder;

    private ValuesFiles() {
    }

    /** Writes a values file; the caller deletes it. */
    public static Path write(String yaml) throws IOException {
        Path file = folder().resolve("values-" + NUMBER.incrementAndGet() + ".yaml");
        Files.writeString(file, yaml, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return file;
    }

    /** The folder the files are written to; made again if something removed it. */
    static synchronized Path folder() throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            try {
                folder = Files.createTempDirectory("mesh-wizard-render-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                folder = Files.createTempDirectory("mesh-wizard-render-");
            }
            folder.toFile().deleteOnExit();
        }
        return folder;
    }
}
