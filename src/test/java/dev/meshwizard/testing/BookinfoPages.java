package dev.meshwizard.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server standing in for Bookinfo behind the ingress: {@code /productpage} answers in turn with the
 * page as reviews v1, v2 and v3 render it, then a 503 as the gateway sends when no upstream is healthy; other paths
 * get 404.
 */
public final class BookinfoPages implements AutoCloseable {

    /** A product page as reviews v1 renders it: reviews without stars. */
    public static final String V1 = page("");
    /** A product page as reviews v2 renders it: black stars. */
    public static final String V2 = page("<font color=\"black\"><span class=\"glyphicon glyphicon-star\"></span>"
            + "<span class=\"glyphicon glyphicon-star\"></span></font>");
    /** A product page as reviews v3 renders it: red stars. */
    public static final String V3 = page("<font color=\"red\"><span class=\"glyphicon glyphicon-star\"></span>"
            + "</font>");

    private final HttpServer server;
    private final List<Object> answers;
    private final AtomicInteger served = new AtomicInteger();

    private BookinfoPages(List<Object> answers) throws IOException {
        this.answers = answers;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            int index = served.getAndIncrement();
            Object answer = exchange.getRequestURI().getPath().equals("/productpage")
                    ? this.answers.get(index % this.answers.size()) : 404;
            int status = answer instanceof Integer code ? code : 200;
            byte[] body = (answer instanceof String html ? html : status == 503 ? "no healthy upstream" : "")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Serves v1, v2, v3 and 503 in turn. */
    public static BookinfoPages start() {
        return start(List.of(V1, V2, V3, 503));
    }

    /** Serves {@code answers} in turn: a String is a 200 page, an Integer a status without a page. */
    public static BookinfoPages start(List<Object> answers) {
        try {
            return new BookinfoPages(List.copyOf(answers));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:port}. */
    public String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests answered so far. */
    public int served() {
        return served.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String page(String rating) {
        return "<html><head><title>Simple Bookstore App</title></head><body><div class=\"col-md-6\">"
                + "<h4 class=\"text-center text-primary\">Book Reviews</h4>"
                + "<blockquote><p>An extremely entertaining play by Shakespeare.</p><small>Reviewer1</small>"
                + rating + "</blockquote></div></body></html>";
    }
}
