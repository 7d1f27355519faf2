package dev.meshwizard.cluster.forward;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.Kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.meshwizard.cluster.forward.PodForward.Kind;
import dev.meshwizard.cluster.forward.PodForward.State;
import dev.meshwizard.testing.GatewayObjects;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestPods;
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
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's pods and the sidecar workloads whose proxy logs can be followed, and the forward to the gateway. */
class ProxyPodsTest {

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private ClusterSession session;
    private HttpServer gatewayPod;

    @BeforeEach
    void connect() throws Exception {
        cluster = SimulatedCluster.start().createNamespaces("istio-system", "bookinfo");
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        session = new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim");
        cluster.createAll(List.of(GatewayObjects.service("ClusterIP", null), GatewayObjects.pod("gw-b"),
                GatewayObjects.pod("gw-a"),
                TestPods.pod("bookinfo", "productpage-v1-x").container("productpage", "productpage:1").istioProxy()
                        .build(),
                TestPods.pod("bookinfo", "plain").container("app", "app:1").build(),
                TestPods.pod("istio-system", "istiod-1").label("app", "istiod").container("discovery", "pilot:1")
                        .build()));
    }

    @AfterEach
    void stop() {
        session.close();
        cluster.close();
        if (gatewayPod != null) {
            gatewayPod.stop(0);
        }
    }

    @Test
    void theGatewaysPodsAreThoseItsServiceSelects() throws Exception {
        List<ProxyPods.ProxyPod> pods = session.proxyPods().gateway(GatewayObjects.NAMESPACE, GatewayObjects.RELEASE);

        assertThat(pods).extracting(ProxyPods.ProxyPod::key).containsExactly("istio-system/gw-a", "istio-system/gw-b");
        assertThat(pods).allMatch(ProxyPods.ProxyPod::ready);
    }

    @Test
    void onlyPodsWithAProxyContainerHaveAProxyLog() {
        List<ProxyPods.ProxyPod> pods = session.proxyPods().withSidecar();

        assertThat(pods).extracting(ProxyPods.ProxyPod::key).containsExactly("bookinfo/productpage-v1-x",
                "istio-system/gw-a", "istio-system/gw-b");
    }

    @Test
    void aReleaseWithoutServiceIsNamedInTheError() {
        assertThatThrownBy(() -> session.proxyPods().gateway("istio-system", "other-gateway"))
                .isInstanceOf(IngressLookup.NoGatewayServiceException.class).hasMessageContaining("other-gateway");
    }

    @Test
    void theGatewayForwardReachesThePodsServingPortBehindTheWebPort() throws Exception {
        gatewayPod = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gatewayPod.createContext("/", exchange -> {
            byte[] body = "gateway pod answering".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        gatewayPod.start();
        cluster.podPort("istio-system", "gw-b", 8080, gatewayPod.getAddress());
        cluster.podPort("istio-system", "gw-a", 8080, gatewayPod.getAddress());
        BlockingQueue<State> states = new LinkedBlockingQueue<>();

        PodForward forward = session.proxyPods().forwardToGateway(GatewayObjects.NAMESPACE, GatewayObjects.RELEASE,
                OptionalInt.empty(), states::add);

        State forwarding = null;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); // what a user waits for a forward
        while (forwarding == null && System.nanoTime() < end) {
            State state = states.poll(200, TimeUnit.MILLISECONDS);
            forwarding = state != null && state.kind() == Kind.FORWARDING ? state : null;
        }
        assertThat(forwarding).isNotNull();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + forward.localPort() + "/productpage")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).isEqualTo("gateway pod answering");
        forward.close();
    }
}
