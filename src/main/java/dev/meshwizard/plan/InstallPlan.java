package dev.meshwizard.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an Istio install needs, and nothing else holds plan state: the profile, platform, revision and
 * Istio version, where the charts come from, and the releases in install order. Immutable; an edit makes a
 * new plan.
 *
 * @param profile      Istio profile name (default, demo, minimal, ambient, empty, preview, remote, stable)
 * @param platform     platform value for the charts ("" for none; gke, k3d, k3s, microk8s, minikube, openshift)
 * @param revision     Istio revision ("" for none, e.g. {@code 1-30-3})
 * @param istioVersion Istio version the charts are, e.g. {@code 1.30.3} ("" when read from the charts)
 * @param source       where the charts come from
 * @param releases     the releases, in install order
 * @param setAside     releases an earlier profile had and the current one does not use, kept with their values
 *                     so that choosing a profile that uses them again brings them back; never installed or exported
 */
public record InstallPlan(String profile, String platform, String revision, String istioVersion,
                          ChartSourceSpec source, List<ChartRelease> releases, List<ChartRelease> setAside) {

    /** A plan with nothing set aside. */
    public InstallPlan(String profile, String platform, String revision, String istioVersion,
                       ChartSourceSpec source, List<ChartRelease> releases) {
        this(profile, platform, revision, istioVersion, source, releases, List.of());
    }

    public InstallPlan {
        Objects.requireNonNull(profile, "profile");
        platform = platform == null ? "" : platform;
        revision = revision == null ? "" : revision;
        istioVersion = istioVersion == null ? "" : istioVersion;
        Objects.requireNonNull(source, "source");
        releases = List.copyOf(releases);
        setAside = setAside == null ? List.of() : List.copyOf(setAside);
    }

    public Optional<ChartRelease> release(String name) {
        return releases.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public InstallPlan withReleases(List<ChartRelease> newReleases) {
        return new InstallPlan(profile, platform, revision, istioVersion, source, newReleases, setAside);
    }

    /** The same releases (and releases set aside) with other settings. */
    public InstallPlan withSettings(String newPlatform, String newRevision, String newIstioVersion,
                                    ChartSourceSpec newSource) {
        return new InstallPlan(profile, newPlatform, newRevision, newIstioVersion, newSource, releases, setAside);
    }

    /**
     * The same plan with another revision. An istiod release that has the name the old revision gives it
     * ({@code istiod}, or {@code istiod-<old>}) is renamed to the one the new revision gives it
     * ({@link Plans#istiodReleaseName(String)}), so that a revisioned control plane is a second release beside
     * the first rather than an upgrade of it; a release the user named otherwise keeps its name.
     */
    public InstallPlan withRevision(String newRevision) {
        String next = newRevision == null ? "" : newRevision.trim();
        String oldName = Plans.istiodReleaseName(revision);
        String newName = Plans.istiodReleaseName(next);
        java.util.function.UnaryOperator<ChartRelease> rename =
                r -> r.component() == Component.ISTIOD && r.name().equals(oldName) ? r.withName(newName) : r;
        return new InstallPlan(profile, platform, next, istioVersion, source,
                releases.stream().map(rename).toList(), setAside.stream().map(rename).toList());
    }
}
