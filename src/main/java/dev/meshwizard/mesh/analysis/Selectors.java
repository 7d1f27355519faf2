package dev.meshwizard.mesh.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Kubernetes label selectors ({@code matchLabels}, {@code matchExpressions}) read from a JSON tree. */
final class Selectors {

    private Selectors() {
    }

    /** Whether labels match a selector; a missing selector matches everything, as Kubernetes defines it. */
    static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (selector == null || selector.isMissingNode() || selector.isNull()) {
            return true;
        }
        for (Map.Entry<String, String> wanted : Fields.labels(selector.path("matchLabels")).entrySet()) {
            if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            List<String> values = Fields.strings(expression.path("values"));
            String value = labels.get(key);
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
