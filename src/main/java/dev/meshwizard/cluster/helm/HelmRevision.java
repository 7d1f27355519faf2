package dev.meshwizard.cluster.helm;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One line of a release's history, from Helm's own record (what {@code helm history} shows).
 *
 * @param revision    the revision number, 1 for the first install
 * @param status      Helm's status: {@code deployed}, {@code superseded}, {@code failed}, {@code pending-install} …
 * @param chart       chart name
 * @param version     chart version
 * @param appVersion  the chart's app version
 * @param updated     when Helm last deployed this revision
 * @param description Helm's description, e.g. {@code Install complete} or the error of a failed upgrade
 */
public record HelmRevision(int revision, String status, String chart, String version, String appVersion,
                           Optional<OffsetDateTime> updated, String description) {

    /** True when the revision is stuck in a pending state, which blocks every further Helm operation. */
    public boolean pending() {
        return HelmRecords.pending(status);
    }
}
