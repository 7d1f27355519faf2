package dev.meshwizard.testing;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;

/**
 * Answers what fabric8's CRUD mock does not, in a real API server's way:
 * <ul>
 *   <li>its own documents ({@link Discovery}): version, health, discovery that follows the CRDs, OpenAPI v3, the
 *       list kind of collections ({@code PodList}, not the mock's {@code List}); a kind whose CRD is absent is 404
 *       "the server could not find the requested resource";</li>
 *   <li>bodies sent as protobuf, turned into JSON ({@link ProtobufObjects}); custom resources in protobuf get 415;</li>
 *   <li>creates and replaces go through {@link Admission} (namespace exists, unknown fields, defaults, validation
 *       with 422 {@code Invalid}); {@code dryRun=All} stores nothing for any verb;</li>
 *   <li>deletes: a namespace goes Terminating and takes its objects, dependents and custom resources are collected
 *       ({@link Lifecycle});</li>
 *   <li>strategic-merge patches ({@link StrategicMergePatch}) and server-side apply ({@link ServerSideApply}),
 *       approximately; a create that finds the object answers reason {@code AlreadyExists};</li>
 *   <li>access reviews ({@link AccessReviews}), told refusals, pod logs and port-forwards ({@link PodEndpoints});</li>
 *   <li>watches start after the resource version asked for ({@link WatchFromVersion}) and can be expired
 *       ({@link WatchHistory}: 410 Gone for watches from before).</li>
 * </ul>
 * Everything else goes to the CRUD dispatcher. A JSON content type is set on every answer (client-go asks for
 * protobuf first and trusts the header).
 */
final class SimulatedApiDispatcher extends Dispatcher {

    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern RESOURCE_VERSION_PARAM = Pattern.compile("[?&]resourceVersion=(\\d+)");

    private final KubernetesCrudDispatcher crud;
    private final ApiCatalog catalog;
    private final Discovery discovery;
    private final AccessReviews accessReviews = new AccessReviews();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final PodEndpoints pods;
    private volatile boolean watchesCut;
    private final AtomicInteger refusedWatches = new AtomicInteger();
    private final Admission admission;
    private final Lifecycle lifecycle;
    private final WatchHistory watches = new WatchHistory();
    private final HeldRequests held = new HeldRequests();

    HeldRequests.Hold hold(String method, String pathRegex) {
        return held.hold(method, pathRegex);
    }

    SimulatedApiDispatcher(KubernetesCrudDispatcher crud, ApiCatalog catalog, VersionInfo version,
                           Supplier<String> serverAddress) {
        this.crud = crud;
        this.catalog = catalog;
        this.discovery = new Discovery(catalog, version, serverAddress, this::stored);
        this.admission = new Admission(this::stored, catalog);
        this.lifecycle = new Lifecycle(this::stored, catalog);
        this.pods = new PodEndpoints(this::stored);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String fullPath = request.getPath();
        int query = fullPath.indexOf('?');
        String path = query < 0 ? fullPath : fullPath.substring(0, query);
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        held.pass(request.getMethod(), path);
        Integer refusal = refusals.get(path);
        if (refusal != null) {
            String resource = path.substring(path.lastIndexOf('/') + 1);
            return status(refusal, refusal == 403 ? "Forbidden" : "Refused", resource + " is forbidden: User \""
                    + "simulated-user\" cannot " + request.getMethod().toLowerCase(java.util.Locale.ROOT)
                    + " " + path + " (the simulated API server refuses it as told)");
        }
        if ("POST".equals(request.getMethod()) && path.equals(AccessReviews.PATH)) {
            return accessReviews.answer(request);
        }
        Optional<MockResponse> pod = pods.answer(request.getMethod(), path, fullPath);
        if (pod.isPresent()) {
            return pod.get();
        }
        Optional<ApiPath> resource = ApiPath.parse(path);
        if (resource.isEmpty() || !catalog.isBuiltIn(resource.get().group())) {
            discovery.refreshCatalog();
        }
        if (resource.isPresent() && !catalog.isBuiltIn(resource.get().group())
                && !catalog.serves(resource.get().group(), resource.get().version(), resource.get().resource())) {
            return Discovery.notFound();
        }
        if ("GET".equals(request.getMethod())) {
            Optional<MockResponse> own = discovery.own(path);
            if (own.isPresent()) {
                return own.get();
            }
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && contentType.startsWith(ProtobufObjects.CONTENT_TYPE)) {
            if (resource.isEmpty() || !catalog.isBuiltIn(resource.get().group())) {
                return status(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
                        + "accepted media types include: application/json, application/yaml");
            }
            try {
                request = asJson(request);
            } catch (IllegalArgumentException e) {
                return status(400, "BadRequest", e.getMessage());
            }
        }
        if ("PATCH".equals(request.getMethod()) && contentType != null
                && contentType.startsWith(StrategicMergePatch.CONTENT_TYPE)) {
            return strategicMerge(path, request);
        }
        if ("PATCH".equals(request.getMethod()) && contentType != null
                && contentType.startsWith(ServerSideApply.CONTENT_TYPE)) {
            MockResponse applied = ServerSideApply.handle(path, fullPath, request.getBody().getBytes(),
                    this::storeDirectly);
            boolean answered = applied.code() == 200 || applied.code() == 201;
            if (answered && resource.isPresent() && "All".equals(Admission.queryParameter(fullPath, "dryRun"))) {
                // A dry run stores nothing but is admitted as the real write would be: defaults, validation
                Admission.Decision decision = admission.admit(resource.get(), fullPath, applied.getBody().getBytes(),
                        applied.code() == 201);
                return decision.refused() ? decision.refusal()
                        : withJsonType(new MockResponse().setResponseCode(applied.code())
                                .setBody(decision.object().toString()));
            }
            return withJsonType(applied);
        }
        boolean write = "POST".equals(request.getMethod()) || "PUT".equals(request.getMethod());
        List<String> warnings = List.of();
        if (write && resource.isPresent() && resource.get().subresource() == null) {
            Admission.Decision decision = admission.admit(resource.get(), fullPath, request.getBody().getBytes(),
                    "POST".equals(request.getMethod()));
            if (decision.refused()) {
                return decision.refusal();
            }
            if ("All".equals(Admission.queryParameter(fullPath, "dryRun"))) {
                return json(decision.object().toString()).setResponseCode("POST".equals(request.getMethod()) ? 201
                        : 200);
            }
            request = withBody(request, decision.object().toString());
            warnings = decision.warnings();
        }
        boolean delete = "DELETE".equals(request.getMethod()) && resource.isPresent() && resource.get().name() != null
                && resource.get().subresource() == null;
        if (delete) {
            Optional<MockResponse> deleted = lifecycle.beforeDelete(resource.get(), path, request, fullPath);
            if (deleted.isPresent()) {
                return deleted.get();
            }
        }
        if (WatchHistory.isWatch(request) && watchesCut) {
            refusedWatches.incrementAndGet();
            return status(503, "ServiceUnavailable", "the simulated API server refuses watches as told");
        }
        if ("GET".equals(request.getMethod()) && resource.isPresent() && resource.get().name() == null
                && !WatchHistory.isWatch(request) && ListQueries.asks(fullPath)) {
            MockResponse all = crud.dispatch(new RecordedRequest(request.getHttpVersion(), request.method(),
                    ListQueries.withoutListQuery(fullPath), request.getHeaders(), request.getBody()));
            discovery.fixListKind(path, all);
            return ListQueries.answer(all, fullPath);
        }
        long since = resourceVersionOf(fullPath);
        if (WatchHistory.isWatch(request) && watches.expired(since)) {
            return watches.gone(since);
        }
        Optional<ObjectNode> before = delete ? stored(path) : Optional.empty();
        MockResponse response = crud.dispatch(request);
        if (response == null) {
            return status(405, "MethodNotAllowed", request.getMethod() + " is not supported here");
        }
        warnings.forEach(w -> response.addHeader("Warning", "299 - " + FieldErrors.quote(w)));
        if (response.getWebSocketListener() != null) {
            // A version this server has not reached yet comes from an earlier server on the same port: replay all.
            if (since > 0 && since < crud.requestResourceVersion()) {
                response.withWebSocketUpgrade(new WatchFromVersion(response.getWebSocketListener(), since));
            }
            return response.withWebSocketUpgrade(watches.track(response.getWebSocketListener()));
        }
        if (before.isPresent() && response.code() == 200 && !"Orphan".equals(Lifecycle.deleteOption(request, fullPath,
                "propagationPolicy"))) {
            lifecycle.deleted(resource.get(), before.get());
        }
        if ("GET".equals(request.getMethod())) {
            discovery.fixListKind(path, response);
        }
        if ("POST".equals(request.getMethod()) && response.code() == 409) {
            alreadyExists(response);
        }
        if (response.header("Content-Type") == null) {
            response.setHeader("Content-Type", JSON);
        }
        return response;
    }

    /** Makes access reviews for creating {@code resource} in {@code group} ("" for core) answer "denied". */
    void denyAccess(String group, String resource) {
        accessReviews.denyAccess(group, resource);
    }

    /** The access reviews answered so far. */
    List<AskedAccess> askedAccess() {
        return accessReviews.asked();
    }

    /** Answers every request for exactly {@code path} with {@code code} (e.g. 403) until told otherwise. */
    void refuse(String path, int code) {
        refusals.put(path, code);
    }

    /** Makes port-forwards to {@code port} of a pod reach {@code target}. */
    void podPort(String namespace, String pod, int port, java.net.InetSocketAddress target) {
        pods.podPort(namespace, pod, port, target);
    }

    /** Makes the log of {@code container} in a pod read {@code text}. */
    void podLog(String namespace, String pod, String container, String text) {
        pods.podLog(namespace, pod, container, text);
    }

    /** Serves {@code path} again. */
    void allow(String path) {
        refusals.remove(path);
    }

    /**
     * Stores an object as a POST to {@code path} would, without HTTP: for seeding many objects quickly.
     *
     * @return the response the server would have sent
     */
    MockResponse createDirectly(String path, String json) {
        return storeDirectly(HttpMethod.POST, path, json);
    }

    /** Replaces an object as a PUT to {@code path} (ending in its name) would, without HTTP. */
    MockResponse replaceDirectly(String path, String json) {
        return storeDirectly(HttpMethod.PUT, path, json);
    }

    /**
     * Sends a request to the stored objects without HTTP; a create or replace is admitted first ({@link Admission})
     * as it would be over HTTP.
     */
    private MockResponse storeDirectly(HttpMethod method, String path, String json) {
        Optional<ApiPath> resource = ApiPath.parse(path);
        if ((method == HttpMethod.POST || method == HttpMethod.PUT) && resource.isPresent()
                && resource.get().subresource() == null) {
            Admission.Decision decision = admission.admit(resource.get(), path,
                    json.getBytes(StandardCharsets.UTF_8), method == HttpMethod.POST);
            if (decision.refused()) {
                return decision.refusal();
            }
            json = decision.object().toString();
        }
        return stored(method, path, json);
    }

    /** The object stored at {@code path}, read as a GET would, or empty when there is none. */
    private Optional<ObjectNode> stored(String path) {
        MockResponse response = stored(HttpMethod.GET, path, "");
        if (response.code() != 200 || response.getBody() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((ObjectNode) MAPPER.readTree(response.getBody().getBytes()));
        } catch (IOException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static RecordedRequest withBody(RecordedRequest request, String json) {
        return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(), request.getHeaders(),
                new Buffer(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Ends every open watch and makes watches from earlier resource versions answer 410 Gone. */
    void expireWatches() {
        watches.expire(crud.requestResourceVersion());
    }

    /** Ends the open watches and refuses new ones with 503 while {@code cut}; lists and writes are served. */
    void cutWatches(boolean cut) {
        watchesCut = cut;
        if (cut) {
            watches.endAll();
        }
    }

    /** How many watches were refused while they were cut. */
    int refusedWatches() {
        return refusedWatches.get();
    }

    /** The number of watches open now. */
    int openWatches() {
        return watches.openWatches();
    }

    /** Stops the background work (namespace and garbage collection). */
    void close() {
        lifecycle.close();
    }

    /** Sends a request to the CRUD mock's store as it is. */
    private MockResponse stored(HttpMethod method, String path, String json) {
        RecordedRequest request = new RecordedRequest("HTTP/1.1", method, path,
                Headers.builder().add("Content-Type", JSON).build(), new Buffer(json.getBytes(StandardCharsets.UTF_8)));
        return crud.dispatch(request);
    }

    /**
     * The mock refuses to create an object that exists with 409 and reason {@code Invalid}; a real server says
     * {@code AlreadyExists}, and clients go by the reason: Helm's {@code createNamespace} ignores an existing
     * namespace only when told so.
     */
    private static void alreadyExists(MockResponse response) {
        try {
            Status status = Serialization.unmarshal(new String(response.getBody().getBytes(), StandardCharsets.UTF_8),
                    Status.class);
            status.setReason("AlreadyExists");
            response.setBody(Serialization.asJson(status));
        } catch (RuntimeException e) {
            response.setBody(Serialization.asJson(new StatusBuilder().withStatus("Failure").withCode(409)
                    .withReason("AlreadyExists").withMessage("the object already exists").build()));
        }
    }

    /** Reads the stored object, applies the patch ({@link StrategicMergePatch}) and stores the result as a PUT. */
    private MockResponse strategicMerge(String path, RecordedRequest request) {
        MockResponse current = storeDirectly(HttpMethod.GET, path, "");
        if (current.code() != 200) {
            return withJsonType(current);
        }
        ObjectNode patched;
        try {
            ObjectNode stored = (ObjectNode) MAPPER.readTree(current.getBody().getBytes());
            patched = StrategicMergePatch.apply(stored, (ObjectNode) MAPPER.readTree(request.getBody().getBytes()));
        } catch (IOException | ClassCastException e) {
            return status(400, "BadRequest", "cannot apply the strategic-merge patch: " + e.getMessage());
        }
        return withJsonType(storeDirectly(HttpMethod.PUT, path, patched.toString()));
    }

    private static MockResponse withJsonType(MockResponse response) {
        if (response.header("Content-Type") == null) {
            response.setHeader("Content-Type", JSON);
        }
        return response;
    }

    /** The same request with its protobuf body as JSON. */
    private static RecordedRequest asJson(RecordedRequest request) {
        String json = ProtobufObjects.toJson(request.getBody().getBytes());
        Headers headers = request.getHeaders().newBuilder().set("Content-Type", JSON).build();
        return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(), headers,
                new Buffer(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static long resourceVersionOf(String fullPath) {
        Matcher matcher = RESOURCE_VERSION_PARAM.matcher(fullPath);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static MockResponse json(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", JSON).setBody(body);
    }

    static MockResponse status(int code, String reason, String message) {
        String body = Serialization.asJson(new StatusBuilder().withStatus("Failure").withCode(code)
                .withReason(reason).withMessage(message).build());
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", JSON).setBody(body);
    }
}
