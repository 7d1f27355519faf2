package dev.meshwizard.cluster;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.cluster.helm.InstallRun;
import dev.meshwizard.cluster.helm.UninstallRun;
import dev.meshwizard.cluster.helm.UpgradeDiff;
import dev.meshwizard.render.Renderer;

import dev.meshwizard.cluster.apply.AccessLogging;
import dev.meshwizard.cluster.apply.Applier;
import dev.meshwizard.cluster.apply.Injection;
import dev.meshwizard.cluster.connect.KubeContext;
import dev.meshwizard.cluster.forward.IngressLookup;
import dev.meshwizard.cluster.forward.Kiali;
import dev.meshwizard.cluster.forward.LogTail;
import dev.meshwizard.cluster.forward.PortForwards;
import dev.meshwizard.cluster.forward.ProxyPods;
import dev.meshwizard.cluster.helm.HelmInstaller;
import dev.meshwizard.cluster.helm.HelmRecords;
import dev.meshwizard.cluster.helm.OperationLeases;
import dev.meshwizard.cluster.precheck.Precheck;
import dev.meshwizard.cluster.precheck.PrecheckReport;
import dev.meshwizard.cluster.watch.ClusterWatch;
import dev.meshwizard.cluster.watch.MeshSnapshots;
import dev.meshwizard.cluster.watch.WatchListener;
import dev.meshwizard.cluster.watch.WatchScope;

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
        return new Kiali(forwards(), client);
    }

    /** Port-forwards to pods, owned by this session. */
    public PortForwards forwards() {
        return new PortForwards(owner, client);
    }

    /** Pods whose proxy log can be followed, and a port-forward to the ingress gateway's pods. */
    public ProxyPods proxyPods() {
        return new ProxyPods(forwards(), client);
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

    /** An install of a plan's releases on this session's cluster, charts from {@code charts}. */
    public InstallRun installRun(ChartSource charts) {
        return new InstallRun(helm(), client, charts);
    }

    /** An uninstall of the Istio releases on this session's cluster. */
    public UninstallRun uninstallRun() {
        return new UninstallRun(helm(), client);
    }

    /** What upgrading this session's releases to a plan would change, rendered by {@code renderer}. */
    public UpgradeDiff upgradeDiff(Renderer renderer) {
        return new UpgradeDiff(helm(), renderer);
    }

    private final PortForwards.Owner owner = new PortForwards.Owner() {
        @Override
        public void own(AutoCloseable forward) {
            ClusterSession.this.own(forward);
        }

        @Override
        public void disown(AutoCloseable forward) {
            ClusterSession.this.disown(forward);
        }
    };

    /** The session as owner of port-forwards: what it owns is closed with it. */
    public PortForwards.Owner forwardOwner() {
        return owner;
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

    public KubernetesClient client() {
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
