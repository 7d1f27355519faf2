package dev.meshwizard.plan;

import java.util.Optional;

/**
 * Checks the syntax of a {@code --set} text the way Helm reads it: comma-separated {@code key=value} items, a key
 * being names joined by dots with optional list indexes ({@code a.b[0].c}), a backslash escaping the next
 * character, a value in braces ({@code {x,y}}) being a list. Catching a malformed item here makes it bad input
 * quoted back to the user, instead of a parser message from inside Helm ("error parsing index: EOF").
 */
public final class SetItems {

    private SetItems() {
    }

    /**
     * What is wrong with a {@code --set} text, or empty when Helm can read it.
     *
     * @param text the text after {@code --set} (and after the release name, on Mesh Wizard's command line)
     */
    public static Optional<String> problem(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("is empty; expected key=value");
        }
        int i = 0;
        int n = text.length();
        while (i < n) {
            int keyStart = i;
            i = key(text, i);
            if (i < 0) {
                return Optional.of(keyProblem(text, keyStart, -i - 1));
            }
            i = value(text, i + 1);
            if (i < 0) {
                return Optional.of("has a list value opened with '{' that is not closed with '}'");
            }
            if (i < n) {
                i++;
                if (i == n) {
                    return Optional.of("ends with ','; remove it or add another key=value");
                }
            }
        }
        return Optional.empty();
    }

    /** Index of the '=' ending the key; on error -(index of the fault) - 1. */
    private static int key(String text, int from) {
        int i = from;
        int n = text.length();
        boolean segmentStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    return -i - 1;
                }
                i += 2;
                segmentStart = false;
            } else if (c == '=') {
                return segmentStart ? -i - 1 : i;
            } else if (c == '.') {
                if (segmentStart) {
                    return -i - 1;
                }
                segmentStart = true;
                i++;
            } else if (c == '[') {
                if (segmentStart) {
                    return -i - 1;
                }
                int close = i + 1;
                while (close < n && Character.isDigit(text.charAt(close))) {
                    close++;
                }
                if (close == i + 1 || close >= n || text.charAt(close) != ']') {
                    return -i - 1;
                }
                i = close + 1;
                if (i < n && ".[=".indexOf(text.charAt(i)) < 0) {
                    return -i - 1;
                }
            } else if (c == ',' || c == ']') {
                return -i - 1;
            } else {
                segmentStart = false;
                i++;
            }
        }
        return -n - 1;
    }

    private static String keyProblem(String text, int keyStart, int fault) {
        if (fault >= text.length()) {
            return "has no '=' after the key \"" + text.substring(keyStart) + "\"; expected key=value";
        }
        char c = text.charAt(fault);
        String where = " at character " + (fault + 1);
        return switch (c) {
            case '[' -> "has a list index that is not a number in brackets" + where + " (e.g. ports[0].name=http)";
            case '=' -> "has an empty key before '='" + where;
            case '.' -> "has an empty key between dots" + where;
            default -> "has an unexpected '" + c + "' in the key" + where;
        };
    }

    /** Index of the ',' ending the value (or the text's length); -1 for an unclosed brace. */
    private static int value(String text, int from) {
        int i = from;
        int n = text.length();
        if (i < n && text.charAt(i) == '{') {
            int close = text.indexOf('}', i);
            if (close < 0) {
                return -1;
            }
            i = close + 1;
        }
        while (i < n && text.charAt(i) != ',') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, n);
    }
}
