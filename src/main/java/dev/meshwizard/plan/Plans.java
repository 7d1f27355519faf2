package dev.meshwizard.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Default install plans, and the warnings a plan deserves before anything is rendered or installed.
 *
 * <p>A default plan has the releases a Helm user knows from Istio's documentation, all in {@code istio-system}:
 * {@code istio-base}, {@code istiod} and {@code istio-ingressgateway}; demo adds {@code istio-egressgateway}
 * (a ClusterIP Service); ambient has {@code istio-cni} and {@code ztunnel} instead of a gateway. Each release
 * starts with a short commented values file. A profile that Helm knows (demo, ambient, …) is passed to every
 * release as {@code --set profile=<name>}.
 */
public final class Plans {

    /** The namespace of every default release. */
    public static final String ISTIO_SYSTEM = "istio-system";

    /** The {@code istio} pod label Bookinfo's Gateway selects. */
    public static final String BOOKINFO_GATEWAY_LABEL = "ingressgateway";

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern RELEASE_NAME =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final int RELEASE_NAME_MAX = 53;

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
                case ISTIOD -> "istiod";
                case ZTUNNEL -> "ztunnel";
                case GATEWAY -> gateways++ == 0 ? "istio-ingressgateway" : "istio-egressgateway";
            };
            releases.add(new ChartRelease(name, ISTIO_SYSTEM, component, defaultValues(component, name), sets));
        }
        return new InstallPlan(profile.id(), "", "", istioVersion, source, releases);
    }

    /**
     * The plan after choosing another profile: the new profile's releases, each one taking the release the plan
     * has (in use or set aside) of that name and chart, else the first unclaimed one of that chart (a renamed
     * gateway), with its namespace and values as they are and the new profile's {@code profile=} setting; the
     * profile's new releases start with their default values. Releases the new profile does not use are set aside,
     * values and all, so that nothing typed is lost and choosing a profile that uses them brings them back.
     */
    public static InstallPlan switchProfile(InstallPlan current, Profile chosen) {
        InstallPlan fresh = forProfile(chosen, current.source(), current.istioVersion());
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
     * What may go wrong with a plan, one sentence each with what to do: a gateway whose pods Bookinfo's Gateway
     * will not select, two releases with one name in a namespace, a revision or release name Kubernetes or Helm
     * will refuse.
     */
    public static List<String> warnings(InstallPlan plan) {
        List<String> warnings = new ArrayList<>();
        if (!plan.revision().isEmpty() && !DNS_LABEL.matcher(plan.revision()).matches()) {
            warnings.add("Revision \"" + plan.revision() + "\" is not a valid DNS label (lowercase letters, digits"
                    + " and '-', at most 63 characters, starting and ending with a letter or digit); Istio puts it"
                    + " in resource names and labels. Try \"" + dnsLabel(plan.revision()) + "\".");
        }
        Set<String> seen = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (ChartRelease release : plan.releases()) {
            String key = release.namespace() + "/" + release.name();
            if (!seen.add(key) && reported.add(key)) {
                warnings.add("Two releases are named " + release.name() + " in " + release.namespace()
                        + "; Helm keeps one release per name in a namespace, so the second would replace the"
                        + " first. Rename one of them.");
            }
            if (!RELEASE_NAME.matcher(release.name()).matches() || release.name().length() > RELEASE_NAME_MAX) {
                warnings.add("Release name \"" + release.name() + "\" is not one Helm accepts: lowercase letters,"
                        + " digits, '-' and '.', at most " + RELEASE_NAME_MAX + " characters.");
            }
            if (!DNS_LABEL.matcher(release.namespace()).matches()) {
                warnings.add("Namespace \"" + release.namespace() + "\" of release " + release.name()
                        + " is not a valid namespace name (a DNS label).");
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

    private static String dnsLabel(String text) {
        String label = text.toLowerCase(Locale.ROOT).replaceAll("[^-a-z0-9]", "-").replaceAll("^-+|-+$", "");
        label = label.length() > 63 ? label.substring(0, 63).replaceAll("-+$", "") : label;
        return label.isEmpty() ? "canary" : label;
    }

    private static Optional<ValuesDocument> parseQuietly(String text) {
        try {
            return Optional.of(ValuesDocument.parse(text));
        } catch (ValuesException e) {
            return Optional.empty();
        }
    }
}
