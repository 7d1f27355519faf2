package dev.meshwizard.cluster;

import dev.meshwizard.mesh.analysis.MeshSnapshot;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one context. Owns the Kubernetes client and everything that holds a connection
 * (informers, port-forwards, log tails): closing the session closes them all. Switching context or going
 * offline closes the session.
 */
public final class ClusterSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSession.class);

    private final KubeContext context;
    private final KubernetesClient client;
    private final String serverVersion;
    /**
     * The {@code platform} that Mesh Wizard's own simulated API reports in {@code /version}, so that the app can
     * say plainly that it is not talking to a cluster.
     */
    public static final String SIMULATION_PLATFORM = "mesh-wizard-simulation";

    private final List<AutoCloseable> owned = new CopyOnWriteArrayList<>();
    private final boolean simulated;
    /** The context alone as kubeconfig text, for Helm; credentials included, so kept in memory only. */
    private final String helmKubeconfig;

    ClusterSession(KubeContext context, KubernetesClient client, String serverVersion) {
        this(context, client, serverVersion, false, null);
    }

    ClusterSession(KubeContext context, KubernetesClient client, String serverVersion, boolean simulated,
                   String helmKubeconfig) {
        this.context = Objects.requireNonNull(context);
        this.client = Objects.requireNonNull(client);
        this.serverVersion = Objects.requireNonNull(serverVersion);
        this.simulated = simulated;
        this.helmKubeconfig = helmKubeconfig;
    }

    /** True when the server is Mesh Wizard's simulated API (a try-out aid, not a cluster). */
    public boolean simulated() {
        return simulated;
    }

    public KubeContext context() {
        return context;
    }

    /** The server's git version, e.g. {@code v1.30.2}. */
    public String serverVersion() {
        return serverVersion;
    }

    /** Runs the pre-install checks for an Istio version. Blocking: call from a background job. */
    public PrecheckReport precheck(String istioVersion) {
        return new Precheck(client).run(istioVersion, serverVersion);
    }

    /**
     * Starts informers on pods and services in {@code scope}; events go to {@code listener} on the
     * informers' threads. The watch is closed with the session.
     */
    public ClusterWatch watch(WatchScope scope, WatchListener listener) {
        ClusterWatch watch = ClusterWatch.start(client, scope, listener);
        owned.add(watch);
        return watch;
    }

    /**
     * Helm on this session's cluster: install, upgrade, list and uninstall releases.
     *
     * @throws IllegalStateException when the session was opened without kubeconfig text for Helm
     */
    public HelmInstaller helm() {
        if (helmKubeconfig == null) {
            throw new IllegalStateException("This session has no kubeconfig for Helm");
        }
        return new HelmInstaller(helmKubeconfig, new HelmRecords(client), new OperationLeases(client), context);
    }

    /** Server-side apply, plan (dry-run diff) and delete of resources that are not charts on this cluster. */
    public Applier applier() {
        return new Applier(client);
    }

    /** Sidecar injection labels, Deployment restarts and pods without a sidecar on this session's cluster. */
    public Injection injection() {
        return new Injection(client, Clock.systemUTC());
    }

    /**
     * What the mesh analysis needs from this cluster: Services, Pods, Deployments, Namespaces and the Istio
     * routing objects of every namespace. Blocking: call from a background job.
     */
    public MeshSnapshot meshSnapshot() {
        return MeshSnapshots.gather(client);
    }

    /** Finds the ingress gateway's Service and its address from outside the cluster. */
    public IngressLookup ingress() {
        return new IngressLookup(client);
    }

    /** Kiali: detect, install from an Istio release folder, point at a Prometheus, port-forward. */
    public Kiali kiali() {
        return new Kiali(this, client);
    }

    /** Port-forwards to pods, owned by this session. */
    public PortForwards forwards() {
        return new PortForwards(this, client);
    }

    /** Pods whose proxy log can be followed, and a port-forward to the ingress gateway's pods. */
    public ProxyPods proxyPods() {
        return new ProxyPods(this, client);
    }

    /** The mesh-wide access-log switch (Telemetry {@code mesh-default}). */
    public AccessLogging accessLogging() {
        return new AccessLogging(client);
    }

    /**
     * Follows the {@value LogTail#PROXY_CONTAINER} container's log of a pod, starting with its last
     * {@code tailLines} lines; lines go to {@code listener} on the tail's own thread. Closed with the session.
     *
     * @throws io.fabric8.kubernetes.client.KubernetesClientException when the log cannot be opened
     */
    public LogTail tailProxyLog(String namespace, String pod, int tailLines, LogTail.Listener listener) {
        LogTail tail = LogTail.open(client, namespace, pod, LogTail.PROXY_CONTAINER, tailLines, listener);
        own(tail);
        tail.onClose(() -> disown(tail));
        return tail;
    }

    /** Registers a resource to be closed with the session. */
    <T extends AutoCloseable> T own(T resource) {
        owned.add(resource);
        return resource;
    }

    /** Forgets a resource that was closed on its own. */
    void disown(AutoCloseable resource) {
        owned.remove(resource);
    }

    KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.debug("Closing {} failed", resource, e);
            }
        }
        owned.clear();
        client.close();
    }
}
