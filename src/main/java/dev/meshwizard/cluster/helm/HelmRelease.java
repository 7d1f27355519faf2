package dev.meshwizard.cluster.helm;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Helm release as Helm records it on the cluster (what {@code helm list} shows).
 *
 * @param name      release name, e.g. {@code istio-base}
 * @param namespace the release's namespace
 * @param chart     chart name, e.g. {@code base}
 * @param version   chart version, e.g. {@code 1.30.3}
 * @param revision  the release's revision, 1 after the first install
 * @param status    Helm's status, e.g. {@code deployed}, {@code failed}, {@code pending-upgrade}
 * @param updated   when Helm last deployed it, if known
 */
public record HelmRelease(String name, String namespace, String chart, String version, int revision,
                          String status, Optional<OffsetDateTime> updated) {

    /** The status of a release whose latest revision was applied. */
    public static final String DEPLOYED = "deployed";

    /** Helm joins name and version with a dash; the version is the part from the first dash before a digit. */
    private static final Pattern CHART = Pattern.compile("^(.+?)-(v?\\d.*)$");

    public HelmRelease {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        chart = chart == null ? "" : chart;
        version = version == null ? "" : version;
        status = status == null ? "" : status;
        updated = updated == null ? Optional.empty() : updated;
    }

    /** A record without a deploy time. */
    public HelmRelease(String name, String namespace, String chart, String version, int revision, String status) {
        this(name, namespace, chart, version, revision, status, Optional.empty());
    }

    /** True when the release is stuck in a pending state, which blocks every further Helm operation on it. */
    public boolean pending() {
        return HelmRecords.pending(status);
    }

    /** True when Helm's last operation on the release failed. */
    public boolean failed() {
        return "failed".equals(status);
    }

    /** True when the latest revision was applied. */
    public boolean deployed() {
        return DEPLOYED.equals(status);
    }

    /** From helm-java's record, whose chart is {@code <name>-<version>}. */
    static HelmRelease of(com.marcnuri.helm.Release release) {
        String chart = release.getChart() == null ? "" : release.getChart();
        String version = "";
        Matcher matcher = CHART.matcher(chart);
        if (matcher.matches()) {
            chart = matcher.group(1);
            version = matcher.group(2);
        }
        int revision;
        try {
            revision = Integer.parseInt(release.getRevision() == null ? "" : release.getRevision().trim());
        } catch (NumberFormatException e) {
            revision = 0;
        }
        Optional<OffsetDateTime> updated = Optional.ofNullable(release.getLastDeployed())
                .map(ZonedDateTime::toOffsetDateTime);
        return new HelmRelease(release.getName(), release.getNamespace(), chart, version, revision,
                release.getStatus(), updated);
    }
}
