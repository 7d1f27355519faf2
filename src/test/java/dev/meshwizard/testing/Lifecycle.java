package dev.meshwizard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a cluster's namespace and garbage collectors do after a delete, which the CRUD mock does not: a deleted
 * Namespace first goes {@code Terminating} (new objects in it are refused), then its objects are deleted, then the
 * Namespace itself; a deleted object's dependents (objects whose {@code ownerReferences} name its uid) are deleted
 * after it, and theirs after them (a Deployment's ReplicaSets and their Pods), unless the delete asked to orphan
 * them; a deleted CustomResourceDefinition takes its custom resources. The work runs on one thread shortly after
 * the delete, as the controllers of a cluster do; watchers see each DELETED event.
 */
final class Lifecycle implements AutoCloseable {

    /** How long a deleted namespace stays Terminating before its objects go. */
    static final long TERMINATING_MILLIS = 300;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sends a request to the stored objects as they are (no admission). */
    interface Store {
        MockResponse send(HttpMethod method, String path, String json);
    }

    private final Store store;
    private final ApiCatalog catalog;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "simulated-garbage-collector");
        thread.setDaemon(true);
        return thread;
    });

    Lifecycle(Store store, ApiCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** Answers the DELETE of a Namespace: marked Terminating now, emptied and removed shortly after. */
    MockResponse deleteNamespace(String path, String name) {
        Optional<ObjectNode> stored = read(path);
        if (stored.isEmpty()) {
            return SimulatedApiDispatcher.status(404, "NotFound", "namespaces \"" + name + "\" not found");
        }
        ObjectNode namespace = stored.get();
        if (!"Terminating".equals(namespace.path("status").path("phase").asText())) {
            ((ObjectNode) namespace.with("status")).put("phase", "Terminating");
            MockResponse marked = store.send(HttpMethod.PUT, path, namespace.toString());
            if (marked.code() != 200) {
                return marked;
            }
            namespace = read(path).orElse(namespace);
            worker.schedule(() -> empty(path, name), TERMINATING_MILLIS, TimeUnit.MILLISECONDS);
        }
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(namespace.toString());
    }

    /** Collects what depended on {@code deleted} (read before its DELETE), after it is gone. */
    void deleted(ApiPath path, ObjectNode deleted) {
        worker.execute(() -> collect(path, deleted));
    }

    private void empty(String path, String name) {
        try {
            for (ApiCatalog.Served resource : catalog.deletable()) {
                if (resource.namespaced()) {
                    list(prefix(resource) + "/namespaces/" + name + "/" + resource.plural())
                            .forEach(object -> delete(resource, object));
                }
            }
        } finally {
            store.send(HttpMethod.DELETE, path, "");
        }
    }

    private void collect(ApiPath path, ObjectNode deleted) {
        if (path.group().equals("apiextensions.k8s.io") && path.resource().equals("customresourcedefinitions")) {
            JsonNode spec = deleted.path("spec");
            for (JsonNode version : spec.path("versions")) {
                ApiCatalog.Served resource = new ApiCatalog.Served(spec.path("group").asText(),
                        version.path("name").asText(), spec.path("names").path("plural").asText(), "",
                        !"Cluster".equals(spec.path("scope").asText()));
                list(prefix(resource) + "/" + resource.plural()).forEach(object -> delete(resource, object));
            }
        }
        String uid = deleted.path("metadata").path("uid").asText("");
        if (uid.isEmpty()) {
            return;
        }
        String namespace = deleted.path("metadata").path("namespace").asText("");
        for (ApiCatalog.Served resource : catalog.deletable()) {
            if (!namespace.isEmpty() && !resource.namespaced()) {
                continue;
            }
            String collection = prefix(resource) + (namespace.isEmpty() ? "" : "/namespaces/" + namespace) + "/"
                    + resource.plural();
            for (ObjectNode object : list(collection)) {
                for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
                    if (uid.equals(owner.path("uid").asText())) {
                        delete(resource, object);
                        break;
                    }
                }
            }
        }
    }

    /** Deletes {@code object}, one of {@code resource}, then what depended on it. */
    private void delete(ApiCatalog.Served resource, ObjectNode object) {
        String namespace = object.path("metadata").path("namespace").asText("");
        String path = prefix(resource) + (namespace.isEmpty() ? "" : "/namespaces/" + namespace) + "/"
                + resource.plural() + "/" + object.path("metadata").path("name").asText();
        if (store.send(HttpMethod.DELETE, path, "").code() == 200) {
            ApiPath.parse(path).ifPresent(p -> collect(p, object));
        }
    }

    private static String prefix(ApiCatalog.Served resource) {
        return resource.group().isEmpty() ? "/api/" + resource.version()
                : "/apis/" + resource.group() + "/" + resource.version();
    }

    private List<ObjectNode> list(String path) {
        List<ObjectNode> items = new ArrayList<>();
        read(path).ifPresent(list -> list.path("items").forEach(item -> {
            if (item instanceof ObjectNode object) {
                items.add(object);
            }
        }));
        return items;
    }

    private Optional<ObjectNode> read(String path) {
        MockResponse response = store.send(HttpMethod.GET, path, "");
        if (response.code() != 200 || response.getBody() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((ObjectNode) JSON.readTree(response.getBody().getBytes()));
        } catch (IOException | ClassCastException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
