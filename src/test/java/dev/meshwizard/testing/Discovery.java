package dev.meshwizard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The simulated API's own documents: {@code /version}, health, discovery ({@link ApiCatalog}, following the stored
 * CustomResourceDefinitions), OpenAPI v3 ({@link OpenApiIndex}), the real "could not find the requested resource"
 * for what is not served, and the list kind a real server gives collections.
 */
final class Discovery {

    private static final String MOCK_LIST_PREFIX = "{\"apiVersion\":\"v1\",\"kind\":\"List\",";
    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    private final ApiCatalog catalog;
    private final OpenApiIndex openApi;
    private final VersionInfo version;
    private final Supplier<String> serverAddress;
    private final Function<String, Optional<ObjectNode>> stored;

    Discovery(ApiCatalog catalog, VersionInfo version, Supplier<String> serverAddress,
              Function<String, Optional<ObjectNode>> stored) {
        this.catalog = catalog;
        this.openApi = new OpenApiIndex(catalog);
        this.version = version;
        this.serverAddress = serverAddress;
        this.stored = stored;
    }

    /** Serves the resources of the CustomResourceDefinitions stored now, and only those. */
    void refreshCatalog() {
        List<JsonNode> crds = new ArrayList<>();
        stored.apply(CRDS).ifPresent(list -> list.path("items").forEach(crds::add));
        catalog.customResources(crds);
    }

    /** A real server's answer to a path it does not serve, such as a kind whose CRD is not installed. */
    static MockResponse notFound() {
        return SimulatedApiDispatcher.status(404, "NotFound", "the server could not find the requested resource");
    }

    private static MockResponse notFound(String message) {
        return SimulatedApiDispatcher.status(404, "NotFound", message);
    }

    /** The answer to a GET of {@code path} when it is one of these documents. */
    Optional<MockResponse> own(String path) {
        switch (path) {
            case "/version":
                return Optional.of(json(Serialization.asJson(version)));
            case "/api":
                return Optional.of(json(catalog.coreVersions(serverAddress.get())));
            case "/apis":
                return Optional.of(json(catalog.groupList()));
            case "/healthz":
            case "/livez":
            case "/readyz":
                return Optional.of(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain")
                        .setBody("ok"));
            default:
                break;
        }
        if (path.equals(OpenApiIndex.ROOT)) {
            return Optional.of(json(openApi.root()));
        }
        if (path.startsWith(OpenApiIndex.ROOT + "/")) {
            return Optional.of(openApi.document(path).map(Discovery::json)
                    .orElseGet(() -> notFound("no OpenAPI document for " + path)));
        }
        if (path.startsWith("/openapi")) {
            return Optional.of(notFound("the simulated API server serves only OpenAPI v3"));
        }
        String[] parts = path.substring(1).split("/");
        if (parts.length == 2 && parts[0].equals("api")) {
            return Optional.of(catalog.resourceList("", parts[1]).map(Discovery::json)
                    .orElseGet(() -> notFound("version " + parts[1] + " is not served")));
        }
        if (parts.length == 2 && parts[0].equals("apis")) {
            return Optional.of(catalog.group(parts[1]).map(Discovery::json)
                    .orElseGet(Discovery::notFound));
        }
        if (parts.length == 3 && parts[0].equals("apis")) {
            return Optional.of(catalog.resourceList(parts[1], parts[2]).map(Discovery::json)
                    .orElseGet(Discovery::notFound));
        }
        return Optional.empty();
    }

    /** The mock calls every collection {@code List}; give it the kind a real server would, e.g. PodList. */
    void fixListKind(String path, MockResponse response) {
        if (response.code() != 200 || response.getBody() == null) {
            return;
        }
        String[] parts = path.substring(1).split("/");
        String group;
        String version;
        int rest;
        if (parts.length >= 3 && parts[0].equals("api")) {
            group = "";
            version = parts[1];
            rest = 2;
        } else if (parts.length >= 4 && parts[0].equals("apis")) {
            group = parts[1];
            version = parts[2];
            rest = 3;
        } else {
            return;
        }
        int remaining = parts.length - rest;
        String plural;
        if (remaining == 1) {
            plural = parts[rest];
        } else if (remaining == 3 && parts[rest].equals("namespaces")) {
            plural = parts[rest + 2];
        } else {
            return;
        }
        Optional<String> kind = catalog.kindOf(group, version, plural);
        if (kind.isEmpty()) {
            return;
        }
        byte[] body = response.getBody().getBytes();
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.startsWith(MOCK_LIST_PREFIX)) {
            return;
        }
        String groupVersion = group.isEmpty() ? version : group + "/" + version;
        response.setBody("{\"apiVersion\":\"" + groupVersion + "\",\"kind\":\"" + kind.get() + "List\","
                + text.substring(MOCK_LIST_PREFIX.length()));
    }

    private static MockResponse json(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
    }
}
