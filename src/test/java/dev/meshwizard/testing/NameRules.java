package dev.meshwizard.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The name and key formats an API server checks, with its own explanations (so a test or a user sees what a real
 * cluster would say): DNS-1123 labels and subdomains, DNS-1035 labels, label keys and values, ConfigMap keys and
 * port names. Each check answers the list of what is wrong, empty when the value is fine.
 */
final class NameRules {

    private static final String LABEL_1123 = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String SUBDOMAIN = LABEL_1123 + "(\\." + LABEL_1123 + ")*";
    private static final String LABEL_1035 = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private static final String KEY_NAME = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String LABEL_VALUE = "(" + KEY_NAME + ")?";
    private static final String CONFIG_KEY = "[-._a-zA-Z0-9]+";

    private NameRules() {
    }

    static List<String> dns1123Label(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > 63) {
            errors.add(maxLength(63));
        }
        if (!value.matches(LABEL_1123)) {
            errors.add(value.matches(SUBDOMAIN) ? "must not contain dots" : regex("a lowercase RFC 1123 label must "
                    + "consist of lower case alphanumeric characters or '-', and must start and end with an "
                    + "alphanumeric character", LABEL_1123, "my-name", "123-abc"));
        }
        return errors;
    }

    static List<String> dns1123Subdomain(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > 253) {
            errors.add(maxLength(253));
        }
        if (!value.matches(SUBDOMAIN)) {
            errors.add(regex("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
                    + "'-' or '.', and must start and end with an alphanumeric character", SUBDOMAIN, "example.com"));
        }
        return errors;
    }

    static List<String> dns1035Label(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > 63) {
            errors.add(maxLength(63));
        }
        if (!value.matches(LABEL_1035)) {
            errors.add(regex("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start "
                    + "with an alphabetic character, and end with an alphanumeric character", LABEL_1035, "my-name",
                    "abc-123"));
        }
        return errors;
    }

    /** Names of RBAC objects and others checked only as one path segment of a URL. */
    static List<String> pathSegment(String value) {
        if (value.equals(".") || value.equals("..")) {
            return List.of("may not be '" + value + "'");
        }
        for (String illegal : List.of("/", "%")) {
            if (value.contains(illegal)) {
                return List.of("may not contain '" + illegal + "'");
            }
        }
        return List.of();
    }

    static List<String> labelKey(String value) {
        List<String> errors = new ArrayList<>();
        String[] parts = value.split("/", -1);
        if (parts.length > 2) {
            return List.of("a valid label key " + regex(keyMessage(), KEY_NAME, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        }
        String name = parts[parts.length - 1];
        if (parts.length == 2) {
            if (parts[0].isEmpty()) {
                errors.add("prefix part must be non-empty");
            } else {
                dns1123Subdomain(parts[0]).forEach(e -> errors.add("prefix part " + e));
            }
        }
        if (name.isEmpty()) {
            errors.add("name part must be non-empty");
        } else if (name.length() > 63) {
            errors.add("name part " + maxLength(63));
        }
        if (!name.matches(KEY_NAME)) {
            errors.add("name part " + regex(keyMessage(), KEY_NAME, "MyName", "my.name", "123-abc"));
        }
        return errors;
    }

    static List<String> labelValue(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > 63) {
            errors.add(maxLength(63));
        }
        if (!value.matches(LABEL_VALUE)) {
            errors.add(regex("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' "
                    + "or '.', and must start and end with an alphanumeric character", LABEL_VALUE, "MyValue",
                    "my_value", "12345"));
        }
        return errors;
    }

    static List<String> configKey(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > 253) {
            errors.add(maxLength(253));
        }
        if (!value.matches(CONFIG_KEY)) {
            errors.add(regex("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                    CONFIG_KEY, "key.name", "KEY_NAME", "key-name"));
        }
        if (value.equals(".") || value.equals("..")) {
            errors.add("must not be '" + value + "'");
        } else if (value.startsWith("..")) {
            errors.add("must not start with '..'");
        }
        return errors;
    }

    static List<String> portName(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > 15) {
            errors.add(maxLength(15));
        }
        if (!value.matches("[-a-z0-9]+")) {
            errors.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!Pattern.compile("[a-z]").matcher(value).find()) {
            errors.add("must contain at least one letter (a-z)");
        }
        if (value.contains("--")) {
            errors.add("must not contain consecutive hyphens");
        }
        if (value.startsWith("-") || value.endsWith("-")) {
            errors.add("must not begin or end with a hyphen");
        }
        return errors;
    }

    static List<String> port(long port) {
        return port >= 1 && port <= 65535 ? List.of() : List.of("must be between 1 and 65535, inclusive");
    }

    private static String keyMessage() {
        return "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
                + "alphanumeric character";
    }

    private static String maxLength(int length) {
        return "must be no more than " + length + " characters";
    }

    private static String regex(String message, String format, String... examples) {
        StringBuilder text = new StringBuilder(message).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            text.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
        }
        return text.append("regex used for validation is '").append(format).append("')").toString();
    }
}
