package dev.meshwizard.plan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a YAML file the user names (a values file, a manifest) as UTF-8 text, and says plainly why it cannot:
 * no such file, not UTF-8 (with the offset of the first bad byte), or larger than the YAML reader accepts.
 */
public final class YamlText {

    /** The most characters a YAML text may have (SnakeYAML's code point limit, which Mesh Wizard keeps). */
    public static final int MAX_CHARACTERS = 3 * 1024 * 1024;

    private YamlText() {
    }

    /**
     * The file's text.
     *
     * @throws IOException whose message says what is wrong without repeating the file name: "no such file",
     *                     "not UTF-8 text: …", "… over the limit …", "permission denied", or the system's words
     */
    public static String read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("is a folder, not a file");
        }
        long size;
        byte[] bytes;
        try {
            size = Files.size(file);
            if (size > 4L * MAX_CHARACTERS) {
                throw new IOException(tooLarge(size + " bytes"));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file", e);
        } catch (AccessDeniedException e) {
            throw new IOException("permission denied", e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        String text;
        try {
            text = decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            int offset = firstBadByte(bytes);
            throw new IOException("not UTF-8 text: byte 0x" + String.format("%02x", bytes[offset] & 0xff)
                    + " at offset " + offset + " (line " + lineAt(bytes, offset) + "); save the file as UTF-8", e);
        }
        java.util.Optional<String> tooLarge = sizeProblem(text);
        if (tooLarge.isPresent()) {
            throw new IOException(tooLarge.get());
        }
        return text;
    }

    /** Says when a text is over {@link #MAX_CHARACTERS}. */
    public static java.util.Optional<String> sizeProblem(String text) {
        if (text.length() <= MAX_CHARACTERS || text.codePointCount(0, text.length()) <= MAX_CHARACTERS) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(tooLarge(text.codePointCount(0, text.length()) + " characters"));
    }

    private static String tooLarge(String size) {
        return "too large: " + size + ", over the limit of " + MAX_CHARACTERS + " characters (3 MiB) for a YAML"
                + " file";
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
