package dev.meshwizard.cluster.forward;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.Kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestPods;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following the proxy's log. The simulated API serves a container's log as one answer that ends after its text, so
 * lines arriving one by one over time are tested on a stream the test writes to.
 */
class LogTailTest {

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private ClusterSession session;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> ends = new LinkedBlockingQueue<>();
    private final LogTail.Listener listener = new LogTail.Listener() {
        @Override
        public void line(String text) {
            lines.add(text);
        }

        @Override
        public void ended(String reason) {
            ends.add(reason);
        }
    };

    @BeforeEach
    void connect() throws Exception {
        cluster = SimulatedCluster.start().createNamespaces("bookinfo");
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        session = new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim");
        cluster.client().pods().inNamespace("bookinfo").resource(TestPods.pod("bookinfo", "productpage-v1-abc")
                .container("productpage", "productpage:1").istioProxy().build()).create();
    }

    @AfterEach
    void stop() {
        session.close();
        cluster.close();
    }

    @Test
    void theProxyContainersLastLinesComeInOrderAndTheEndIsReported() throws Exception {
        cluster.podLog("bookinfo", "productpage-v1-abc", "istio-proxy", "one\ntwo\nthree\nfour\n");
        cluster.podLog("bookinfo", "productpage-v1-abc", "productpage", "application line\n");

        try (LogTail tail = session.tailProxyLog("bookinfo", "productpage-v1-abc", 3, listener)) {
            String end = ends.poll(10, TimeUnit.SECONDS);

            assertThat(List.copyOf(lines)).containsExactly("two", "three", "four");
            assertThat(end).contains("bookinfo/productpage-v1-abc istio-proxy").contains("ended");
            assertThat(tail.isOpen()).isTrue();
        }
    }

    @Test
    void aMissingPodOrAPodWithoutSidecarIsRefusedWithTheReason() {
        cluster.client().pods().inNamespace("bookinfo").resource(TestPods.pod("bookinfo", "plain")
                .container("app", "app:1").build()).create();

        assertThatThrownBy(() -> session.tailProxyLog("bookinfo", "missing", 10, listener))
                .isInstanceOf(IllegalStateException.class).hasMessage("Pod bookinfo/missing does not exist");
        assertThatThrownBy(() -> session.tailProxyLog("bookinfo", "plain", 10, listener))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no Istio sidecar");
    }

    @Test
    void linesArrivingOverTimeGoToTheListenerAsTheyCome() throws Exception {
        Pipe pipe = Pipe.open();
        OutputStream proxy = Channels.newOutputStream(pipe.sink());
        LogTail tail = LogTail.reading("test", Channels.newInputStream(pipe.source()), listener);

        proxy.write("first\n".getBytes(StandardCharsets.UTF_8));
        proxy.flush();
        String first = lines.poll(5, TimeUnit.SECONDS);
        proxy.write("second\r\nthird".getBytes(StandardCharsets.UTF_8));
        proxy.write("\n".getBytes(StandardCharsets.UTF_8));
        proxy.flush();

        assertThat(first).isEqualTo("first");
        assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo("third");
        tail.close();
        proxy.close();
    }

    @Test
    void closingTheTailStopsItWithoutReportingAnEnd() throws Exception {
        Pipe pipe = Pipe.open();
        OutputStream proxy = Channels.newOutputStream(pipe.sink());
        LogTail tail = LogTail.reading("test", Channels.newInputStream(pipe.source()), listener);

        tail.close();

        assertThat(tail.isOpen()).isFalse();
        assertThat(ends.poll(300, TimeUnit.MILLISECONDS)).isNull();
        proxy.close();
    }

    @Test
    void closingTheSessionClosesItsTails() throws Exception {
        cluster.podLog("bookinfo", "productpage-v1-abc", "istio-proxy", "one\n");
        LogTail tail = session.tailProxyLog("bookinfo", "productpage-v1-abc", 10, listener);
        assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("one");

        session.close();

        assertThat(tail.isOpen()).isFalse();
    }

    @Test
    void aListenerThatFailsOnALineDoesNotStopTheTail() throws Exception {
        CountDownLatch seen = new CountDownLatch(2);
        Pipe pipe = Pipe.open();
        OutputStream proxy = Channels.newOutputStream(pipe.sink());
        LogTail tail = LogTail.reading("test", Channels.newInputStream(pipe.source()), text -> {
            seen.countDown();
            if (text.equals("bad")) {
                throw new IllegalStateException("listener bug");
            }
        });

        proxy.write("bad\ngood\n".getBytes(StandardCharsets.UTF_8));
        proxy.flush();

        assertThat(seen.await(5, TimeUnit.SECONDS)).isTrue();
        tail.close();
        try {
            proxy.close();
        } catch (IOException ignored) {
            // the reading end is gone
        }
    }

    @Test
    void aPodThatIsGoneIsSaidOnceAsNotFoundAndTheServersErrorBodiesAreNoLogLines() throws Exception {
        // Given a log stream that turns into the API server's error bodies, as for a deleted pod
        String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"pods \\\"web-1\\\" not found\",\"reason\":\"NotFound\",\"code\":404}\n";
        java.io.InputStream in = new java.io.ByteArrayInputStream(("[2026-12-02T10:00:00.000Z] \"GET / HTTP/1.1\" 200\n"
                + body + body).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        // When it is followed
        LogTail tail = LogTail.reading("shop/web-1 istio-proxy", in, listener);

        // Then the real line arrives, the error bodies do not, and the end says the pod is not found, once
        assertThat(ends.poll(5, TimeUnit.SECONDS)).isEqualTo("pod shop/web-1 not found");
        assertThat(lines).containsExactly("[2026-12-02T10:00:00.000Z] \"GET / HTTP/1.1\" 200");
        assertThat(ends).isEmpty();
        tail.close();
    }
}
