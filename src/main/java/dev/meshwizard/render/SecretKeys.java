package dev.meshwizard.render;

import dev.meshwizard.plan.ValuesDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Values whose keys look like they hold a secret: password, token, secret, credential, key, cert. */
final class SecretKeys {

    private static final Pattern SECRET = Pattern.compile(".*(password|passwd|token|secret|credential|cert"
            + "|private.?key|api.?key).*|(.*[^a-z])?key([^a-z].*)?");

    private SecretKeys() {
    }

    /** The dotted paths of the leaves of a values text whose last key looks secret; empty if it does not parse. */
    static List<String> inValues(String yaml) {
        List<String> found = new ArrayList<>();
        try {
            walk(ValuesDocument.parse(yaml).toMap(), "", found);
        } catch (RuntimeException e) {
            // a values text that does not parse was reported by the render; nothing to warn about here
        }
        return found;
    }

    /** The keys (as {@code --set} writes them) whose last segment looks secret. */
    static List<String> inKeys(List<String> keys) {
        return keys.stream().filter(key -> looksSecret(lastSegment(key))).toList();
    }

    static boolean looksSecret(String key) {
        return SECRET.matcher(key.toLowerCase(Locale.ROOT)).matches();
    }

    private static void walk(Map<?, ?> map, String prefix, List<String> found) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (entry.getValue() instanceof Map<?, ?> child) {
                walk(child, path, found);
            } else if (entry.getValue() != null && !String.valueOf(entry.getValue()).isBlank() && looksSecret(key)) {
                found.add(path);
            }
        }
    }

    private static String lastSegment(String key) {
        String[] parts = key.split("(?<!\\\\)\\.");
        return parts[parts.length - 1];
    }
}
