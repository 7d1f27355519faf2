package dev.meshwizard.cli;

import java.io.FilterOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The one escaper for text that reaches a terminal: control characters (ESC, BEL, backspace, a bare carriage
 * return, DEL and the C1 controls) are written as visible escapes such as {@code \x1b}, so a log line, an object
 * name or an event message from a cluster cannot move the cursor, retitle the window or ring the bell. Line
 * breaks and tabs pass through. Every command's standard output and error go through {@link #writer}.
 */
final class TerminalText {

    private static final boolean CRLF = System.lineSeparator().equals("\r\n");

    private TerminalText() {
    }

    /** The text with every control character but line feed and tab replaced by its escape. */
    static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSafe(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(escaped(c));
        }
        return out == null ? text : out.toString();
    }

    /** A print writer that escapes everything written through it, as {@link #escape} does. */
    static PrintWriter writer(Writer target) {
        return new PrintWriter(new EscapingWriter(target), true);
    }

    /**
     * A byte stream that escapes the C0 control bytes (but line feed and tab) and DEL, for what is written to the
     * process's standard error without going through a command's writer (the log lines of slf4j-simple).
     */
    static OutputStream bytes(OutputStream target) {
        return new FilterOutputStream(target) {
            @Override
            public void write(int b) throws IOException {
                char c = (char) (b & 0xff);
                if (c < 0x80 && !isSafe(c)) {
                    out.write(escaped(c).getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                for (int i = offset; i < offset + length; i++) {
                    write(bytes[i]);
                }
            }
        };
    }

    private static boolean isSafe(char c) {
        if (c == '\n' || c == '\t' || c == '\r' && CRLF) {
            return true;
        }
        return !(c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f);
    }

    private static String escaped(char c) {
        return switch (c) {
            case '\r' -> "\\r";
            case 0x1b -> "\\e";
            default -> c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
        };
    }

    private static final class EscapingWriter extends FilterWriter {
        EscapingWriter(Writer target) {
            super(target);
        }

        @Override
        public void write(int c) throws IOException {
            if (isSafe((char) c)) {
                out.write(c);
            } else {
                out.write(escaped((char) c));
            }
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            out.write(escape(new String(chars, offset, length)));
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            out.write(escape(text.substring(offset, offset + length)));
        }
    }
}
