package dev.meshwizard.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Brings an object into the form two objects are compared in: fields the API server owns are dropped, nulls and
 * empty label/annotation maps removed, a Secret's {@code stringData} folded into {@code data} as the server does,
 * whole numbers held as one number type, and every mapping's keys sorted ({@code apiVersion}, {@code kind},
 * {@code metadata} first at the top).
 */
final class ObjectNormalizer {

    private static final List<String> SERVER_METADATA = List.of(
            "managedFields", "resourceVersion", "uid", "generation", "creationTimestamp", "selfLink");
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    private static final String HELM_ANNOTATION_PREFIX = "meta.helm.sh/";
    private static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    private static final List<String> TOP_FIRST = List.of("apiVersion", "kind", "metadata");

    private final boolean ignoreHelmOwnership;

    ObjectNormalizer(boolean ignoreHelmOwnership) {
        this.ignoreHelmOwnership = ignoreHelmOwnership;
    }

    static boolean isSecret(JsonNode object) {
        return "Secret".equals(object.path("kind").asText()) && "v1".equals(object.path("apiVersion").asText());
    }

    /** A normalised, sorted copy; the argument is left as it was. */
    ObjectNode normalize(JsonNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove("status");
        if (copy.get("metadata") instanceof ObjectNode metadata) {
            SERVER_METADATA.forEach(metadata::remove);
            if (metadata.get("annotations") instanceof ObjectNode annotations) {
                annotations.remove(LAST_APPLIED);
                if (ignoreHelmOwnership) {
                    List<String> helm = new ArrayList<>();
                    annotations.fieldNames().forEachRemaining(key -> {
                        if (key.startsWith(HELM_ANNOTATION_PREFIX)) {
                            helm.add(key);
                        }
                    });
                    annotations.remove(helm);
                }
            }
            if (ignoreHelmOwnership && metadata.get("labels") instanceof ObjectNode labels
                    && "Helm".equals(labels.path(MANAGED_BY).asText())) {
                labels.remove(MANAGED_BY);
            }
            for (String map : List.of("annotations", "labels")) {
                JsonNode value = metadata.get(map);
                if (value != null && (value.isNull() || value.isObject() && value.isEmpty())) {
                    metadata.remove(map);
                }
            }
        }
        if (isSecret(copy)) {
            foldStringData(copy);
        }
        return (ObjectNode) sorted(copy, true);
    }

    private static void foldStringData(ObjectNode secret) {
        JsonNode stringData = secret.remove("stringData");
        if (!(stringData instanceof ObjectNode plain) || plain.isEmpty()) {
            return;
        }
        ObjectNode data = secret.get("data") instanceof ObjectNode existing ? existing : secret.putObject("data");
        Iterator<Map.Entry<String, JsonNode>> fields = plain.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            byte[] bytes = field.getValue().asText("").getBytes(StandardCharsets.UTF_8);
            data.put(field.getKey(), Base64.getEncoder().encodeToString(bytes));
        }
    }

    private static JsonNode sorted(JsonNode node, boolean top) {
        if (node instanceof ObjectNode object) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            keys.sort(top ? ObjectNormalizer::compareTopKeys : String::compareTo);
            for (String key : keys) {
                JsonNode value = object.get(key);
                if (value != null && !value.isNull() && !value.isMissingNode()) {
                    out.set(key, sorted(value, false));
                }
            }
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            array.forEach(item -> out.add(sorted(item, false)));
            return out;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return LongNode.valueOf(node.longValue());
        }
        return node;
    }

    private static int compareTopKeys(String a, String b) {
        int rankA = TOP_FIRST.indexOf(a);
        int rankB = TOP_FIRST.indexOf(b);
        if (rankA >= 0 || rankB >= 0) {
            return Integer.compare(rankA < 0 ? TOP_FIRST.size() : rankA, rankB < 0 ? TOP_FIRST.size() : rankB);
        }
        return a.compareTo(b);
    }
}
