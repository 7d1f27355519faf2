package dev.meshwizard.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.meshwizard.plan.Component;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Helm chart repository on localhost serving the test charts: {@code <url>/index.yaml} and one archive per
 * chart, with archive URLs relative to the repository as Helm writes them. Records the paths it was asked for.
 */
public final class TestChartRepo implements AutoCloseable {

    private final HttpServer server;
    private final Path archives;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private TestChartRepo(Path archives) throws IOException {
        this.archives = archives;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/charts/", this::serve);
        server.start();
    }

    /** Packages the test charts into {@code workDir} and serves them. */
    public static TestChartRepo start(Path workDir) {
        try {
            return new TestChartRepo(TestCharts.archivesFolder(workDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository URL, e.g. {@code http://127.0.0.1:41234/charts}. */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + "/charts";
    }

    /** The request paths served so far, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** A repository URL on a localhost port nothing listens on. */
    public static String closedPortUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/charts";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        String file = path.substring("/charts/".length());
        byte[] body;
        if (file.equals("index.yaml")) {
            body = index().getBytes(StandardCharsets.UTF_8);
        } else if (!file.contains("/") && Files.isRegularFile(archives.resolve(file))) {
            body = Files.readAllBytes(archives.resolve(file));
        } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String index() {
        StringBuilder index = new StringBuilder("apiVersion: v1\nentries:\n");
        for (Component component : Component.values()) {
            String name = component.chartName();
            index.append("  ").append(name).append(":\n")
                    .append("    - apiVersion: v2\n")
                    .append("      name: ").append(name).append('\n')
                    .append("      version: ").append(TestCharts.VERSION).append('\n')
                    .append("      appVersion: ").append(TestCharts.VERSION).append('\n')
                    .append("      urls:\n")
                    .append("        - ").append(name).append('-').append(TestCharts.VERSION).append(".tgz\n")
                    .append("    - apiVersion: v2\n")
                    .append("      name: ").append(name).append('\n')
                    .append("      version: 1.29.0\n")
                    .append("      urls:\n")
                    .append("        - ").append(name).append("-1.29.0.tgz\n");
        }
        return index.append("generated: \"2026-01-01T00:00:00Z\"\n").toString();
    }
}
