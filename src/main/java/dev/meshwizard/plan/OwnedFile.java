package dev.meshwizard.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A single text file Mesh Wizard writes for the user (a sample's manifests), that it may later write again. Its
 * first line is a comment carrying the SHA-256 of the rest, so a later write can tell its own unchanged file from
 * one the user edited or made: only the former is replaced without being told to. Writes are atomic.
 */
public final class OwnedFile {

    private static final String MARK = "# Written by Mesh Wizard; SHA-256 of the lines below: ";

    private OwnedFile() {
    }

    /**
     * Writes {@code text} to {@code file} under the mark line.
     *
     * @param force replace the file even when it is not Mesh Wizard's own unchanged file
     * @throws OverwriteRefusedException when the file exists, is not Mesh Wizard's unchanged file, and not forced
     */
    public static void write(Path file, String text, boolean force) throws IOException {
        if (!force && !replaceable(file)) {
            throw new OverwriteRefusedException(file, List.of(file.getFileName().toString()),
                    "the file exists and was not written by Mesh Wizard or was changed since; not overwritten"
                            + " (--force overwrites it)");
        }
        AtomicFiles.write(file, MARK + sha256(text) + "\n" + text);
    }

    /** Whether writing to {@code file} would replace nothing the user made: no file, or our own unchanged one. */
    public static boolean replaceable(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        int end = content.indexOf('\n');
        if (!content.startsWith(MARK) || end < 0) {
            return false;
        }
        return content.substring(MARK.length(), end).equals(sha256(content.substring(end + 1)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
