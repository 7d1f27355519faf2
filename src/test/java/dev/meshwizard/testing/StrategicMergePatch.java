package dev.meshwizard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Applies a strategic-merge patch ({@code application/strategic-merge-patch+json}) to a stored object, which the
 * CRUD mock does not do (it answers 415). Helm sends one for every built-in kind it upgrades: the three-way
 * difference between the previous revision's manifest, the live object and the new manifest.
 *
 * <p>Approximate: a real server knows each field's patch strategy and merge key from the Go types. Here a list
 * of objects is merged element by element when every element of the patch's list carries the same one of the
 * usual merge keys ({@code name}, {@code containerPort}, {@code port}, {@code mountPath}, {@code devicePath},
 * {@code ip}, {@code type}), or the one key that the {@code $setElementOrder} directive's entries name (which
 * is the real merge key); any other list is replaced, as in a JSON merge patch. The directives {@code $patch}
 * (replace, delete), {@code $retainKeys}, {@code $setElementOrder/<field>} and
 * {@code $deleteFromPrimitiveList/<field>} are followed; a {@code null} removes a field.
 */
final class StrategicMergePatch {

    static final String CONTENT_TYPE = "application/strategic-merge-patch+json";

    private static final List<String> MERGE_KEYS =
            List.of("name", "containerPort", "port", "mountPath", "devicePath", "ip", "type");
    private static final String ORDER = "$setElementOrder/";
    private static final String DELETE_PRIMITIVES = "$deleteFromPrimitiveList/";

    private StrategicMergePatch() {
    }

    /** Applies {@code patch} to {@code target} in place and returns it. */
    static ObjectNode apply(ObjectNode target, ObjectNode patch) {
        String directive = patch.path("$patch").asText("");
        if (directive.equals("replace")) {
            target.removeAll();
            target.setAll((ObjectNode) withoutDirectives(patch));
            return target;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.startsWith(DELETE_PRIMITIVES)) {
                deleteFromPrimitiveList(target, key.substring(DELETE_PRIMITIVES.length()), value);
            } else if (key.startsWith("$")) {
                continue;
            } else if (value.isNull()) {
                target.remove(key);
            } else if (value.isObject() && value.path("$patch").asText("").equals("delete")) {
                target.remove(key);
            } else if (value.isObject() && target.get(key) instanceof ObjectNode existing) {
                apply(existing, (ObjectNode) value);
            } else if (value.isArray() && target.get(key) instanceof ArrayNode existing) {
                target.set(key, mergeList(existing, (ArrayNode) value, patch.get(ORDER + key)));
            } else {
                target.set(key, withoutDirectives(value));
            }
        }
        if (patch.get("$retainKeys") instanceof ArrayNode retain) {
            List<String> kept = new ArrayList<>();
            retain.forEach(name -> kept.add(name.asText()));
            target.retain(kept);
        }
        return target;
    }

    private static ArrayNode mergeList(ArrayNode current, ArrayNode patch, JsonNode order) {
        String mergeKey = order != null && order.path(0).size() == 1 ? order.path(0).fieldNames().next()
                : mergeKey(patch);
        if (mergeKey == null) {
            return (ArrayNode) withoutDirectives(patch);
        }
        ArrayNode merged = current.deepCopy();
        for (JsonNode element : patch) {
            JsonNode keyValue = element.get(mergeKey);
            int index = indexOf(merged, mergeKey, keyValue);
            String directive = element.path("$patch").asText("");
            if (directive.equals("delete")) {
                if (index >= 0) {
                    merged.remove(index);
                }
            } else if (index >= 0 && merged.get(index) instanceof ObjectNode existing) {
                apply(existing, (ObjectNode) element);
            } else {
                merged.add(withoutDirectives(element));
            }
        }
        if (order instanceof ArrayNode wanted) {
            ArrayNode ordered = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : wanted) {
                int index = indexOf(merged, mergeKey, item.get(mergeKey));
                if (index >= 0) {
                    ordered.add(merged.remove(index));
                }
            }
            ordered.addAll(merged);
            return ordered;
        }
        return merged;
    }

    /** The usual merge key that every element of {@code list} carries, or null when there is none. */
    static String mergeKey(ArrayNode patch) {
        if (patch.isEmpty()) {
            return null;
        }
        for (String key : MERGE_KEYS) {
            boolean all = true;
            for (JsonNode element : patch) {
                all &= element.isObject() && element.hasNonNull(key);
            }
            if (all) {
                return key;
            }
        }
        return null;
    }

    private static int indexOf(ArrayNode list, String key, JsonNode value) {
        for (int i = 0; i < list.size(); i++) {
            if (value != null && value.equals(list.get(i).get(key))) {
                return i;
            }
        }
        return -1;
    }

    private static void deleteFromPrimitiveList(ObjectNode target, String field, JsonNode values) {
        if (target.get(field) instanceof ArrayNode list) {
            for (int i = list.size() - 1; i >= 0; i--) {
                for (JsonNode value : values) {
                    if (value.equals(list.get(i))) {
                        list.remove(i);
                        break;
                    }
                }
            }
        }
    }

    /** A copy of {@code node} without {@code $} directives and null fields, as a newly set value. */
    private static JsonNode withoutDirectives(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            object.fields().forEachRemaining(field -> {
                if (!field.getKey().startsWith("$") && !field.getValue().isNull()) {
                    copy.set(field.getKey(), withoutDirectives(field.getValue()));
                }
            });
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> copy.add(withoutDirectives(element)));
            return copy;
        }
        return node;
    }
}
