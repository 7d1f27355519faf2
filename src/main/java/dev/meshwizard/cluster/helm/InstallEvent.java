package dev.meshwizard.cluster.helm;

import java.time.Duration;
import java.util.Objects;

/**
 * What happened to one release of an install run.
 *
 * @param release the release's name, e.g. {@code istiod}
 * @param phase   where the release is now
 * @param message a line for the user, e.g. Helm's message when the release failed
 * @param elapsed time since the run started on this release (zero while pending)
 */
public record InstallEvent(String release, Phase phase, String message, Duration elapsed) {

    /** Where a release is in an install run. */
    public enum Phase {
        /** Not started yet. */
        PENDING,
        /** Helm is installing or upgrading it. */
        RUNNING,
        /** Helm is done; waiting for its CRDs to be established or its workloads to become available. */
        WAITING,
        /** Installed and ready. */
        DONE,
        /** Helm failed or it did not become ready in time; the run stopped here. */
        FAILED,
        /** The run was cancelled before this release was installed, or while waiting for it. */
        CANCELLED
    }

    public InstallEvent {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(phase, "phase");
        message = message == null ? "" : message;
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
    }
}
