package dev.meshwizard.mesh.analysis;

import io.fabric8.kubernetes.api.model.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MW0112: a namespace has both {@code istio-injection} and {@code istio.io/rev}: {@code istio-injection} wins and
 * the revision is ignored, which is rarely what was meant (e.g. during a revision upgrade).
 */
public final class InjectionLabelsCheck implements Check {

    @Override
    public String code() {
        return "MW0112";
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (Namespace namespace : snapshot.namespaces()) {
            Map<String, String> labels = Injection.labels(namespace.getMetadata().getLabels());
            if (labels.containsKey(Injection.INJECTION_LABEL) && labels.containsKey(Injection.REVISION_LABEL)) {
                String name = namespace.getMetadata().getName();
                findings.add(finding(Severity.WARNING, namespace, "metadata.labels",
                        "namespace has both istio-injection=" + labels.get(Injection.INJECTION_LABEL)
                                + " and istio.io/rev=" + labels.get(Injection.REVISION_LABEL)
                                + ": istio-injection wins and the revision label is ignored",
                        "Keep one: kubectl label namespace " + name + " istio-injection- (to use the revision), "
                                + "or kubectl label namespace " + name + " istio.io/rev-"));
            }
        }
        return findings;
    }
}
