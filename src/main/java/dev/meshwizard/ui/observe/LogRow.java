package dev.meshwizard.ui.observe;

import dev.meshwizard.observe.AccessLogEntry;
import dev.meshwizard.observe.AccessLogLine;
import java.util.Objects;

/**
 * One line of a followed proxy log, parsed.
 *
 * @param seq  the order the line arrived in, across every followed pod
 * @param pod  the pod it came from, {@code namespace/name}
 * @param line the line and, for an access-log line, the request it records
 */
public record LogRow(long seq, String pod, AccessLogLine line) {

    public LogRow {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(line, "line");
    }

    /** The status, "-" for a request without a response, empty for a line that is not an access-log line. */
    public String status() {
        return line.entry().map(e -> e.status() == 0 ? "-" : Integer.toString(e.status())).orElse("");
    }

    /** The response flags as the log shows them, e.g. {@code UH,URX}. */
    public String flags() {
        return line.entry().map(e -> String.join(",", e.flags())).orElse("");
    }

    /** The Envoy cluster the request went to. */
    public String upstream() {
        return line.entry().map(AccessLogEntry::upstreamCluster).orElse("");
    }

    /** The request's duration, e.g. {@code 12 ms}. */
    public String duration() {
        return line.entry().map(e -> e.durationMillis() + " ms").orElse("");
    }

    /** {@code GET /productpage}, or the raw text for a line that is not an access-log line. */
    public String request() {
        return line.entry().map(e -> e.method().isEmpty() ? "TCP " + e.upstreamHost() : e.method() + " " + e.path())
                .orElse(line.raw());
    }

    /** True for an access-log line whose request failed (status 400 or more, no response, or flags). */
    public boolean failed() {
        return line.entry().map(e -> !e.succeeded() || !e.flags().isEmpty()).orElse(false);
    }
}
