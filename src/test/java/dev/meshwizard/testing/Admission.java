package dev.meshwizard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the simulated API server does with an object between reading a create or replace and storing it, in a real
 * server's order: the name and namespace must agree with the URL (400), the namespace must exist and not be
 * terminating (404, 403), unknown fields are refused with {@code fieldValidation=Strict} (400) and otherwise dropped
 * with a warning ({@link UnknownFields}), defaults are filled in ({@link ObjectDefaults}) and the result is
 * validated ({@link ObjectValidation}, 422 {@code Invalid}).
 */
final class Admission {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Either the object to store (with the warnings to send) or the answer that refuses it. */
    record Decision(ObjectNode object, List<String> warnings, MockResponse refusal) {
        boolean refused() {
            return refusal != null;
        }
    }

    private final ObjectDefaults defaults = new ObjectDefaults();
    private final Function<String, Optional<ObjectNode>> lookup;
    private final ApiCatalog catalog;

    /** {@code lookup} reads a stored object by path, as a GET would. */
    Admission(Function<String, Optional<ObjectNode>> lookup, ApiCatalog catalog) {
        this.lookup = lookup;
        this.catalog = catalog;
    }

    /** Admits (or refuses) {@code body}, sent as a create ({@code create}) or a replace to {@code path}. */
    Decision admit(ApiPath path, String fullPath, byte[] body, boolean create) {
        ObjectNode object;
        try {
            object = (ObjectNode) JSON.readTree(body);
        } catch (IOException | ClassCastException e) {
            return refuse(status(400, "BadRequest", "the object cannot be read as JSON: " + e.getMessage()));
        }
        String kind = object.path("kind").asText(catalog.kindOf(path.group(), path.version(), path.resource())
                .orElse(path.resource()));
        String name = object.path("metadata").path("name").asText("");
        if (!create && path.name() != null && !path.name().equals(name)) {
            return refuse(status(400, "BadRequest", "the name of the object (" + name
                    + ") does not match the name on the URL (" + path.name() + ")"));
        }
        String namespace = object.path("metadata").path("namespace").asText("");
        if (path.namespace() != null && !namespace.isEmpty() && !namespace.equals(path.namespace())) {
            return refuse(status(400, "BadRequest",
                    "the namespace of the provided object does not match the namespace sent on the request"));
        }
        if (create && path.namespace() != null) {
            Optional<MockResponse> closed = namespaceClosed(path, name.isEmpty()
                    ? object.path("metadata").path("generateName").asText("") : name);
            if (closed.isPresent()) {
                return refuse(closed.get());
            }
        }
        List<UnknownFields.Unknown> unknown = unknownFields(path, object);
        String validation = queryParameter(fullPath, "fieldValidation");
        if (!unknown.isEmpty() && "Strict".equals(validation)) {
            String fields = String.join(", ", unknown.stream().map(u -> "unknown field \"" + u.path() + "\"")
                    .toList());
            return refuse(status(400, "BadRequest", kind + " in version \"" + path.version()
                    + "\" cannot be handled as a " + kind + ": strict decoding error: " + fields));
        }
        List<String> warnings = new ArrayList<>();
        for (UnknownFields.Unknown field : unknown) {
            field.parent().remove(field.key());
            if (!"Ignore".equals(validation)) {
                warnings.add("unknown field \"" + field.path() + "\"");
            }
        }
        defaults.apply(path, object, create);
        FieldErrors errors = ObjectValidation.validate(path, object, create);
        if (!errors.isEmpty()) {
            return refuse(invalid(errors.toStatus(path.group(), kind, name)));
        }
        return new Decision(object, warnings, null);
    }

    private Optional<MockResponse> namespaceClosed(ApiPath path, String name) {
        Optional<ObjectNode> namespace = lookup.apply("/api/v1/namespaces/" + path.namespace());
        if (namespace.isEmpty()) {
            Status status = new StatusBuilder().withStatus("Failure").withCode(404).withReason("NotFound")
                    .withMessage("namespaces \"" + path.namespace() + "\" not found")
                    .withNewDetails().withName(path.namespace()).withKind("namespaces").endDetails().build();
            return Optional.of(response(status));
        }
        if ("Terminating".equals(namespace.get().path("status").path("phase").asText())) {
            return Optional.of(SimulatedApiDispatcher.status(403, "Forbidden", path.resource() + " \"" + name
                    + "\" is forbidden: unable to create new content in namespace " + path.namespace()
                    + " because it is being terminated"));
        }
        return Optional.empty();
    }

    private List<UnknownFields.Unknown> unknownFields(ApiPath path, ObjectNode object) {
        if (catalog.isBuiltIn(path.group())) {
            return UnknownFields.ofBuiltIn(object);
        }
        String version = path.version();
        return lookup.apply("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + path.resource() + "."
                + path.group()).map(crd -> {
                    for (JsonNode served : crd.path("spec").path("versions")) {
                        if (served.path("name").asText().equals(version)) {
                            return UnknownFields.ofCustom(object, served.path("schema").path("openAPIV3Schema"));
                        }
                    }
                    return List.<UnknownFields.Unknown>of();
                }).orElse(List.of());
    }

    private static Decision refuse(MockResponse response) {
        return new Decision(null, List.of(), response);
    }

    private static MockResponse invalid(Status status) {
        return response(status);
    }

    private static MockResponse response(Status status) {
        status.setApiVersion("v1");
        status.setKind("Status");
        return new MockResponse().setResponseCode(status.getCode()).setHeader("Content-Type", "application/json")
                .setBody(Serialization.asJson(status));
    }

    private static MockResponse status(int code, String reason, String message) {
        return SimulatedApiDispatcher.status(code, reason, message);
    }

    static String queryParameter(String fullPath, String name) {
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
}
