package dev.meshwizard.cluster.forward;

import dev.meshwizard.observe.ReviewsVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One request of an {@link IngressProbe}.
 *
 * @param time    when the request was sent
 * @param status  the HTTP status, 0 when there was no response
 * @param error   why there was no response (connection refused, timeout), empty when there was one
 * @param latency time until the whole response was read, or until the failure
 * @param version the Bookinfo reviews version the page shows
 */
public record ProbeResult(Instant time, int status, String error, Duration latency, ReviewsVersion version) {

    public ProbeResult {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(version, "version");
    }

    /** True when the server answered (any status). */
    public boolean answered() {
        return status > 0;
    }
}
