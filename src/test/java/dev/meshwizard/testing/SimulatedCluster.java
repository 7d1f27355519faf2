package dev.meshwizard.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import dev.meshwizard.cluster.ClusterSession;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A simulated Kubernetes API server for tests and demos: fabric8's {@link KubernetesMockServer} in CRUD mode
 * (objects are stored and watched, nothing runs), with the teeth of a real server where the product relies on them
 * (ADR 12): it validates names, labels and required fields (422 {@code Invalid}), refuses unknown fields under
 * {@code fieldValidation=Strict}, fills in defaults, refuses objects in missing namespaces, serves the groups of
 * custom resources only while their CRDs exist, lets deleted namespaces terminate and collects dependents, and can
 * expire watches (410 Gone). It starts with the namespaces default, kube-system, kube-public and kube-node-lease;
 * {@link #seedSample()} adds Istio's CRDs. Plus what real clients need from a server and the mock lacks:
 * {@code /version}, discovery documents (see {@link ApiCatalog}), a JSON content type on every answer and the
 * right kind on collections. Served over HTTPS with a self-signed certificate on localhost.
 *
 * <p>Real Helm (helm-java's install, list, upgrade, uninstall) works against it. What that took, beyond the above:
 * <ul>
 *   <li>OpenAPI v3 documents ({@link OpenApiIndex}): Helm validates manifests unless told not to, and without
 *       {@code /openapi/v3} it falls back to v2 and fails with "failed to download openapi". The documents say that
 *       the server validates fields itself (it does, see {@link Admission}), so Helm keeps validation on and sends the
 *       objects as they are; tests need no switch that production code would not use;</li>
 *   <li>protobuf bodies ({@link ProtobufObjects}): Helm keeps each release revision in a Secret, written through
 *       client-go's typed client in protobuf whatever the server answers; the mock reads only JSON, so the body is
 *       decoded first (without it Helm's install never finishes). The Secret's {@code data.release} (base64 of
 *       gzipped JSON) is an ordinary bytes field and needs nothing more;</li>
 *   <li>strategic-merge patches ({@link StrategicMergePatch}): Helm upgrades built-in kinds with one and the mock
 *       answers 415 to them; they are applied here, approximately (merge keys are guessed, not read from the
 *       types), and stored as a PUT so that watchers see MODIFIED. Custom resources get JSON merge patches, which
 *       the mock applies itself;</li>
 *   <li>server-side apply ({@link ServerSideApply}): created when missing, merged otherwise, with the field
 *       manager's fields recorded in {@code managedFields} and its dropped fields removed; conflicts with other
 *       managers are not simulated (every apply is forced) and ownership is approximated from the applied
 *       configuration, not the types' schemas;</li>
 *   <li>reason {@code AlreadyExists} on a 409 to a create (the mock says {@code Invalid}): Helm's
 *       {@code createNamespace} goes by the reason, and installing a second release into an existing namespace
 *       failed with "Namespace 'istio-system' already exists";</li>
 *   <li>the list kind on collections ({@code SecretList}, done for every kind): Helm lists its release Secrets by label and ignores a
 *       list whose kind is the mock's plain {@code List}.</li>
 * </ul>
 *
 * <p>It is started and stopped here, not through the JUnit extension (whose shutdown can time out).
 */
public final class SimulatedCluster implements AutoCloseable {

    /** The Kubernetes version the server reports unless told otherwise. */
    public static final String DEFAULT_GIT_VERSION = "v1.33.1";

    /** The namespaces every cluster has from the start. */
    public static final List<String> SYSTEM_NAMESPACES = List.of("default", "kube-node-lease", "kube-public",
            "kube-system");

    /** The bearer token of written kubeconfigs and clients; the server accepts any. */
    public static final String TOKEN = "simulated-token";

    /** Kept so the mock's per-request INFO lines stay silenced: JUL holds loggers weakly. */
    private static final Logger MOCK_LOG = Logger.getLogger(MockWebServer.class.getName());

    private final MockWebServer web;
    private final SimulatedApiDispatcher dispatcher;
    private final KubernetesMockServer server;
    private final String gitVersion;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile KubernetesClient client;
    private final List<ControllerStandIn> controllers = new CopyOnWriteArrayList<>();

    private SimulatedCluster(int port, String gitVersion) {
        MOCK_LOG.setLevel(Level.WARNING);
        this.gitVersion = gitVersion;
        String[] numbers = gitVersion.replaceFirst("^v", "").split("[.-]");
        VersionInfo version;
        try {
            version = new VersionInfo.Builder().withMajor(numbers[0])
                    .withMinor(numbers.length > 1 ? numbers[1] : "0").withGitVersion(gitVersion)
                    .withGitCommit("0000000000000000000000000000000000000000").withGitTreeState("clean")
                    .withBuildDate("2024-06-11T20:20:00Z").withGoVersion("go1.22.4").withCompiler("gc")
                    .withPlatform(ClusterSession.SIMULATION_PLATFORM).build();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
        this.web = new MockWebServer();
        this.dispatcher = new SimulatedApiDispatcher(new KubernetesCrudDispatcher(),
                new ApiCatalog(), version, () -> "localhost:" + web.getPort());
        this.server = new KubernetesMockServer(new Context(), web, new HashMap<>(),
                dispatcher, true, version);
        server.start(InetAddress.getLoopbackAddress(), port);
        for (String namespace : SYSTEM_NAMESPACES) {
            dispatcher.createDirectly("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\","
                    + "\"metadata\":{\"name\":\"" + namespace + "\"}}");
        }
    }

    /** Starts a server on a free port, reporting {@value #DEFAULT_GIT_VERSION}. */
    public static SimulatedCluster start() {
        return start(0);
    }

    /** Starts a server on {@code port} (0 for a free one), reporting {@value #DEFAULT_GIT_VERSION}. */
    public static SimulatedCluster start(int port) {
        return start(port, DEFAULT_GIT_VERSION);
    }

    /** Starts a server on {@code port} (0 for a free one) that reports {@code gitVersion}, e.g. v1.29.4. */
    public static SimulatedCluster start(int port, String gitVersion) {
        return new SimulatedCluster(port, gitVersion);
    }

    /** The API server URL, e.g. {@code https://localhost:6443}. */
    public String url() {
        String url = server.url("/");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public int port() {
        return server.getPort();
    }

    public String gitVersion() {
        return gitVersion;
    }

    /** A client for this server, shared and closed with it. */
    public KubernetesClient client() {
        KubernetesClient shared = client;
        if (shared == null) {
            synchronized (this) {
                if (client == null) {
                    client = newClient();
                }
                shared = client;
            }
        }
        return shared;
    }

    /** A new client for this server, configured like one read from {@link #writeKubeconfig}; the caller closes it. */
    public KubernetesClient newClient() {
        return new KubernetesClientBuilder().withConfig(config()).build();
    }

    /** The client configuration: this server, trust its certificate, namespace {@code default}. */
    public Config config() {
        return new ConfigBuilder(Config.empty()).withMasterUrl(url()).withTrustCerts(true)
                .withNamespace("default").withOauthToken(TOKEN).build();
    }

    /**
     * Writes a kubeconfig with one context for this server (namespace {@code default}, TLS verification off
     * because the certificate is self-signed) and makes it current.
     *
     * @return the file
     */
    public Path writeKubeconfig(Path file, String contextName) {
        String name = quoted(contextName);
        String user = quoted(contextName + "-user");
        String yaml = String.join("\n",
                "# Simulated Kubernetes API for trying Mesh Wizard; not a cluster.",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: " + name,
                "  cluster:",
                "    server: " + quoted(url()),
                "    insecure-skip-tls-verify: true",
                "contexts:",
                "- name: " + name,
                "  context:",
                "    cluster: " + name,
                "    user: " + user,
                "    namespace: default",
                "current-context: " + name,
                "users:",
                "- name: " + user,
                "  user:",
                "    token: " + TOKEN,
                "preferences: {}",
                "");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write kubeconfig " + file, e);
        }
    }

    /**
     * Creates the sample: namespaces istio-system, default and bookinfo with a few pods (one with an Istio
     * sidecar, one Pending, one in CrashLoopBackOff) and services, among them the LoadBalancer
     * {@code istio-ingressgateway} with an ingress address and one LoadBalancer still pending.
     */
    public SimulatedCluster seedSample() {
        return seedSample(true);
    }

    /** {@link #seedSample()}, with or without the Istio stand-ins in istio-system (without: Helm can install there). */
    public SimulatedCluster seedSample(boolean istio) {
        SampleCluster.seed(client(), istio);
        return this;
    }

    /**
     * Creates these namespaces unless they exist: a real server refuses objects in a namespace that does not exist
     * (404 {@code namespaces "x" not found}), so a test creates the ones its objects go to.
     */
    public SimulatedCluster createNamespaces(String... names) {
        for (String name : names) {
            if (client().namespaces().withName(name).get() == null) {
                client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                        .withName(name).endMetadata().build()).create();
            }
        }
        return this;
    }

    /** Creates Istio's CustomResourceDefinitions ({@link KnownCrds#istio()}), as Istio's base chart would. */
    public SimulatedCluster installIstioCrds() {
        KnownCrds.istio().forEach(crd -> client().apiextensions().v1().customResourceDefinitions().resource(crd)
                .createOr(existing -> existing.update()));
        return this;
    }

    /**
     * Stores objects in the server as if they had been created through the API (they get a uid, a creation
     * timestamp and a resource version, and open watches see them), but without HTTP: for seeding thousands of
     * objects quickly. Fails on the first object the server refuses.
     */
    public void createAll(Collection<? extends HasMetadata> objects) {
        for (HasMetadata object : objects) {
            MockResponse response = dispatcher.createDirectly(collectionPath(object), Serialization.asJson(object));
            check(response, 201, "Creating", object);
        }
    }

    /**
     * Replaces stored objects without HTTP, as a PUT would (watchers see MODIFIED): for load generation. The
     * objects must carry the current resourceVersion, or none.
     */
    public void replaceAll(Collection<? extends HasMetadata> objects) {
        for (HasMetadata object : objects) {
            String path = collectionPath(object) + "/" + object.getMetadata().getName();
            check(dispatcher.replaceDirectly(path, Serialization.asJson(object)), 200, "Replacing", object);
        }
    }

    private static String collectionPath(HasMetadata object) {
        String apiVersion = HasMetadata.getApiVersion(object.getClass());
        String base = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
        String namespace = object.getMetadata().getNamespace();
        String plural = HasMetadata.getPlural(object.getClass());
        return namespace != null ? base + "/namespaces/" + namespace + "/" + plural : base + "/" + plural;
    }

    private static void check(MockResponse response, int expected, String what, HasMetadata object) {
        if (response.code() != expected) {
            throw new IllegalStateException(what + " " + object.getKind() + " " + object.getMetadata().getName()
                    + " failed with " + response.code() + ": " + response.getBody().readUtf8());
        }
    }

    /**
     * Makes the server answer every request for exactly {@code path} (no query) with an HTTP error, e.g.
     * {@code refuse("/api/v1/pods", 403)} for a user who may not list pods across namespaces.
     */
    public void refuse(String path, int code) {
        dispatcher.refuse(path, code);
    }

    /**
     * Makes SelfSubjectAccessReviews for creating {@code resource} in {@code group} ("" for the core group)
     * answer "denied"; everything else is allowed, as for a cluster admin.
     */
    public void denyAccess(String group, String resource) {
        dispatcher.denyAccess(group, resource);
    }

    /** The access reviews (SelfSubjectAccessReviews) answered so far, in order: verb, group, resource, namespace. */
    public List<AskedAccess> askedAccess() {
        return dispatcher.askedAccess();
    }

    /**
     * Makes the log of {@code container} in a pod read {@code text} (the mock alone answers a log request with the
     * pod list). {@code tailLines} is honoured; a followed log ends after the text. Served only while the pod exists.
     */
    public void podLog(String namespace, String pod, String container, String text) {
        dispatcher.podLog(namespace, pod, container, text);
    }

    /**
     * Makes port-forwards to {@code port} of a pod (fabric8's {@code portForward}, {@code kubectl port-forward}) reach
     * {@code target}, e.g. a local HTTP server standing in for the pod. Forwards to other pods' ports get 404.
     */
    public void podPort(String namespace, String pod, int port, java.net.InetSocketAddress target) {
        dispatcher.podPort(namespace, pod, port, target);
    }

    /**
     * Keeps requests with {@code method} whose path matches {@code pathRegex} waiting until the hold is released,
     * e.g. {@code hold("POST", "/apis/apps/v1/namespaces/istio-system/deployments")} to catch Helm mid-install.
     */
    public HeldRequests.Hold hold(String method, String pathRegex) {
        return dispatcher.hold(method, pathRegex);
    }

    /** Undoes {@link #refuse}. */
    public void allow(String path) {
        dispatcher.allow(path);
    }

    /**
     * Starts the controller stand-in ({@link ControllerStandIn}): CRDs become Established at once, Deployments and
     * DaemonSets get ready Pods and an available status {@code delay} after they are created or changed. Stopped
     * with the server.
     */
    public ControllerStandIn startControllers(Duration delay) {
        ControllerStandIn controllers = ControllerStandIn.start(client(), delay);
        this.controllers.add(controllers);
        return controllers;
    }

    /**
     * Starts a controller stand-in under which workloads never become ready: their Pods stay waiting with
     * {@value ControllerStandIn#STUCK_REASON}. CRDs still become Established. Stopped with the server.
     */
    public ControllerStandIn startControllersNeverReady() {
        ControllerStandIn controllers = ControllerStandIn.neverReady(client());
        this.controllers.add(controllers);
        return controllers;
    }

    /**
     * Ends every open watch, as an API server restart does, and forgets the history before now, as etcd compaction
     * does: clients that watch again from an earlier resource version get 410 Gone and must list again. Changes
     * made after this call and before they list again reach them only through that list.
     */
    public void expireWatches() {
        dispatcher.expireWatches();
    }

    /**
     * Cuts the watches, as a flaky link or an overloaded server does: open watches end and new ones are refused with
     * 503 until {@link #restoreWatches()}, while lists and writes are served. Informers then retry their watch with a
     * growing back-off.
     */
    public void cutWatches() {
        dispatcher.cutWatches(true);
    }

    /** Serves watches again after {@link #cutWatches()}. */
    public void restoreWatches() {
        dispatcher.cutWatches(false);
    }

    /** How many watches were refused while cut. */
    public int refusedWatches() {
        return dispatcher.refusedWatches();
    }

    /** The number of watches open now (informers and watches of every client). */
    public int openWatches() {
        return dispatcher.openWatches();
    }

    /** Forgets the requests the mock records for inspection, which otherwise pile up in a long run. */
    public void forgetRecordedRequests() {
        web.reset();
    }

    /** Closes the shared client and stops the server. Safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        controllers.forEach(ControllerStandIn::close);
        KubernetesClient shared = client;
        if (shared != null) {
            shared.close();
        }
        dispatcher.close();
        server.shutdown();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
