package dev.meshwizard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;

/**
 * Server-side apply for the CRUD mock, which refuses apply patches with 415. Approximated: the applied object is
 * created when it does not exist, else merged into the stored one as a JSON merge patch and stored as a PUT
 * (watchers see MODIFIED). Field ownership is not tracked, so fields that an earlier apply set and this one leaves
 * out are kept, where a real server would remove them.
 */
final class ServerSideApplyPatch {

    /** The content type of an apply patch. */
    static final String CONTENT_TYPE = "application/apply-patch+yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Stores or reads through the CRUD mock without HTTP. */
    @FunctionalInterface
    interface Store {
        MockResponse call(HttpMethod method, String path, String json);
    }

    private ServerSideApplyPatch() {
    }

    /** Applies {@code body} (YAML or JSON) to the object at {@code path} (ending in its name). */
    static MockResponse apply(String path, byte[] body, Store store) {
        ObjectNode applied;
        try {
            applied = (ObjectNode) YAML.readTree(body);
        } catch (IOException | ClassCastException e) {
            return SimulatedApiDispatcher.status(400, "BadRequest", "cannot read the applied object: "
                    + e.getMessage());
        }
        MockResponse current = store.call(HttpMethod.GET, path, "");
        if (current.code() == 404) {
            return store.call(HttpMethod.POST, path.substring(0, path.lastIndexOf('/')), applied.toString());
        }
        if (current.code() != 200) {
            return current;
        }
        ObjectNode merged;
        try {
            merged = (ObjectNode) JSON.readTree(current.getBody().getBytes());
        } catch (IOException | ClassCastException e) {
            return SimulatedApiDispatcher.status(500, "InternalError", "cannot read the stored object: "
                    + e.getMessage());
        }
        mergeInto(merged, applied);
        return store.call(HttpMethod.PUT, path, merged.toString());
    }

    private static void mergeInto(ObjectNode target, ObjectNode patch) {
        patch.properties().forEach(field -> {
            JsonNode existing = target.get(field.getKey());
            if (field.getValue().isNull()) {
                target.remove(field.getKey());
            } else if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode next) {
                mergeInto(existingObject, next);
            } else if (!field.getKey().equals("resourceVersion")) {
                target.set(field.getKey(), field.getValue());
            }
        });
    }
}
