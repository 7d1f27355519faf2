package dev.meshwizard.ui.kiali;

import com.sun.net.httpserver.HttpServer;
import dev.meshwizard.cluster.forward.Kiali;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A local server standing in for a Kiali pod: its page under {@code /kiali} links to {@code elsewhere}. */
final class KialiPages implements AutoCloseable {

    static final String TITLE = "Kiali Console";

    private final HttpServer server;

    private KialiPages(String pod, String elsewhere) throws IOException {
        this(pod, elsewhere, 200);
    }

    private KialiPages(String pod, String elsewhere, int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            if (status != 200) {
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
                return;
            }
            String page = "<html><head><title>" + TITLE + "</title></head><body><h1>Served by " + pod + "</h1>"
                    + "<a id='out' href='" + elsewhere + "'>Istio documentation</a></body></html>";
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Serves as port 20001 of Kiali pod {@code pod}, which is created ready. */
    static KialiPages serve(SimulatedCluster cluster, String pod, String elsewhere) {
        try {
            KialiPages pages = new KialiPages(pod, elsewhere);
            cluster.podPort(Kiali.NAMESPACE, pod, Kiali.PORT, pages.server.getAddress());
            cluster.createAll(List.of(kialiPod(pod)));
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Kiali pod {@code pod} whose port 20001 answers every request with {@code status}. */
    static KialiPages failing(SimulatedCluster cluster, String pod, int status) {
        try {
            KialiPages pages = new KialiPages(pod, "", status);
            cluster.podPort(Kiali.NAMESPACE, pod, Kiali.PORT, pages.server.getAddress());
            cluster.createAll(List.of(kialiPod(pod)));
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Pod kialiPod(String name) {
        return TestPods.pod(Kiali.NAMESPACE, name).label("app", "kiali").node("n1").phase("Running")
                .scheduledConditions(true).statuses(TestPods.running("kiali", true, 0)).build();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
