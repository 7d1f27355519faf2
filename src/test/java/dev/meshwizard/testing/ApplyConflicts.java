package dev.meshwizard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCauseBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Field ownership between the managers that apply an object: an apply that would change a field another manager
 * applied is a conflict, answered as a real API server does (409 {@code Conflict}, one {@code FieldManagerConflict}
 * cause per field, the message naming fields and managers) unless the apply is forced, which takes the fields from
 * the other managers. A field applied with the value it already has is shared, not a conflict.
 *
 * <p>Only managers that applied ({@code operation: Apply}) own fields here: the simulation records no
 * {@code Update} entries for creates, replaces and patches.
 */
final class ApplyConflicts {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A field that {@code manager} owns and the apply would change; {@code path} as FieldsV1 keys. */
    record Conflict(String manager, List<String> path) {

        /** The field as the server prints it, e.g. {@code .spec.containers[name="web"].image}. */
        String field() {
            StringBuilder text = new StringBuilder();
            for (String key : path) {
                if (key.startsWith("f:")) {
                    text.append('.').append(key.substring(2));
                } else if (key.startsWith("k:")) {
                    text.append('[');
                    try {
                        JsonNode id = JSON.readTree(key.substring(2));
                        List<String> parts = new ArrayList<>();
                        id.fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + e.getValue().toString()));
                        text.append(String.join(",", parts));
                    } catch (IOException e) {
                        text.append(key.substring(2));
                    }
                    text.append(']');
                }
            }
            return text.toString();
        }
    }

    private ApplyConflicts() {
    }

    /** The fields other managers applied that {@code applied} would change in {@code stored}. */
    static List<Conflict> find(ObjectNode stored, ObjectNode applied, String manager) {
        List<List<String>> mine = leaves(ServerSideApply.fieldSet(applied, true));
        List<Conflict> conflicts = new ArrayList<>();
        for (JsonNode entry : managedFields(stored)) {
            String other = entry.path("manager").asText();
            if (other.equals(manager) || !"Apply".equals(entry.path("operation").asText())
                    || !(entry.get("fieldsV1") instanceof ObjectNode owned)) {
                continue;
            }
            List<List<String>> theirs = leaves(owned);
            for (List<String> path : mine) {
                if (theirs.contains(path) && !value(applied, path).equals(value(stored, path))) {
                    conflicts.add(new Conflict(other, path));
                }
            }
        }
        return conflicts;
    }

    /** {@code stored} with the conflicting fields taken from their managers, as a forced apply does. */
    static ObjectNode disown(ObjectNode stored, List<Conflict> conflicts) {
        ObjectNode result = stored.deepCopy();
        if (!(result.path("metadata").get("managedFields") instanceof ArrayNode managed)) {
            return result;
        }
        for (int i = managed.size() - 1; i >= 0; i--) {
            JsonNode entry = managed.get(i);
            if (entry.get("fieldsV1") instanceof ObjectNode fields) {
                for (Conflict conflict : conflicts) {
                    if (conflict.manager().equals(entry.path("manager").asText())) {
                        remove(fields, conflict.path(), 0);
                    }
                }
                if (fields.isEmpty()) {
                    managed.remove(i);
                }
            }
        }
        return result;
    }

    /** The 409 a real server answers for {@code conflicts}. */
    static MockResponse refusal(List<Conflict> unordered) {
        // A real server's field sets are ordered, so its message and causes list the fields sorted
        List<Conflict> conflicts = unordered.stream().sorted(java.util.Comparator.comparing(Conflict::manager)
                .thenComparing(Conflict::field)).toList();
        Map<String, List<String>> byManager = new TreeMap<>();
        conflicts.forEach(c -> byManager.computeIfAbsent(c.manager(), m -> new ArrayList<>()).add(c.field()));
        String message;
        if (conflicts.size() == 1) {
            message = "Apply failed with 1 conflict: conflict with \"" + conflicts.get(0).manager() + "\": "
                    + conflicts.get(0).field();
        } else {
            List<String> lines = new ArrayList<>();
            byManager.forEach((manager, fields) -> {
                lines.add("conflicts with \"" + manager + "\":");
                fields.forEach(f -> lines.add("- " + f));
            });
            message = "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
        }
        Status status = new StatusBuilder().withStatus("Failure").withCode(409).withReason("Conflict")
                .withMessage(message).withNewDetails()
                .withCauses(conflicts.stream().map(c -> new StatusCauseBuilder().withReason("FieldManagerConflict")
                        .withMessage("conflict with \"" + c.manager() + "\"").withField(c.field()).build()).toList())
                .endDetails().build();
        return new MockResponse().setResponseCode(409).setHeader("Content-Type", "application/json")
                .setBody(Serialization.asJson(status));
    }

    private static Iterable<JsonNode> managedFields(ObjectNode object) {
        JsonNode managed = object.path("metadata").get("managedFields");
        return managed instanceof ArrayNode list ? list : List.of();
    }

    /** The owned leaves of a FieldsV1 set: paths whose last key has no children. */
    static List<List<String>> leaves(ObjectNode fields) {
        List<List<String>> leaves = new ArrayList<>();
        collect(fields, new ArrayList<>(), leaves);
        return leaves;
    }

    private static void collect(ObjectNode fields, List<String> path, List<List<String>> leaves) {
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            List<String> here = new ArrayList<>(path);
            here.add(field.getKey());
            if (field.getValue() instanceof ObjectNode children && !children.isEmpty()) {
                collect(children, here, leaves);
            } else if (!field.getKey().equals(".")) {
                leaves.add(here);
            }
        }
    }

    /** The value at a FieldsV1 path of an object; a missing node when there is none. */
    private static JsonNode value(JsonNode object, List<String> path) {
        JsonNode node = object;
        for (String key : path) {
            if (key.startsWith("f:")) {
                node = node.path(key.substring(2));
            } else if (key.startsWith("k:") && node instanceof ArrayNode array) {
                node = element(array, key.substring(2));
            } else {
                return MissingNode.getInstance();
            }
        }
        return node;
    }

    private static JsonNode element(ArrayNode array, String idJson) {
        try {
            Map<String, JsonNode> id = new LinkedHashMap<>();
            JSON.readTree(idJson).fields().forEachRemaining(e -> id.put(e.getKey(), e.getValue()));
            for (JsonNode element : array) {
                if (id.entrySet().stream().allMatch(e -> e.getValue().equals(element.get(e.getKey())))) {
                    return element;
                }
            }
        } catch (IOException e) {
            // not an element key
        }
        return MissingNode.getInstance();
    }

    /** Removes a leaf path from a FieldsV1 set, and the parents it leaves empty. */
    private static void remove(ObjectNode fields, List<String> path, int at) {
        String key = path.get(at);
        if (at == path.size() - 1) {
            fields.remove(key);
            return;
        }
        if (fields.get(key) instanceof ObjectNode child) {
            remove(child, path, at + 1);
            if (child.isEmpty()) {
                fields.remove(key);
            }
        }
    }
}
