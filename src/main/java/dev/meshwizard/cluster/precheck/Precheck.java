package dev.meshwizard.cluster.precheck;

import dev.meshwizard.cluster.precheck.PrecheckItem.Status;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a cluster before an Istio install, like {@code istioctl x precheck}: the Kubernetes version, the
 * permissions the charts need, and Istio that is already there. A check that cannot run (API error) becomes a
 * warning; {@link #run} never throws for cluster errors.
 */
public final class Precheck {

    private static final Logger LOG = LoggerFactory.getLogger(Precheck.class);
    static final String PERMISSIONS = "Permissions to install Istio";
    static final String ISTIO_NAMESPACE = "istio-system";

    /** One thing the charts create, as SelfSubjectAccessReview resource attributes. */
    record Access(String group, String resource, String namespace) {

        String describe() {
            String name = group.isEmpty() ? resource : resource + "." + group;
            return namespace.isEmpty() ? name : name + " in " + namespace;
        }
    }

    /** What the base, istiod and gateway charts create. */
    static final List<Access> NEEDED = List.of(
            new Access("", "namespaces", ""),
            new Access("apiextensions.k8s.io", "customresourcedefinitions", ""),
            new Access("rbac.authorization.k8s.io", "clusterroles", ""),
            new Access("rbac.authorization.k8s.io", "clusterrolebindings", ""),
            new Access("admissionregistration.k8s.io", "mutatingwebhookconfigurations", ""),
            new Access("admissionregistration.k8s.io", "validatingwebhookconfigurations", ""),
            new Access("apps", "deployments", ISTIO_NAMESPACE),
            new Access("", "services", ISTIO_NAMESPACE),
            new Access("", "serviceaccounts", ISTIO_NAMESPACE),
            new Access("", "configmaps", ISTIO_NAMESPACE),
            new Access("", "secrets", ISTIO_NAMESPACE));

    private final KubernetesClient client;

    public Precheck(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Runs every check. Items come in this order: Kubernetes version, permissions, existing istiod, existing Helm
     * releases, existing Istio CRDs.
     *
     * @param istioVersion  the Istio version to install, e.g. {@code 1.28.1}
     * @param serverVersion the cluster's git version, e.g. {@code v1.30.2}
     */
    public PrecheckReport run(String istioVersion, String serverVersion) {
        List<PrecheckItem> items = new ArrayList<>();
        items.add(IstioSupport.checkKubernetes(istioVersion, serverVersion));
        items.add(checkPermissions());
        InstalledIstio installed = new InstalledIstio(client);
        items.add(installed.checkControlPlanes());
        items.add(installed.checkHelmReleases());
        items.add(installed.checkCrds());
        return new PrecheckReport(istioVersion, items);
    }

    public PrecheckItem checkPermissions() {
        List<String> denied = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        String firstError = "";
        for (Access access : NEEDED) {
            try {
                if (!allowed(access)) {
                    denied.add(access.describe());
                }
            } catch (RuntimeException e) {
                LOG.debug("Access review for {} failed", access.describe(), e);
                unchecked.add(access.describe());
                firstError = firstError.isEmpty() ? InstalledIstio.shortMessage(e) : firstError;
            }
        }
        String notChecked = unchecked.isEmpty() ? ""
                : " Could not check " + String.join(", ", unchecked) + ": " + firstError;
        if (!denied.isEmpty()) {
            return new PrecheckItem(PERMISSIONS, Status.FAIL, "Not allowed to create " + String.join(", ", denied)
                    + "." + notChecked, "Ask a cluster admin for these permissions (the cluster-admin role has them)"
                    + " or use a cluster-admin context");
        }
        if (!unchecked.isEmpty()) {
            return new PrecheckItem(PERMISSIONS, Status.WARN, notChecked.strip(),
                    "Make sure this user may create what the Istio charts install, or use a cluster-admin context");
        }
        return new PrecheckItem(PERMISSIONS, Status.PASS, "Allowed to create everything the Istio charts install ("
                + NEEDED.size() + " kinds of resources)", "");
    }

    private boolean allowed(Access access) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder()
                .withNewSpec()
                .withNewResourceAttributes()
                .withVerb("create")
                .withGroup(access.group())
                .withResource(access.resource())
                .withNamespace(access.namespace().isEmpty() ? null : access.namespace())
                .endResourceAttributes()
                .endSpec()
                .build();
        SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(review);
        SubjectAccessReviewStatus status = answer == null ? null : answer.getStatus();
        return status != null && Boolean.TRUE.equals(status.getAllowed());
    }
}
