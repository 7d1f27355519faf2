package dev.meshwizard.cluster.helm;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One revision of a release as Helm stored it: what {@code helm history} shows, plus the manifest Helm applied
 * and the chart and user values it used.
 */
record ReleaseRecord(String name, String namespace, int revision, String status, String chart, String version,
                     String appVersion, Optional<OffsetDateTime> updated, String description, String manifest,
                     JsonNode chartJson, JsonNode config) {

    HelmRevision summary() {
        return new HelmRevision(revision, status, chart, version, appVersion, updated, description);
    }
}
