package dev.meshwizard.charts;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** Reads one top-level file of a chart archive ({@code <chart>/<file>} in a {@code .tgz}) without unpacking it. */
final class ChartArchive {

    private static final int BLOCK = 512;
    private static final long MAX_FILE = 16L * 1024 * 1024;

    private ChartArchive() {
    }

    /** The text of {@code <top folder>/<name>} in the archive, when it has one. */
    static Optional<String> read(Path tgz, String name) throws IOException {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tgz)))) {
            byte[] header = new byte[BLOCK];
            while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
                String path = field(header, 345, 155);
                path = path.isEmpty() ? field(header, 0, 100) : path + "/" + field(header, 0, 100);
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0"
                        : field(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                boolean regular = type == '0' || type == 0;
                int slash = path.indexOf('/');
                if (regular && slash > 0 && path.substring(slash + 1).equals(name)) {
                    if (size > MAX_FILE) {
                        throw new IOException(path + " in " + tgz + " is larger than " + MAX_FILE + " bytes");
                    }
                    return Optional.of(new String(in.readNBytes((int) size), StandardCharsets.UTF_8));
                }
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                in.skipNBytes(padded);
            }
        }
        return Optional.empty();
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }
}
