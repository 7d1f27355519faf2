package dev.meshwizard.cluster.forward;

import dev.meshwizard.cluster.connect.ConnectException;

import dev.meshwizard.job.JobContext;
import dev.meshwizard.observe.ReviewsVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Sends requests through the ingress gateway, like {@code curl http://$GATEWAY_URL/productpage} in a loop, and tells
 * for each one the status, the latency and which reviews version the Bookinfo page shows. Requests go one at a time,
 * at most {@link Settings#ratePerSecond()} a second; the run stops by itself after {@link Settings#count()} requests
 * or {@link Settings#maxTime()}, whichever comes first, or when the job is cancelled (an open request is abandoned).
 * Each request is bounded: {@link Settings#requestTimeout()} for all of it (connect, headers, body), and at most
 * {@link #MAX_BODY} bytes of the body are read.
 * Blocking: call from a background job.
 */
public final class IngressProbe {

    /** The page probed unless told otherwise. */
    public static final String DEFAULT_PATH = "/productpage";
    /** The most of a response body read (1 MiB); the rest is not read. */
    public static final int MAX_BODY = 1024 * 1024;
    private static final long SLICE_MILLIS = 50;

    private final HttpClient http;

    /** A probe with its own HTTP client (no redirects followed, 5 s connect timeout). */
    public IngressProbe() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** A probe sending through {@code http}. */
    public IngressProbe(HttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * What to probe and for how long.
     *
     * @param gatewayUrl     {@code host:port}, or a URL starting with {@code http://} or {@code https://}
     * @param path           the path, e.g. {@code /productpage}
     * @param count          how many requests at most (at least 1)
     * @param ratePerSecond  how many requests a second at most (above 0)
     * @param maxTime        how long the whole run may take
     * @param requestTimeout how long one request may take
     */
    public record Settings(String gatewayUrl, String path, int count, double ratePerSecond, Duration maxTime,
                           Duration requestTimeout) {

        public Settings {
            Objects.requireNonNull(gatewayUrl, "gatewayUrl");
            path = path == null || path.isBlank() ? DEFAULT_PATH : path.startsWith("/") ? path : "/" + path;
            if (count < 1) {
                throw new IllegalArgumentException("The count must be at least 1: " + count);
            }
            if (!(ratePerSecond > 0)) {
                throw new IllegalArgumentException("The rate must be above 0: " + ratePerSecond);
            }
            Objects.requireNonNull(maxTime, "maxTime");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
        }

        /** {@code count} requests of {@code path} at {@code ratePerSecond}, at most a minute, 10 s a request. */
        public static Settings of(String gatewayUrl, String path, int count, double ratePerSecond) {
            return new Settings(gatewayUrl, path, count, ratePerSecond, Duration.ofMinutes(1), Duration.ofSeconds(10));
        }

        /** The full URL probed. */
        public URI uri() {
            String base = gatewayUrl.matches("(?i)https?://.*") ? gatewayUrl : "http://" + gatewayUrl;
            base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            return URI.create(base + path);
        }
    }

    /**
     * Probes until the count or the time is reached, or the job is cancelled.
     *
     * @param listener gets each result on the calling thread, as it comes
     * @param job      gets progress (requests sent out of the count) and a message per request
     * @throws IllegalArgumentException when the URL is not a valid HTTP URL
     */
    public ProbeSummary run(Settings settings, Consumer<ProbeResult> listener, JobContext job) {
        URI uri = settings.uri();
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("Not a URL with a host: " + uri);
        }
        long start = System.nanoTime();
        long deadline = start + settings.maxTime().toNanos();
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / settings.ratePerSecond());
        List<ProbeResult> results = new ArrayList<>();
        boolean cancelled = false;
        job.progress(0);
        for (int i = 0; i < settings.count(); i++) {
            long due = start + i * interval;
            if (due >= deadline) {
                break;
            }
            if (!sleepUntil(due, job)) {
                cancelled = true;
                break;
            }
            ProbeResult result = send(uri, settings.requestTimeout(), job);
            if (result == null) {
                cancelled = true;
                break;
            }
            results.add(result);
            listener.accept(result);
            job.progress((i + 1) / (double) settings.count());
            job.message("Request " + (i + 1) + " of " + settings.count() + ": "
                    + (result.answered() ? result.status() + ", " + result.version().label() : result.error()));
        }
        return ProbeSummary.of(uri.toString(), results, Duration.ofNanos(System.nanoTime() - start), cancelled);
    }

    /** Sends one request; null when the job was cancelled while waiting for it. */
    private ProbeResult send(URI uri, Duration timeout, JobContext job) {
        Instant time = Instant.now();
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "mesh-wizard-probe")
                .GET().build();
        CompletableFuture<HttpResponse<CappedBody.Body>> future = http.sendAsync(request,
                CappedBody.handler(MAX_BODY));
        long requestDeadline = start + timeout.toNanos();
        while (true) {
            if (job.isCancelled()) {
                future.cancel(true);
                return null;
            }
            try {
                HttpResponse<CappedBody.Body> response = future.get(SLICE_MILLIS, TimeUnit.MILLISECONDS);
                return new ProbeResult(time, response.statusCode(), "", since(start),
                        ReviewsVersion.detect(response.body().text()));
            } catch (TimeoutException e) {
                if (System.nanoTime() - requestDeadline >= 0) {
                    future.cancel(true);
                    return new ProbeResult(time, 0, "no complete answer within " + seconds(since(start)),
                            since(start), ReviewsVersion.UNKNOWN);
                }
            } catch (ExecutionException e) {
                return new ProbeResult(time, 0, describe(e.getCause(), uri), since(start), ReviewsVersion.UNKNOWN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                return null;
            }
        }
    }

    private static boolean sleepUntil(long due, JobContext job) {
        while (true) {
            if (job.isCancelled()) {
                return false;
            }
            long left = due - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, SLICE_MILLIS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String describe(Throwable cause, URI uri) {
        if (cause instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (cause instanceof java.net.ConnectException) {
            return "connection refused by " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        }
        if (cause instanceof IOException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return cause == null ? "failed" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
