package dev.meshwizard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A pod's log and port-forwards on the simulated API end as a real server ends them when the pod is gone. */
class PodEndpointsTest {

    private SimulatedCluster cluster;
    private KubernetesClient client;
    private ServerSocket echo;

    @BeforeEach
    void startCluster() throws IOException {
        cluster = SimulatedCluster.start().createNamespaces("shop");
        client = cluster.client();
        echo = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread server = new Thread(this::echoLines, "echo-pod");
        server.setDaemon(true);
        server.start();
    }

    @AfterEach
    void stopCluster() throws IOException {
        echo.close();
        cluster.close();
    }

    /** Stands in for the pod's port: echoes what it reads until the connection ends. */
    private void echoLines() {
        while (!echo.isClosed()) {
            try (Socket socket = echo.accept(); InputStream in = socket.getInputStream();
                 OutputStream out = socket.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the test ended the connection or closed the server
            }
        }
    }

    private Pod createPod(String name) {
        return client.pods().inNamespace("shop").resource(TestPods.pod("shop", name).label("app", "web")
                .node("n1").phase("Running").statuses(TestPods.running("web", true, 0)).build()).create();
    }

    private void deletePod(String name) {
        client.pods().inNamespace("shop").withName(name).delete();
    }

    @Test
    void theLogOfADeletedPodIsTheServersNotFound() {
        // Given a pod with a log, then deleted
        createPod("web-1");
        cluster.podLog("shop", "web-1", "web", "started\n");
        assertThat(client.pods().inNamespace("shop").withName("web-1").inContainer("web").getLog())
                .isEqualTo("started\n");
        deletePod("web-1");

        // When its log is asked for
        KubernetesClientException refused = catchThrowableOfType(KubernetesClientException.class,
                () -> client.pods().inNamespace("shop").withName("web-1").inContainer("web").getLog());

        // Then the answer is a real server's 404 for the pod
        assertThat(refused.getCode()).isEqualTo(404);
        assertThat(refused.getStatus().getReason()).isEqualTo("NotFound");
        assertThat(refused.getStatus().getMessage()).isEqualTo("pods \"web-1\" not found");
        assertThat(refused.getStatus().getDetails().getKind()).isEqualTo("pods");
        assertThat(refused.getStatus().getDetails().getName()).isEqualTo("web-1");
    }

    @Test
    void aPortForwardToADeletedPodIsRefusedWithTheServersNotFound() throws Exception {
        // Given a pod whose port was served, then deleted
        createPod("web-1");
        cluster.podPort("shop", "web-1", 8080, (InetSocketAddress) echo.getLocalSocketAddress());
        deletePod("web-1");

        // When a port-forward to it is requested
        HttpRequest request = client.getHttpClient().newHttpRequestBuilder()
                .uri(cluster.url() + "/api/v1/namespaces/shop/pods/web-1/portforward?ports=8080").build();
        HttpResponse<String> answer = client.getHttpClient().sendAsync(request, String.class).get(10, TimeUnit.SECONDS);

        // Then the server answers 404 for the pod before any stream opens
        assertThat(answer.code()).isEqualTo(404);
        assertThat(answer.body()).contains("\"reason\":\"NotFound\"").contains("pods \\\"web-1\\\" not found");
    }

    @Test
    void anOpenPortForwardEndsWhenItsPodIsDeleted() throws Exception {
        // Given a forward to a pod's port that carries data
        createPod("web-1");
        cluster.podPort("shop", "web-1", 8080, (InetSocketAddress) echo.getLocalSocketAddress());
        try (LocalPortForward forward = client.pods().inNamespace("shop").withName("web-1").portForward(8080);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), forward.getLocalPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("ping\n".getBytes(StandardCharsets.UTF_8));
            byte[] echoed = socket.getInputStream().readNBytes(5);
            assertThat(new String(echoed, StandardCharsets.UTF_8)).isEqualTo("ping\n");

            // When the pod is deleted
            deletePod("web-1");

            // Then the stream ends, as the kubelet ends the streams of a pod it stops
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }
}
