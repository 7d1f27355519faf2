package dev.meshwizard.cluster.forward;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.Kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.meshwizard.cluster.forward.PodForward.Kind;
import dev.meshwizard.cluster.forward.PodForward.State;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real port-forward to Kiali, through fabric8's WebSocket to the simulated API, which relays each pod's port to
 * a local HTTP server standing in for that pod.
 */
class KialiForwardTest {

    /** How long a user waits for the forward to move to a new pod before calling it broken. */
    private static final int USER_PATIENCE_SECONDS = 5;

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private ClusterSession session;
    private final BlockingQueue<State> states = new LinkedBlockingQueue<>();
    private HttpServer first;
    private HttpServer second;

    @BeforeEach
    void connect() throws Exception {
        cluster = SimulatedCluster.start().createNamespaces("istio-system");
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        session = new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim");
        first = kialiPod("kiali-1");
        second = kialiPod("kiali-2");
    }

    @AfterEach
    void stop() {
        cluster.restoreWatches();
        session.close();
        cluster.close();
        first.stop(0);
        second.stop(0);
    }

    /** A local server answering as the named pod would, served as that pod's port 20001. */
    private HttpServer kialiPod(String pod) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("<title>Kiali</title> served by " + pod).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        cluster.podPort("istio-system", pod, Kiali.PORT, server.getAddress());
        return server;
    }

    private static Pod kiali(String name) {
        return TestPods.pod(Kiali.NAMESPACE, name).label("app", "kiali").node("n1").phase("Running")
                .scheduledConditions(true).statuses(TestPods.running("kiali", true, 0)).build();
    }

    /** The next state of {@code kind}, waiting as long as a user would: a few seconds. */
    private State next(Kind kind) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(USER_PATIENCE_SECONDS);
        while (System.nanoTime() < end) {
            State state = states.poll(200, TimeUnit.MILLISECONDS);
            if (state != null && state.kind() == kind) {
                return state;
            }
        }
        throw new AssertionError("no " + kind + " state within " + USER_PATIENCE_SECONDS + " s");
    }

    private static String get(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void kialiIsReachableOnTheLocalPortAndStaysReachableWhenItsPodIsReplaced() throws Exception {
        session.client().pods().inNamespace("istio-system").resource(kiali("kiali-1")).create();
        PodForward forward = session.kiali().portForward(states::add);
        State forwarding = next(Kind.FORWARDING);

        String page = get(forwarding.url(Kiali.WEB_ROOT));

        assertThat(page).contains("served by kiali-1");
        session.client().pods().inNamespace("istio-system").resource(kiali("kiali-2")).create();
        session.client().pods().inNamespace("istio-system").withName("kiali-1").delete();
        State moved = next(Kind.FORWARDING);
        assertThat(moved.pod()).isEqualTo("kiali-2");
        assertThat(moved.localPort()).isEqualTo(forward.localPort());
        assertThat(get(moved.url(Kiali.WEB_ROOT))).contains("served by kiali-2");
    }

    @Test
    void kialiFollowsAReplacedPodWithinSecondsWhileTheInformersWatchIsDownAndBackingOff() throws Exception {
        // Given a forward to kiali-1, and the pods' watch cut long enough for the informer to back off
        session.client().pods().inNamespace("istio-system").resource(kiali("kiali-1")).create();
        PodForward forward = session.kiali().portForward(states::add);
        next(Kind.FORWARDING);
        cluster.cutWatches();
        while (cluster.refusedWatches() < 2) {
            Thread.sleep(100);
        }

        // When Kiali's pod is replaced while the watch is still down
        session.client().pods().inNamespace("istio-system").resource(kiali("kiali-2")).create();
        session.client().pods().inNamespace("istio-system").withName("kiali-1").delete();

        // Then the forward moves to the new pod on the same local port within a user's patience
        State moved = next(Kind.FORWARDING);
        assertThat(moved.pod()).isEqualTo("kiali-2");
        assertThat(moved.localPort()).isEqualTo(forward.localPort());
        assertThat(get(moved.url(Kiali.WEB_ROOT))).contains("served by kiali-2");
    }
}
