package dev.meshwizard.cluster.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwizard.cluster.forward.IngressProbe.Settings;
import dev.meshwizard.job.JobContext;
import dev.meshwizard.observe.ReviewsVersion;
import dev.meshwizard.testing.BookinfoPages;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class IngressProbeTest {

    private final IngressProbe probe = new IngressProbe();
    private final List<ProbeResult> results = new CopyOnWriteArrayList<>();
    private BookinfoPages pages;

    @AfterEach
    void stop() {
        if (pages != null) {
            pages.close();
        }
    }

    @Test
    void eachRequestReportsItsStatusAndTheReviewsVersionThePageShows() {
        pages = BookinfoPages.start();

        ProbeSummary summary = probe.run(Settings.of(pages.hostPort(), "/productpage", 8, 200), results::add,
                JobContext.NONE);

        assertThat(results).extracting(ProbeResult::status).containsExactly(200, 200, 200, 503, 200, 200, 200, 503);
        assertThat(results).extracting(ProbeResult::version).startsWith(ReviewsVersion.V1, ReviewsVersion.V2,
                ReviewsVersion.V3, ReviewsVersion.UNKNOWN);
        assertThat(results).allSatisfy(result -> assertThat(result.latency()).isPositive());
        assertThat(summary.sent()).isEqualTo(8);
        assertThat(summary.byStatus()).containsExactly(Map.entry(200, 6), Map.entry(503, 2));
        assertThat(summary.byVersion()).containsEntry(ReviewsVersion.V1, 2).containsEntry(ReviewsVersion.V2, 2)
                .containsEntry(ReviewsVersion.V3, 2).containsEntry(ReviewsVersion.UNKNOWN, 2);
        assertThat(summary.ok()).isEqualTo(6);
        assertThat(summary.cancelled()).isFalse();
        assertThat(summary.url()).isEqualTo("http://" + pages.hostPort() + "/productpage");
    }

    @Test
    void theRateSpacesTheRequests() {
        pages = BookinfoPages.start();

        ProbeSummary summary = probe.run(Settings.of(pages.hostPort(), null, 3, 10), results::add, JobContext.NONE);

        assertThat(summary.sent()).isEqualTo(3);
        assertThat(summary.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(results.get(2).time()).isAfterOrEqualTo(results.get(0).time().plusMillis(190));
    }

    @Test
    void theRunStopsByItselfWhenItsTimeIsUp() {
        pages = BookinfoPages.start();
        Settings settings = new Settings(pages.hostPort(), "/productpage", 1000, 20, Duration.ofMillis(300),
                Duration.ofSeconds(5));

        ProbeSummary summary = probe.run(settings, results::add, JobContext.NONE);

        // Then it stopped because its 300 ms were up, not because it had sent its 1000 requests or was cancelled
        assertThat(summary.sent()).isPositive().isLessThan(1000).isEqualTo(results.size());
        assertThat(summary.cancelled()).isFalse();
    }

    @Test
    void cancellingStopsTheRunAndTheSummarySaysSo() {
        pages = BookinfoPages.start();
        AtomicBoolean cancel = new AtomicBoolean();
        JobContext job = new JobContext() {
            @Override
            public void progress(double fraction) {
            }

            @Override
            public void message(String text) {
            }

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        };

        ProbeSummary summary = probe.run(Settings.of(pages.hostPort(), "/productpage", 100, 50), result -> {
            results.add(result);
            if (results.size() == 3) {
                cancel.set(true);
            }
        }, job);

        assertThat(summary.sent()).isEqualTo(3);
        assertThat(summary.cancelled()).isTrue();
        assertThat(pages.served()).isEqualTo(3);
    }

    @Test
    void aClosedPortIsAnErrorPerRequestNotAFailureOfTheRun() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        ProbeSummary summary = probe.run(Settings.of("127.0.0.1:" + closed, "/productpage", 2, 100), results::add,
                JobContext.NONE);

        assertThat(summary.errors()).isEqualTo(2);
        assertThat(summary.byStatus()).isEmpty();
        assertThat(results).allSatisfy(result -> {
            assertThat(result.answered()).isFalse();
            assertThat(result.error()).isNotBlank();
        });
    }

    @Test
    void aPathWithoutSlashAndAFullUrlAreAccepted() {
        assertThat(Settings.of("a.example:80", "ratings/0", 1, 1).uri()).hasToString("http://a.example:80/ratings/0");
        assertThat(Settings.of("https://b.example/", null, 1, 1).uri()).hasToString("https://b.example/productpage");
        assertThatThrownBy(() -> Settings.of("x:1", "/", 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The count must be at least 1: 0");
    }

    /** A server on loopback that answers 200 and then writes the body {@code chunk} by {@code chunk}, without end. */
    private static ServerSocket endlessServer(byte[] chunk, long pauseMillis, AtomicLong written) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            try (Socket socket = server.accept()) {
                socket.getInputStream().read(new byte[4096]);
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                while (true) {
                    out.write(chunk);
                    out.flush();
                    written.addAndGet(chunk.length);
                    Thread.sleep(pauseMillis);
                }
            } catch (IOException | InterruptedException e) {
                // the client went away: what this server waits for
            }
        });
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    @Test
    @Timeout(60)
    void anEndlessBodyIsReadOnlyUpToTheCapAndTheRequestStillCounts() throws Exception {
        // Given a gateway whose page never ends
        AtomicLong written = new AtomicLong();
        byte[] chunk = "<p>glyphicon-star</p>".repeat(3000).getBytes(StandardCharsets.US_ASCII);
        try (ServerSocket server = endlessServer(chunk, 0, written)) {
            // When
            ProbeSummary summary = probe.run(new Settings("127.0.0.1:" + server.getLocalPort(), "/productpage", 1,
                    1, Duration.ofMinutes(1), Duration.ofSeconds(30)), results::add, JobContext.NONE);

            // Then
            assertThat(summary.sent()).isEqualTo(1);
            assertThat(results).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(200));
        }
        // the server could not push much more than the cap and the socket buffers before the client hung up
        assertThat(written.get()).isLessThan(32L * IngressProbe.MAX_BODY);
    }

    @Test
    @Timeout(60)
    void aBodyThatTricklesPastTheRequestTimeoutEndsTheRequestAtItsDeadline() throws Exception {
        // Given a gateway that sends its headers, then a few bytes now and then
        try (ServerSocket server = endlessServer("x".getBytes(StandardCharsets.US_ASCII), 100, new AtomicLong())) {
            // When: one request may take 1 s, the run a minute
            probe.run(new Settings("127.0.0.1:" + server.getLocalPort(), "/productpage", 1, 1,
                    Duration.ofMinutes(1), Duration.ofSeconds(1)), results::add, JobContext.NONE);

            // Then
            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.answered()).isFalse();
                assertThat(r.error()).startsWith("no complete answer within");
            });
        }
    }
}
