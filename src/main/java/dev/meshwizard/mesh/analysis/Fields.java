package dev.meshwizard.mesh.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads fields of objects the analysis has no typed model for (ServiceEntries, RequestAuthentications, workload
 * kinds of any API version), as a JSON tree.
 */
final class Fields {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Fields() {
    }

    static JsonNode tree(HasMetadata object) {
        return SERIALIZATION.convertValue(object, JsonNode.class);
    }

    static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        }
        return values;
    }

    static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        }
        return labels;
    }
}
