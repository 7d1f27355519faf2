package dev.meshwizard.render;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary values files for Helm, which reads values only from files. They go to one private folder per process
 * (owner-only, {@code mesh-wizard-render-<pid>-…} in the temporary folder, removed at exit when empty) under
 * numbered names, each file owner-only too: creating them there costs a fraction of {@link Files#createTempFile},
 * which matters when a render is a few milliseconds. Each file is deleted after use; the folder a killed process
 * left behind, with whatever values were in it, is deleted when the next process makes its own.
 */
public final class ValuesFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ValuesFiles.class);
    private static final String PREFIX = "mesh-wizard-render-";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final AtomicLong NUMBER = new AtomicLong();
    private static Path folder;

    private ValuesFiles() {
    }

    /** Writes a values file, readable by the owner only; the caller deletes it. */
    public static Path write(String yaml) throws IOException {
        Path file = folder().resolve("values-" + NUMBER.incrementAndGet() + ".yaml");
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, yaml, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }

    /** The folder the files are written to; made again if something removed it. */
    static synchronized Path folder() throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            folder = privateFolder();
            removeLeftovers(folder.getParent(), Files.getOwner(folder));
        }
        return folder;
    }

    /**
     * A new owner-only folder of this process in the temporary folder, named like the values folder so that it
     * is removed at exit when empty, or at the next start if this process is killed.
     */
    static Path privateFolder() throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        String prefix = PREFIX + ProcessHandle.current().pid() + "-";
        Path created;
        try {
            FileAttribute<Set<PosixFilePermission>> ownerOnly =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
            created = Files.createTempDirectory(temp, prefix, ownerOnly);
        } catch (UnsupportedOperationException e) {
            created = Files.createTempDirectory(temp, prefix);
        }
        created.toFile().deleteOnExit();
        return created;
    }

    /** Deletes the folders of processes that are gone (killed before they could clean up), if they are ours. */
    static void removeLeftovers(Path temp, UserPrincipal me) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temp, PREFIX + "*")) {
            for (Path candidate : folders) {
                long pid = pidOf(candidate.getFileName().toString());
                if (pid < 0 || pid == ProcessHandle.current().pid()
                        || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                        || !Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (me.equals(Files.getOwner(candidate, LinkOption.NOFOLLOW_LINKS))) {
                    deleteTree(candidate);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot look for leftover values folders in {}: {}", temp, e.toString());
        }
    }

    private static long pidOf(String name) {
        String rest = name.substring(PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            return dash > 0 ? Long.parseLong(rest.substring(0, dash)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        LOG.info("Deleted the values files a stopped Mesh Wizard left in {}", root);
    }
}
