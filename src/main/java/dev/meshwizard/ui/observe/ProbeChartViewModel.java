package dev.meshwizard.ui.observe;

import dev.meshwizard.cluster.forward.ProbeResult;
import dev.meshwizard.observe.ReviewsVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A probe's results as the chart shows them: per second since the start, how many requests ended with each status
 * (or "error" for no response); and the totals by status and by reviews version. Fed on the FX thread.
 */
public final class ProbeChartViewModel {

    /** The label of requests that got no response. */
    public static final String ERROR = "error";

    /**
     * The requests of one second.
     *
     * @param second  seconds since the probe started
     * @param byCode  count by status code ("200", "503", or {@value #ERROR}), in code order
     */
    public record Bucket(long second, Map<String, Integer> byCode) {

        public Bucket {
            byCode = Collections.unmodifiableMap(new TreeMap<>(byCode));
        }

        /** The bucket with one more request of {@code code}. */
        Bucket plus(String code) {
            Map<String, Integer> counts = new TreeMap<>(byCode);
            counts.merge(code, 1, Integer::sum);
            return new Bucket(second, counts);
        }
    }

    /**
     * One line of a totals list.
     *
     * @param label what is counted, e.g. "200" or "v2 (black stars)"
     * @param count how many requests
     */
    public record Count(String label, int count) {
    }

    private final ObservableList<Bucket> buckets = FXCollections.observableArrayList();
    private final ObservableList<Count> byStatus = FXCollections.observableArrayList();
    private final ObservableList<Count> byVersion = FXCollections.observableArrayList();
    private final Map<String, Integer> statusTotals = new TreeMap<>();
    private final Map<ReviewsVersion, Integer> versionTotals = new EnumMap<>(ReviewsVersion.class);
    private Instant start;

    /** Forgets every result; the next one starts second 0 at {@code startedAt}. */
    public void reset(Instant startedAt) {
        start = startedAt;
        buckets.clear();
        byStatus.clear();
        byVersion.clear();
        statusTotals.clear();
        versionTotals.clear();
    }

    /** Counts one result in its second and in the totals. */
    public void add(ProbeResult result) {
        if (start == null) {
            start = result.time();
        }
        long second = Math.max(0, Duration.between(start, result.time()).getSeconds());
        String code = result.answered() ? Integer.toString(result.status()) : ERROR;
        int last = buckets.size() - 1;
        if (last >= 0 && buckets.get(last).second() == second) {
            buckets.set(last, buckets.get(last).plus(code));
        } else {
            buckets.add(new Bucket(second, Map.of()).plus(code));
        }
        statusTotals.merge(code, 1, Integer::sum);
        byStatus.setAll(counts(statusTotals));
        if (result.status() == 200) {
            versionTotals.merge(result.version(), 1, Integer::sum);
            Map<String, Integer> labelled = new LinkedHashMap<>();
            versionTotals.forEach((version, count) -> labelled.put(version.label(), count));
            byVersion.setAll(counts(labelled));
        }
    }

    private static java.util.List<Count> counts(Map<String, Integer> totals) {
        return totals.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    /** The seconds so far, oldest first; the last one changes while its second lasts. */
    public ObservableList<Bucket> buckets() {
        return buckets;
    }

    /** Requests by status, in code order ({@value #ERROR} last). */
    public ObservableList<Count> byStatus() {
        return byStatus;
    }

    /** Requests answered with 200 by the reviews version of their page. */
    public ObservableList<Count> byVersion() {
        return byVersion;
    }

    /** Requests answered with 200 so far. */
    public int ok() {
        return statusTotals.getOrDefault("200", 0);
    }

    /** Requests so far. */
    public int total() {
        return statusTotals.values().stream().mapToInt(Integer::intValue).sum();
    }
}
