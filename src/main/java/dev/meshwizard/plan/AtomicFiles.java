package dev.meshwizard.plan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes files so that a reader sees the old content or the new, never half of it: the content goes to a
 * temporary file in the same folder, is flushed to disk, and is renamed over the target in one step. Every file
 * Mesh Wizard writes over goes through here.
 */
public final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {
    }

    /**
     * Writes {@code content} as UTF-8 to {@code target}, atomically, unless the file already holds exactly that.
     * A text that is not valid Unicode (a lone surrogate) fails before anything is written. On any failure the
     * old file is untouched and no temporary file is left.
     */
    public static void write(Path target, String content) throws IOException {
        write(target, encode(content), null);
    }

    /**
     * Writes {@code content} to {@code target}, atomically, with the given permissions (where the file system has
     * POSIX permissions); {@code null} keeps an existing file's permissions and gives a new one {@code rw-------}
     * (values and workspaces may hold secrets; the user widens them if they want).
     * The temporary file is created owner-only, so the content is never readable by others on the way.
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        byte[] bytes = content;
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Arrays.equals(Files.readAllBytes(target), bytes)
                && (permissions == null || permissionsAre(target, permissions))) {
            return;
        }
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (permissions == null) {
                keepPermissions(target, temp);
            } else {
                setPermissions(temp, permissions);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " in one step on this file system", e);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Sets POSIX permissions where the file system has them. */
    public static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            LOG.debug("No POSIX permissions for {}", path);
        }
    }

    private static boolean permissionsAre(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            return Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(permissions);
        } catch (UnsupportedOperationException e) {
            return true;
        }
    }

    /** Encodes text as UTF-8, failing on text that is not valid Unicode. */
    public static byte[] encode(String content) throws CharacterCodingException {
        ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(content));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    private static void keepPermissions(Path target, Path temp) {
        try {
            Set<PosixFilePermission> permissions = Files.exists(target)
                    ? Files.getPosixFilePermissions(target) : NEW_FILE;
            Files.setPosixFilePermissions(temp, permissions);
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("Keeping default permissions for {}: {}", target, e.toString());
        }
    }
}
