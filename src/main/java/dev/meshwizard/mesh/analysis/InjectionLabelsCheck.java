package dev.meshwizard.mesh.analysis;

import io.fabric8.kubernetes.api.model.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MW0112 (istioctl IST0123): a namespace's injection labels conflict: {@code istio-injection} (other than
 * {@code disabled}) together with {@code istio.io/rev} ({@code istio-injection} wins and the revision is ignored,
 * rarely what was meant during a revision upgrade), or ambient's {@code istio.io/dataplane-mode=ambient} together
 * with a label that asks for sidecars.
 */
public final class InjectionLabelsCheck implements Check {

    @Override
    public String code() {
        return "MW0112";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.NAMESPACE_MULTIPLE_INJECTION_LABELS;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (Namespace namespace : snapshot.namespaces()) {
            Map<String, String> labels = Injection.labels(namespace.getMetadata().getLabels());
            String name = namespace.getMetadata().getName();
            String injection = labels.get(Injection.INJECTION_LABEL);
            String revision = labels.get(Injection.REVISION_LABEL);
            if (injection != null && !"disabled".equals(injection) && revision != null) {
                findings.add(finding(Severity.WARNING, namespace, "metadata.labels",
                        "namespace has both istio-injection=" + injection + " and istio.io/rev=" + revision
                                + ": istio-injection wins and the revision label is ignored",
                        "Keep one: kubectl label namespace " + name + " istio-injection- (to use the revision), "
                                + "or kubectl label namespace " + name + " istio.io/rev-"));
            } else if (Injection.ambient(namespace) && ("enabled".equals(injection)
                    || revision != null && injection == null)) {
                findings.add(finding(Severity.WARNING, namespace, "metadata.labels",
                        "namespace is in ambient mode (istio.io/dataplane-mode=ambient) and also labelled for "
                                + "sidecars (" + (injection != null ? "istio-injection=" + injection
                                : "istio.io/rev=" + revision) + "): its pods get sidecars and are not "
                                + "captured by ztunnel",
                        "Keep one mode: kubectl label namespace " + name + " istio-injection- istio.io/rev- (for "
                                + "ambient), or kubectl label namespace " + name + " istio.io/dataplane-mode-"));
            }
        }
        return findings;
    }
}
