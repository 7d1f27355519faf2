package dev.meshwizard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-side apply ({@code application/apply-patch+yaml}) for the simulated API, which the CRUD mock answers with
 * 415. An apply creates the object when it is missing and otherwise merges the applied configuration into the
 * stored object, then removes what the same field manager applied last time and no longer applies.
 *
 * <p>Approximate, and only as far as tests need it: the fields a manager owns are recorded in
 * {@code metadata.managedFields} (operation {@code Apply}, {@code FieldsV1}) from the applied configuration alone;
 * lists of objects are merged by the usual merge keys that {@link StrategicMergePatch} guesses ({@code k:} entries),
 * other lists are owned as a whole. An apply that would change a field another applying manager owns is refused
 * with 409 unless {@code force=true} ({@link ApplyConflicts}); writes other than applies are not recorded as
 * {@code Update} entries, so they own nothing. A real server derives ownership from the types' schemas. An apply
 * that changes nothing writes nothing, so the resource version stays.
 */
final class ServerSideApply {

    static final String CONTENT_TYPE = "application/apply-patch+yaml";

    private static final List<String> UNOWNED_TOP = List.of("apiVersion", "kind", "status");
    private static final List<String> UNOWNED_METADATA = List.of("name", "namespace", "managedFields",
            "resourceVersion", "uid", "generation", "creationTimestamp");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern NAMESPACE_IN_PATH = Pattern.compile("/namespaces/([^/]+)/");

    /** Sends a request to the stored objects without HTTP. */
    interface Store {
        MockResponse send(HttpMethod method, String path, String json);
    }

    private ServerSideApply() {
    }

    /**
     * Answers an apply PATCH to {@code path}: creates the object when it is missing, merges otherwise, and with
     * {@code dryRun=All} answers what it would store without storing it.
     */
    static MockResponse handle(String path, String fullPath, byte[] body, Store store) {
        String manager = queryParameter(fullPath, "fieldManager");
        if (manager == null || manager.isEmpty()) {
            return status(400, "BadRequest", "PATCH " + path + ": fieldManager is required for apply requests");
        }
        boolean dryRun = "All".equals(queryParameter(fullPath, "dryRun"));
        ObjectNode applied;
        try {
            applied = (ObjectNode) YAML.readTree(body);
        } catch (IOException | ClassCastException e) {
            return status(400, "BadRequest", "cannot read the applied configuration: " + e.getMessage());
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!name.equals(applied.path("metadata").path("name").asText())) {
            return status(400, "BadRequest", "the name in the body does not match the name in the URL " + path);
        }
        Matcher namespace = NAMESPACE_IN_PATH.matcher(path);
        if (namespace.find() && applied.get("metadata") instanceof ObjectNode metadata
                && !metadata.hasNonNull("namespace")) {
            metadata.put("namespace", namespace.group(1));
        }
        Instant now = Instant.now();
        MockResponse current = store.send(HttpMethod.GET, path, "");
        if (current.code() == 404) {
            ObjectNode created = create(applied, manager, now);
            if (dryRun) {
                return new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
                        .setBody(created.toString());
            }
            return store.send(HttpMethod.POST, path.substring(0, path.lastIndexOf('/')),
                    created.toString());
        }
        if (current.code() != 200) {
            return current;
        }
        try {
            ObjectNode stored = (ObjectNode) JSON.readTree(current.getBody().getBytes());
            List<ApplyConflicts.Conflict> conflicts = ApplyConflicts.find(stored, applied, manager);
            if (!conflicts.isEmpty() && !"true".equals(queryParameter(fullPath, "force"))) {
                return ApplyConflicts.refusal(conflicts);
            }
            if (!conflicts.isEmpty()) {
                stored = ApplyConflicts.disown(stored, conflicts);
            }
            ObjectNode result = merge(stored, applied, manager, now);
            if (result == stored || dryRun) {
                return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                        .setBody(result.toString());
            }
            return store.send(HttpMethod.PUT, path, result.toString());
        } catch (IOException | ClassCastException e) {
            return status(400, "BadRequest", "cannot apply: " + e.getMessage());
        }
    }

    private static String queryParameter(String fullPath, String name) {
        int query = fullPath.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : fullPath.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The object to create for a first apply by {@code manager}. */
    static ObjectNode create(ObjectNode applied, String manager, Instant now) {
        ObjectNode created = applied.deepCopy();
        ArrayNode managed = JsonNodeFactory.instance.arrayNode();
        managed.add(entry(applied, manager, now));
        metadata(created).set("managedFields", managed);
        return created;
    }

    /**
     * The stored object after {@code manager} applied {@code applied}; {@code stored} itself when nothing changes.
     */
    static ObjectNode merge(ObjectNode stored, ObjectNode applied, String manager, Instant now) {
        ObjectNode previousFields = null;
        int previousIndex = -1;
        ArrayNode managed = stored.path("metadata").get("managedFields") instanceof ArrayNode list
                ? list : JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < managed.size(); i++) {
            JsonNode entry = managed.get(i);
            if (manager.equals(entry.path("manager").asText()) && "Apply".equals(entry.path("operation").asText())) {
                previousIndex = i;
                previousFields = entry.get("fieldsV1") instanceof ObjectNode fields ? fields : null;
            }
        }
        ObjectNode appliedContent = applied.deepCopy();
        metadata(appliedContent).remove(List.of("managedFields", "resourceVersion", "uid"));
        ObjectNode result = StrategicMergePatch.apply(stored.deepCopy(), appliedContent);
        ObjectNode fields = fieldSet(applied, true);
        if (previousFields != null) {
            prune(result, previousFields, fields);
        }
        ObjectNode before = stored.deepCopy();
        metadata(before).remove("managedFields");
        ObjectNode after = result.deepCopy();
        metadata(after).remove("managedFields");
        if (before.equals(after) && fields.equals(previousFields)) {
            return stored;
        }
        ArrayNode updated = managed.deepCopy();
        if (previousIndex >= 0) {
            updated.set(previousIndex, entry(applied, manager, now));
        } else {
            updated.add(entry(applied, manager, now));
        }
        metadata(result).set("managedFields", updated);
        return result;
    }

    private static ObjectNode entry(ObjectNode applied, String manager, Instant now) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("manager", manager);
        entry.put("operation", "Apply");
        entry.put("apiVersion", applied.path("apiVersion").asText());
        entry.put("time", now.truncatedTo(ChronoUnit.SECONDS).toString());
        entry.put("fieldsType", "FieldsV1");
        entry.set("fieldsV1", fieldSet(applied, true));
        return entry;
    }

    /** The fields a configuration sets, in the {@code FieldsV1} form: {@code f:name} and {@code k:{key}} entries. */
    static ObjectNode fieldSet(JsonNode config, boolean top) {
        ObjectNode set = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (top && UNOWNED_TOP.contains(key) || value.isNull()) {
                continue;
            }
            if (top && key.equals("metadata")) {
                ObjectNode metadata = value.deepCopy();
                metadata.remove(UNOWNED_METADATA);
                ObjectNode children = fieldSet(metadata, false);
                if (!children.isEmpty()) {
                    set.set("f:metadata", children);
                }
            } else if (value instanceof ObjectNode object) {
                set.set("f:" + key, fieldSet(object, false));
            } else if (value instanceof ArrayNode array && StrategicMergePatch.mergeKey(array) != null) {
                String mergeKey = StrategicMergePatch.mergeKey(array);
                ObjectNode elements = JsonNodeFactory.instance.objectNode();
                for (JsonNode element : array) {
                    ObjectNode id = JsonNodeFactory.instance.objectNode();
                    id.set(mergeKey, element.get(mergeKey));
                    elements.set("k:" + id, fieldSet(element, false));
                }
                set.set("f:" + key, elements);
            } else {
                set.set("f:" + key, JsonNodeFactory.instance.objectNode());
            }
        }
        return set;
    }

    /** Removes from {@code node} what {@code previous} owned and {@code current} no longer does. */
    private static void prune(JsonNode node, ObjectNode previous, ObjectNode current) {
        for (Iterator<Map.Entry<String, JsonNode>> it = previous.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> owned = it.next();
            String key = owned.getKey();
            JsonNode now = current.get(key);
            if (key.startsWith("f:") && node instanceof ObjectNode object) {
                String field = key.substring(2);
                if (now == null) {
                    object.remove(field);
                } else if (!owned.getValue().isEmpty() && object.get(field) != null) {
                    prune(object.get(field), (ObjectNode) owned.getValue(), (ObjectNode) now);
                }
            } else if (key.startsWith("k:") && node instanceof ArrayNode array) {
                int index = indexOf(array, key.substring(2));
                if (index < 0) {
                    continue;
                }
                if (now == null) {
                    array.remove(index);
                } else {
                    prune(array.get(index), (ObjectNode) owned.getValue(), (ObjectNode) now);
                }
            }
        }
    }

    private static int indexOf(ArrayNode array, String idJson) {
        try {
            JsonNode id = JSON.readTree(idJson);
            List<String> names = new ArrayList<>();
            id.fieldNames().forEachRemaining(names::add);
            for (int i = 0; i < array.size(); i++) {
                boolean all = true;
                for (String name : names) {
                    all &= id.get(name).equals(array.get(i).get(name));
                }
                if (all) {
                    return i;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static ObjectNode metadata(ObjectNode object) {
        return object.get("metadata") instanceof ObjectNode metadata ? metadata : object.putObject("metadata");
    }

    private static MockResponse status(int code, String reason, String message) {
        String body = Serialization.asJson(new StatusBuilder().withStatus("Failure").withCode(code)
                .withReason(reason).withMessage(message).build());
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }
}
