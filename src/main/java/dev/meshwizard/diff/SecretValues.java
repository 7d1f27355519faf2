package dev.meshwizard.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwizard.render.RenderedObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces a normalised Secret's values with markers before it is shown: {@value RenderedObject#REDACTED}, or
 * {@value ObjectDiff#REDACTED_CHANGED} for a value that differs from the other side's. Keys stay visible.
 */
final class SecretValues {

    private static final List<String> VALUE_FIELDS = List.of("data", "stringData", "binaryData");

    private SecretValues() {
    }

    /**
     * A copy of {@code secret} without values.
     *
     * @param comparedWith the other side to mark changed values against, or null to mark none as changed
     */
    static ObjectNode redacted(ObjectNode secret, ObjectNode comparedWith) {
        ObjectNode copy = secret.deepCopy();
        for (String field : VALUE_FIELDS) {
            JsonNode values = copy.get(field);
            JsonNode other = comparedWith == null ? null : comparedWith.get(field);
            if (values instanceof ObjectNode map) {
                List<String> keys = new ArrayList<>();
                map.fieldNames().forEachRemaining(keys::add);
                for (String key : keys) {
                    boolean changed = other != null && other.has(key) && !other.get(key).equals(map.get(key));
                    map.put(key, changed ? ObjectDiff.REDACTED_CHANGED : RenderedObject.REDACTED);
                }
            } else if (values != null) {
                boolean changed = other != null && !other.equals(values);
                copy.put(field, changed ? ObjectDiff.REDACTED_CHANGED : RenderedObject.REDACTED);
            }
        }
        return copy;
    }
}
