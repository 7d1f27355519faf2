package dev.meshwizard.cluster.precheck;

import dev.meshwizard.cluster.precheck.PrecheckItem.Status;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The precheck items that look for an Istio installation already on the cluster. */
final class InstalledIstio {

    private static final Logger LOG = LoggerFactory.getLogger(InstalledIstio.class);
    static final String CONTROL_PLANE = "Existing Istio control plane";
    static final String HELM_RELEASES = "Existing Istio Helm releases";
    static final String CRDS = "Existing Istio CRDs";
    static final String SIDE_BY_SIDE = "A new install will upgrade it; choose a revision to install side by side";
    private static final String HELM_RELEASE_TYPE = "helm.sh/release.v1";
    private static final String HELM_RELEASE_ANNOTATION = "meta.helm.sh/release-name";
    private static final Set<String> ISTIO_RELEASES = Set.of("istio-base", "istiod", "istio-ingressgateway",
            "istio-egressgateway", "istio-ingress", "istio-egress", "istio-cni", "ztunnel");

    private final KubernetesClient client;

    InstalledIstio(KubernetesClient client) {
        this.client = client;
    }

    /** istiod Deployments (label {@code app=istiod}) in any namespace, with their revisions. */
    PrecheckItem checkControlPlanes() {
        try {
            List<String> found = client.apps().deployments().inAnyNamespace().withLabel("app", "istiod").list()
                    .getItems().stream()
                    .sorted(Comparator.comparing(InstalledIstio::namespacedName))
                    .map(d -> namespacedName(d) + " (revision " + revision(d) + ")")
                    .toList();
            if (found.isEmpty()) {
                return new PrecheckItem(CONTROL_PLANE, Status.PASS, "No istiod found", "");
            }
            return new PrecheckItem(CONTROL_PLANE, Status.WARN, "istiod is already running: "
                    + String.join(", ", found), SIDE_BY_SIDE);
        } catch (RuntimeException e) {
            return couldNotCheck(CONTROL_PLANE, "istiod Deployments", e);
        }
    }

    /** Helm release Secrets of the Istio charts, by release name, newest revision of each. */
    PrecheckItem checkHelmReleases() {
        try {
            List<Secret> secrets = client.secrets().inAnyNamespace().withLabel("owner", "helm").list().getItems();
            Map<String, Secret> newest = secrets.stream()
                    .filter(s -> HELM_RELEASE_TYPE.equals(s.getType()))
                    .filter(s -> isIstioRelease(label(s, "name")))
                    .collect(Collectors.toMap(s -> s.getMetadata().getNamespace() + "/" + label(s, "name"),
                            Function.identity(),
                            (a, b) -> releaseVersion(a) >= releaseVersion(b) ? a : b));
            List<String> found = newest.values().stream()
                    .filter(s -> !"uninstalled".equals(label(s, "status")))
                    .sorted(Comparator.comparing(s -> s.getMetadata().getNamespace() + "/" + label(s, "name")))
                    .map(s -> label(s, "name") + " in " + s.getMetadata().getNamespace() + " ("
                            + Optional.ofNullable(label(s, "status")).orElse("unknown status") + ", revision "
                            + releaseVersion(s) + ")")
                    .toList();
            if (found.isEmpty()) {
                return new PrecheckItem(HELM_RELEASES, Status.PASS, "No Helm releases of the Istio charts found", "");
            }
            return new PrecheckItem(HELM_RELEASES, Status.WARN, "Helm releases of Istio are installed: "
                    + String.join(", ", found), "Installing a release of the same name in the same namespace"
                    + " upgrades it; choose a revision to install side by side");
        } catch (RuntimeException e) {
            return couldNotCheck(HELM_RELEASES, "Helm releases", e);
        }
    }

    /** CustomResourceDefinitions of the {@code *.istio.io} groups, and whether Helm owns them. */
    PrecheckItem checkCrds() {
        try {
            List<CustomResourceDefinition> crds = client.apiextensions().v1().customResourceDefinitions().list()
                    .getItems().stream()
                    .filter(crd -> crd.getSpec() != null && crd.getSpec().getGroup() != null)
                    .filter(crd -> crd.getSpec().getGroup().endsWith("istio.io"))
                    .toList();
            if (crds.isEmpty()) {
                return new PrecheckItem(CRDS, Status.PASS, "No Istio CRDs found", "");
            }
            Set<String> groups = crds.stream().map(crd -> crd.getSpec().getGroup())
                    .sorted().collect(Collectors.toCollection(LinkedHashSet::new));
            Set<String> owners = crds.stream().map(crd -> annotation(crd, HELM_RELEASE_ANNOTATION))
                    .filter(Objects::nonNull).sorted().collect(Collectors.toCollection(LinkedHashSet::new));
            long unowned = crds.stream().filter(crd -> annotation(crd, HELM_RELEASE_ANNOTATION) == null).count();
            String detail = crds.size() + " Istio CRDs are installed (" + String.join(", ", groups) + ")";
            if (unowned == 0) {
                return new PrecheckItem(CRDS, Status.WARN, detail + ", owned by Helm release "
                        + String.join(", ", owners), SIDE_BY_SIDE);
            }
            return new PrecheckItem(CRDS, Status.WARN, detail + "; " + unowned + " of them not installed by Helm"
                    + " (istioctl or kubectl?)", "Helm will not install the base chart over CRDs it does not own:"
                    + " uninstall the earlier Istio first, or keep its CRDs and install side by side with a revision");
        } catch (RuntimeException e) {
            return couldNotCheck(CRDS, "CustomResourceDefinitions", e);
        }
    }

    private static boolean isIstioRelease(String name) {
        return name != null && (ISTIO_RELEASES.contains(name) || name.startsWith("istiod-"));
    }

    private static PrecheckItem couldNotCheck(String title, String what, RuntimeException e) {
        LOG.debug("Listing {} failed", what, e);
        return new PrecheckItem(title, Status.WARN, "Could not list " + what + ": " + shortMessage(e),
                "Check with a user that may list " + what + " in all namespaces");
    }

    /**
     * The exception's message on one line, at most 200 characters; for an API error the HTTP code and the
     * server's own message rather than the client's long wrapper text.
     */
    static String shortMessage(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof io.fabric8.kubernetes.client.KubernetesClientException api && api.getCode() > 0) {
            String reason = api.getStatus() != null && api.getStatus().getMessage() != null
                    ? api.getStatus().getMessage() : message;
            message = "HTTP " + api.getCode() + ": " + reason;
        }
        String line = message.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static String namespacedName(Deployment deployment) {
        return deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName();
    }

    private static String revision(Deployment deployment) {
        return Optional.ofNullable(label(deployment, "istio.io/rev")).orElse("default");
    }

    private static int releaseVersion(Secret secret) {
        try {
            return Integer.parseInt(Optional.ofNullable(label(secret, "version")).orElse("0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String label(HasMetadata resource, String key) {
        Map<String, String> labels = resource.getMetadata().getLabels();
        return labels == null ? null : labels.get(key);
    }

    private static String annotation(HasMetadata resource, String key) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }
}
