package dev.meshwizard.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Default install plans, and the warnings a plan deserves before anything is rendered or installed.
 *
 * <p>A default plan has the releases a Helm user knows from Istio's documentation, all in {@code istio-system}:
 * {@code istio-base}, {@code istiod} and {@code istio-ingressgateway}; demo adds {@code istio-egressgateway}
 * (a ClusterIP Service); ambient has {@code istio-cni} and {@code ztunnel} instead of a gateway. Each release
 * starts with a short commented values file. A profile that Helm knows (demo, ambient, …) is passed to every
 * release as {@code --set profile=<name>}. With a revision, istiod is {@code istiod-<revision>}
 * ({@link InstallPlan#withRevision(String)}); the gateways keep their names.
 */
public final class Plans {

    /** The namespace of every default release. */
    public static final String ISTIO_SYSTEM = "istio-system";

    /** The {@code istio} pod label Bookinfo's Gateway selects. */
    public static final String BOOKINFO_GATEWAY_LABEL = "ingressgateway";

    /** The platforms the charts' {@code global.platform} value knows; "" is none. */
    public static final List<String> PLATFORMS =
            List.of("", "gke", "k3d", "k3s", "microk8s", "minikube", "openshift");

    private Plans() {
    }

    /**
     * The default plan of a profile: its releases in install order, with the release names of Istio's Helm
     * instructions and their starting values.
     *
     * @param istioVersion the Istio version the charts are, "" when read from the charts
     */
    public static InstallPlan forProfile(Profile profile, ChartSourceSpec source, String istioVersion) {
        Objects.requireNonNull(profile, "profile");
        List<String> sets = profile.chartValue().map(v -> List.of("profile=" + v)).orElse(List.of());
        List<ChartRelease> releases = new ArrayList<>();
        int gateways = 0;
        for (Component component : profile.components()) {
            String name = switch (component) {
                case BASE -> "istio-base";
                case CNI -> "istio-cni";
                case ISTIOD -> istiodReleaseName("");
                case ZTUNNEL -> "ztunnel";
                case GATEWAY -> gateways++ == 0 ? "istio-ingressgateway" : "istio-egressgateway";
            };
            releases.add(new ChartRelease(name, ISTIO_SYSTEM, component, defaultValues(component, name), sets));
        }
        return new InstallPlan(profile.id(), "", "", istioVersion, source, releases);
    }

    /**
     * The istiod release name for a revision: {@code istiod} without one, {@code istiod-<revision>} with one, as
     * Istio's canary upgrade guide installs it ({@code helm install istiod-canary istio/istiod --set
     * revision=canary}), so that two control planes are two releases side by side.
     */
    public static String istiodReleaseName(String revision) {
        String trimmed = revision == null ? "" : revision.trim();
        return trimmed.isEmpty() ? "istiod" : "istiod-" + trimmed;
    }

    /**
     * The plan after choosing another profile: the new profile's releases, each one taking the release the plan
     * has (in use or set aside) of that name and chart, else the first unclaimed one of that chart (a renamed
     * gateway), with its namespace and values as they are and the new profile's {@code profile=} setting; the
     * profile's new releases start with their default values. Releases the new profile does not use are set aside,
     * values and all, so that nothing typed is lost and choosing a profile that uses them brings them back.
     */
    public static InstallPlan switchProfile(InstallPlan current, Profile chosen) {
        InstallPlan fresh = forProfile(chosen, current.source(), current.istioVersion())
                .withRevision(current.revision());
        List<ChartRelease> pool = new ArrayList<>(current.releases());
        pool.addAll(current.setAside());
        List<ChartRelease> releases = new ArrayList<>();
        for (ChartRelease release : fresh.releases()) {
            Optional<ChartRelease> kept = pool.stream()
                    .filter(r -> r.name().equals(release.name()) && r.component() == release.component())
                    .findFirst()
                    .or(() -> pool.stream().filter(r -> r.component() == release.component()
                            && fresh.release(r.name()).isEmpty()).findFirst());
            kept.ifPresent(pool::remove);
            releases.add(kept.map(r -> new ChartRelease(r.name(), r.namespace(), r.component(), r.valuesYaml(),
                    withProfileSet(r.sets(), release.sets()))).orElse(release));
        }
        return new InstallPlan(chosen.id(), current.platform(), current.revision(), current.istioVersion(),
                current.source(), releases, pool);
    }

    private static List<String> withProfileSet(List<String> sets, List<String> profileSets) {
        List<String> merged = new ArrayList<>(sets.stream().filter(s -> !s.startsWith("profile=")).toList());
        merged.addAll(profileSets);
        return merged;
    }

    /**
     * The values text a new release of a chart starts with. A gateway whose name contains {@code egress} gets an
     * egress gateway's values ({@code service.type: ClusterIP}).
     */
    public static String defaultValues(Component component, String releaseName) {
        return DefaultValues.forRelease(Objects.requireNonNull(component), Objects.requireNonNull(releaseName));
    }

    /**
     * The {@code istio} label the gateway chart puts on a gateway release's pods, which Gateway resources select:
     * {@code labels.istio} from the values when set, else the {@code name} value or the release name without a
     * leading {@code istio-}. Values that do not parse count as unset.
     */
    public static String gatewayIstioLabel(ChartRelease release) {
        Optional<ValuesDocument> values = parseQuietly(release.valuesYaml());
        Optional<String> explicit = values.flatMap(v -> v.get("labels.istio")).map(String::valueOf)
                .filter(s -> !s.isEmpty());
        if (explicit.isPresent()) {
            return explicit.get();
        }
        String name = values.flatMap(v -> v.get("name")).map(String::valueOf).filter(s -> !s.isEmpty())
                .orElse(release.name());
        return name.startsWith("istio-") ? name.substring("istio-".length()) : name;
    }

    /**
     * What Kubernetes, Helm or the charts would refuse in a plan, one sentence each: a revision, release name or
     * namespace that breaks the naming rules ({@link KubeNames}), a platform the charts do not know. A plan with
     * any of these is bad input: nothing should be rendered or installed from it.
     */
    public static List<String> problems(InstallPlan plan) {
        List<String> problems = new ArrayList<>();
        KubeNames.revisionProblem(plan.revision()).ifPresent(problems::add);
        platformProblem(plan.platform()).ifPresent(problems::add);
        for (ChartRelease release : plan.releases()) {
            KubeNames.releaseNameProblem(release.name()).ifPresent(problems::add);
            KubeNames.namespaceProblem(release.namespace())
                    .ifPresent(p -> problems.add(p + " (release " + release.name() + ")"));
        }
        return List.copyOf(problems);
    }

    /** Whether the charts know a platform ("" is none). */
    public static Optional<String> platformProblem(String platform) {
        if (platform == null || PLATFORMS.contains(platform)) {
            return Optional.empty();
        }
        return Optional.of("platform \"" + platform + "\" is not one the charts know; use one of "
                + String.join(", ", PLATFORMS.subList(1, PLATFORMS.size())) + ", or none");
    }

    /**
     * What may go wrong with a plan, one sentence each with what to do: everything {@link #problems} finds, a
     * gateway whose pods Bookinfo's Gateway will not select, two releases with one name in a namespace.
     */
    public static List<String> warnings(InstallPlan plan) {
        List<String> warnings = new ArrayList<>(problems(plan));
        Set<String> seen = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (ChartRelease release : plan.releases()) {
            String key = release.namespace() + "/" + release.name();
            if (!seen.add(key) && reported.add(key)) {
                warnings.add("Two releases are named " + release.name() + " in " + release.namespace()
                        + "; Helm keeps one release per name in a namespace, so the second would replace the"
                        + " first. Rename one of them.");
            }
            if (release.component() == Component.GATEWAY) {
                gatewayLabel(release).ifPresent(warnings::add);
            }
        }
        return List.copyOf(warnings);
    }

    private static Optional<String> gatewayLabel(ChartRelease release) {
        String label = gatewayIstioLabel(release);
        if (label.equals(BOOKINFO_GATEWAY_LABEL) || label.contains("egress")) {
            return Optional.empty();
        }
        return Optional.of("Gateway release " + release.name() + " labels its pods istio: " + label
                + ", but Bookinfo's Gateway selects istio: " + BOOKINFO_GATEWAY_LABEL
                + ", so Bookinfo will not be reachable through it. Name the release istio-ingressgateway, or set"
                + " labels.istio: " + BOOKINFO_GATEWAY_LABEL + " in its values.");
    }

    private static Optional<ValuesDocument> parseQuietly(String text) {
        try {
            return Optional.of(ValuesDocument.parse(text));
        } catch (ValuesException e) {
            return Optional.empty();
        }
    }
}
