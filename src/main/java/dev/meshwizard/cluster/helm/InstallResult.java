package dev.meshwizard.cluster.helm;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How an install run ended.
 *
 * @param outcome   succeeded, failed or cancelled
 * @param installed Helm's records of the releases this run installed or upgraded, in install order
 * @param message   a summary for the user: on failure the reason (Helm's message, or what is not ready), on
 *                  cancel what is installed
 * @param helmTime  time spent in Helm calls
 * @param waitTime  time spent waiting for CRDs and workloads
 */
public record InstallResult(Outcome outcome, List<HelmRelease> installed, String message, Duration helmTime,
                            Duration waitTime) {

    /** How a run ended. */
    public enum Outcome {
        SUCCEEDED, FAILED, CANCELLED
    }

    public InstallResult {
        Objects.requireNonNull(outcome, "outcome");
        installed = List.copyOf(installed);
        message = message == null ? "" : message;
        Objects.requireNonNull(helmTime, "helmTime");
        Objects.requireNonNull(waitTime, "waitTime");
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }
}
