package dev.meshwizard.cluster.precheck;

import dev.meshwizard.cluster.precheck.PrecheckItem.Status;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Kubernetes versions each Istio release supports, from Istio's "Supported Releases" page
 * (istio.io/latest/docs/releases/supported-releases), and the Kubernetes version check of the precheck.
 */
public final class IstioSupport {

    static final String TITLE = "Kubernetes version";
    private static final String SUPPORT_PAGE = "https://istio.io/latest/docs/releases/supported-releases/";
    private static final Pattern VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*$");

    /**
     * Kubernetes minors (of 1.x) for one Istio minor.
     *
     * @param minSupported lowest supported Kubernetes minor
     * @param maxSupported highest supported Kubernetes minor
     * @param minTested    lowest Kubernetes minor Istio lists as "tested, but not supported"; equal to
     *                     {@code minSupported} when the page gives none
     */
    record Range(int minSupported, int maxSupported, int minTested) {
    }

    /** A parsed {@code major.minor[.patch]} version; patch is 0 when absent. */
    record Version(int major, int minor, int patch) {

        /** Parses {@code v1.30.2}, {@code v1.29.3-eks-abc}, {@code v1.31.0+k3s1}, {@code 1.28}, … */
        static Optional<Version> parse(String text) {
            Matcher matcher = VERSION.matcher(text == null ? "" : text.strip());
            if (!matcher.matches()) {
                return Optional.empty();
            }
            int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
            return Optional.of(new Version(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    patch));
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }

    /** Keyed by the Istio minor of 1.x. */
    private static final Map<Integer, Range> KUBERNETES_BY_ISTIO_MINOR = Map.of(
            22, new Range(27, 30, 23),
            23, new Range(27, 30, 27),
            24, new Range(28, 31, 28),
            25, new Range(29, 32, 29),
            26, new Range(29, 33, 24),
            27, new Range(29, 33, 24),
            28, new Range(30, 34, 25),
            29, new Range(31, 35, 26),
            30, new Range(32, 36, 27));

    private IstioSupport() {
    }

    /** The Istio minors the precheck knows, newest first, e.g. {@code 1.30, 1.29, …}. */
    public static java.util.List<String> knownIstioMinors() {
        return KUBERNETES_BY_ISTIO_MINOR.keySet().stream().sorted(java.util.Comparator.reverseOrder())
                .map(minor -> "1." + minor).toList();
    }

    /** The supported range for an Istio version such as {@code 1.28.1}, if the table knows it. */
    static Optional<Range> rangeFor(String istioVersion) {
        return Version.parse(istioVersion).filter(v -> v.major() == 1)
                .map(v -> KUBERNETES_BY_ISTIO_MINOR.get(v.minor()));
    }

    /**
     * Checks the cluster's Kubernetes version against what an Istio version supports: FAIL below the lowest
     * version Istio was tested on, WARN when only tested (not supported) or newer than the newest supported,
     * WARN when the Istio version or the server version is unknown, PASS otherwise.
     */
    static PrecheckItem checkKubernetes(String istioVersion, String serverVersion) {
        Optional<Version> kubernetes = Version.parse(serverVersion).filter(v -> v.major() == 1);
        if (kubernetes.isEmpty()) {
            return new PrecheckItem(TITLE, Status.WARN, "Cannot tell the Kubernetes version from \"" + serverVersion
                    + "\"", "Check on " + SUPPORT_PAGE + " that Istio " + istioVersion + " supports this cluster");
        }
        int minor = kubernetes.get().minor();
        String k8s = "Kubernetes 1." + minor;
        Optional<Range> known = rangeFor(istioVersion);
        if (known.isEmpty()) {
            return new PrecheckItem(TITLE, Status.WARN, "The cluster runs " + serverVersion + "; Mesh Wizard does not"
                    + " know which Kubernetes versions Istio " + istioVersion + " supports",
                    "Check on " + SUPPORT_PAGE);
        }
        Range range = known.get();
        String supported = "1." + range.minSupported() + " to 1." + range.maxSupported();
        String istio = "Istio " + istioMinor(istioVersion);
        if (minor < range.minTested()) {
            return new PrecheckItem(TITLE, Status.FAIL, "The cluster runs " + serverVersion + "; " + istio
                    + " needs Kubernetes 1." + range.minSupported() + " or newer (supported: " + supported + ")",
                    "Upgrade the cluster to Kubernetes " + supported + ", or choose an older Istio release");
        }
        if (minor < range.minSupported()) {
            return new PrecheckItem(TITLE, Status.WARN, "The cluster runs " + serverVersion + "; " + istio
                    + " was tested on " + k8s + " but supports only " + supported,
                    "Upgrade the cluster to Kubernetes " + supported + " for a supported setup");
        }
        if (minor > range.maxSupported()) {
            return new PrecheckItem(TITLE, Status.WARN, "The cluster runs " + serverVersion + ", newer than the "
                    + "Kubernetes versions " + istio + " supports (" + supported + ")",
                    "Choose a newer Istio release, or expect untested behaviour");
        }
        return new PrecheckItem(TITLE, Status.PASS, "The cluster runs " + serverVersion + "; " + istio
                + " supports Kubernetes " + supported, "");
    }

    private static String istioMinor(String istioVersion) {
        return Version.parse(istioVersion).map(v -> v.major() + "." + v.minor()).orElse(istioVersion);
    }
}
