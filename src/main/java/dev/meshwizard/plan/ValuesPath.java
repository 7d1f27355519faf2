package dev.meshwizard.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A path into a values file, written the way Helm users write {@code --set} keys: keys joined by dots, list
 * items by index, and keys that contain dots in double quotes:
 * {@code service.ports[1].targetPort}, {@code service.annotations."service.beta.kubernetes.io/aws-load-balancer-type"}.
 *
 * <p>Each segment is a {@link String} key or an {@link Integer} list index. The empty path is the document
 * itself.
 *
 * @param segments the keys and indexes, outermost first
 */
public record ValuesPath(List<Object> segments) {

    private static final Pattern PLAIN_KEY = Pattern.compile("[^.\\[\\]\"\\s]+");

    public ValuesPath {
        segments = List.copyOf(segments);
        for (Object segment : segments) {
            if (!(segment instanceof String) && !(segment instanceof Integer)) {
                throw new IllegalArgumentException("a path segment is a key or an index, not " + segment);
            }
        }
    }

    /** The path of nested keys, e.g. {@code of("service", "annotations", "a.b/c")}. */
    public static ValuesPath of(String... keys) {
        return new ValuesPath(List.of((Object[]) keys));
    }

    /**
     * Reads a dotted path.
     *
     * @throws IllegalArgumentException when the text is not a path, e.g. an unclosed quote or bracket
     */
    public static ValuesPath parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Object> segments = new ArrayList<>();
        int i = 0;
        int n = text.length();
        boolean expectKey = true;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw bad(text, "unclosed [");
                }
                try {
                    segments.add(Integer.parseInt(text.substring(i + 1, close).trim()));
                } catch (NumberFormatException e) {
                    throw bad(text, "a list index is a number");
                }
                i = close + 1;
                expectKey = false;
            } else if (c == '.' && !expectKey) {
                i++;
                expectKey = true;
            } else if (c == '"' && expectKey) {
                StringBuilder key = new StringBuilder();
                i++;
                while (i < n && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    key.append(text.charAt(i++));
                }
                if (i >= n) {
                    throw bad(text, "unclosed quote");
                }
                segments.add(key.toString());
                i++;
                expectKey = false;
            } else if (expectKey) {
                int end = i;
                while (end < n && ".[\"".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                if (end == i) {
                    throw bad(text, "empty key");
                }
                segments.add(text.substring(i, end));
                i = end;
                expectKey = false;
            } else {
                throw bad(text, "unexpected '" + c + "'");
            }
        }
        if (expectKey && !segments.isEmpty()) {
            throw bad(text, "ends with a dot");
        }
        return new ValuesPath(segments);
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("not a values path: " + text + " (" + why + ")");
    }

    /** This path with one more key. */
    public ValuesPath child(String key) {
        return append(key);
    }

    /** This path with one more list index. */
    public ValuesPath index(int index) {
        return append(index);
    }

    private ValuesPath append(Object segment) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new ValuesPath(longer);
    }

    /** The path without its last segment; the empty path for a one-segment path. */
    public ValuesPath parent() {
        return isEmpty() ? this : new ValuesPath(segments.subList(0, segments.size() - 1));
    }

    /** The last segment, or null for the empty path. */
    public Object last() {
        return isEmpty() ? null : segments.get(segments.size() - 1);
    }

    /** Whether this is the path of the whole document. */
    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /** The number of segments. */
    public int size() {
        return segments.size();
    }

    /** The path from segment {@code from} on. */
    public ValuesPath tail(int from) {
        return new ValuesPath(segments.subList(Math.min(from, segments.size()), segments.size()));
    }

    /** Whether this path begins with all of {@code prefix}'s segments. */
    public boolean startsWith(ValuesPath prefix) {
        return prefix.size() <= size() && Collections.indexOfSubList(segments, prefix.segments) == 0;
    }

    /** The path as {@link #parse} reads it; keys with dots, brackets, quotes or spaces are quoted. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
                continue;
            }
            String key = (String) segment;
            if (out.length() > 0) {
                out.append('.');
            }
            if (PLAIN_KEY.matcher(key).matches()) {
                out.append(key);
            } else {
                out.append('"').append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return out.toString();
    }
}
