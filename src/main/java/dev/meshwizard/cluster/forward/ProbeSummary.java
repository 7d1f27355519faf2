package dev.meshwizard.cluster.forward;

import dev.meshwizard.observe.ReviewsVersion;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an {@link IngressProbe} run saw.
 *
 * @param url       the probed URL
 * @param sent      requests sent
 * @param byStatus  answered requests by HTTP status, in status order
 * @param errors    requests without a response
 * @param byVersion requests by reviews version of the page (only answered requests)
 * @param elapsed   how long the run took
 * @param cancelled true when the run was cancelled before its count or time was reached
 */
public record ProbeSummary(String url, int sent, Map<Integer, Integer> byStatus, int errors,
                           Map<ReviewsVersion, Integer> byVersion, Duration elapsed, boolean cancelled) {

    public ProbeSummary {
        byStatus = Collections.unmodifiableMap(new TreeMap<>(byStatus));
        byVersion = byVersion.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byVersion));
    }

    /** Sums up results. */
    public static ProbeSummary of(String url, List<ProbeResult> results, Duration elapsed, boolean cancelled) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<ReviewsVersion, Integer> byVersion = new EnumMap<>(ReviewsVersion.class);
        int errors = 0;
        for (ProbeResult result : results) {
            if (result.answered()) {
                byStatus.merge(result.status(), 1, Integer::sum);
                byVersion.merge(result.version(), 1, Integer::sum);
            } else {
                errors++;
            }
        }
        return new ProbeSummary(url, results.size(), byStatus, errors, byVersion, elapsed, cancelled);
    }

    /** Requests answered with 200. */
    public int ok() {
        return byStatus.getOrDefault(200, 0);
    }
}
