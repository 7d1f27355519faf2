package dev.meshwizard.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The OpenAPI v3 documents of the simulated API server, reduced to what clients read from them before writing:
 * the index {@code /openapi/v3} and, per group version, one PATCH operation for each kind that declares the
 * {@code fieldValidation} query parameter and the kind in {@code x-kubernetes-group-version-kind}.
 *
 * <p>Helm and kubectl validate manifests unless told not to. They first ask the v3 documents whether the server
 * validates fields itself (that parameter on the kind's PATCH; a kind of an unknown group version counts as a
 * custom resource and is judged by the CustomResourceDefinition's PATCH). When it does, they send the objects
 * with {@code fieldValidation=Strict} and validate nothing on their side; when the v3 index is missing they fall
 * back to {@code /openapi/v2} and fail with "failed to download openapi". The claim is true: the server refuses
 * unknown fields under {@code fieldValidation=Strict} and validates what it stores ({@link Admission}; ADR 12 says
 * why the declaration stays). The documents carry no schemas, so they claim nothing else.
 */
final class OpenApiIndex {

    static final String ROOT = "/openapi/v3";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiCatalog catalog;

    OpenApiIndex(ApiCatalog catalog) {
        this.catalog = catalog;
    }

    /** The index: every served group version with the address of its document. */
    String root() {
        ObjectNode paths = JSON.createObjectNode();
        catalog.groupVersions().forEach((group, versions) -> {
            for (String version : versions) {
                String key = prefix(group, version).substring(1);
                paths.putObject(key).put("serverRelativeURL", ROOT + "/" + key);
            }
        });
        ObjectNode root = JSON.createObjectNode();
        root.set("paths", paths);
        return root.toString();
    }

    /** The document at {@code path} (under {@value #ROOT}), or empty when no such group version is served. */
    Optional<String> document(String path) {
        String[] parts = path.substring(ROOT.length() + 1).split("/");
        if (parts.length == 2 && parts[0].equals("api")) {
            return document("", parts[1]);
        }
        if (parts.length == 3 && parts[0].equals("apis")) {
            return document(parts[1], parts[2]);
        }
        return Optional.empty();
    }

    private Optional<String> document(String group, String version) {
        List<ApiCatalog.Served> resources = catalog.resources(group, version);
        if (resources.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", "simulated");
        ObjectNode paths = doc.putObject("paths");
        for (ApiCatalog.Served resource : resources) {
            String objectPath = prefix(group, version) + (resource.namespaced() ? "/namespaces/{namespace}/" : "/")
                    + resource.plural() + "/{name}";
            ObjectNode patch = paths.putObject(objectPath).putObject("patch");
            patch.put("operationId", "patch" + resource.kind());
            patch.putObject("x-kubernetes-group-version-kind").put("group", group).put("version", version)
                    .put("kind", resource.kind());
            ArrayNode parameters = patch.putArray("parameters");
            parameters.addObject().put("name", "fieldValidation").put("in", "query")
                    .putObject("schema").put("type", "string");
            patch.putObject("responses").putObject("200").put("description", "OK");
        }
        return Optional.of(doc.toString());
    }

    private static String prefix(String group, String version) {
        return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    }
}
