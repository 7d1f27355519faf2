package dev.meshwizard.plan;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the charts come from: an Istio release folder ({@code istio-1.x.y/}), a folder of chart archives or
 * chart folders, or a Helm repository at a version.
 *
 * @param kind    which of the three
 * @param folder  the folder, for {@link Kind#ISTIO_RELEASE} and {@link Kind#CHARTS_FOLDER}; else null
 * @param repoUrl the repository URL, for {@link Kind#HELM_REPO}; else null
 * @param version the chart version, for {@link Kind#HELM_REPO}; else null (read from the charts)
 */
public record ChartSourceSpec(Kind kind, Path folder, String repoUrl, String version) {

    /** The Istio project's Helm repository. */
    public static final String ISTIO_REPO = "https://istio-release.storage.googleapis.com/charts";

    /** The kinds of chart source. */
    public enum Kind { ISTIO_RELEASE, CHARTS_FOLDER, HELM_REPO }

    public ChartSourceSpec {
        Objects.requireNonNull(kind, "kind");
    }

    public static ChartSourceSpec istioRelease(Path folder) {
        return new ChartSourceSpec(Kind.ISTIO_RELEASE, Objects.requireNonNull(folder), null, null);
    }

    public static ChartSourceSpec chartsFolder(Path folder) {
        return new ChartSourceSpec(Kind.CHARTS_FOLDER, Objects.requireNonNull(folder), null, null);
    }

    public static ChartSourceSpec helmRepo(String repoUrl, String version) {
        return new ChartSourceSpec(Kind.HELM_REPO, null, Objects.requireNonNull(repoUrl),
                Objects.requireNonNull(version));
    }
}
