package dev.meshwizard.mesh.analysis;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MW0110 (istioctl IST0102): a namespace has neither {@code istio-injection} nor {@code istio.io/rev} (nor is it
 * ambient), so its pods get no sidecar. A warning when Services that VirtualServices route to run there (unless
 * every known pod of theirs has a sidecar), else an info as in istioctl. System namespaces are skipped, and every
 * namespace when the injector's ConfigMap in the input injects namespaces by default.
 */
public final class NamespaceInjectionCheck implements Check {

    @Override
    public String code() {
        return "MW0110";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.NAMESPACE_NOT_INJECTED;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        if (Injection.enabledByDefault(snapshot)) {
            return List.of();
        }
        Map<String, List<String>> routedByNamespace = new LinkedHashMap<>();
        for (Service service : Injection.routedServices(snapshot)) {
            List<Pod> pods = Injection.podsOf(snapshot, service);
            if (!pods.isEmpty() && pods.stream().allMatch(p -> Workload.hasSidecar(p.getSpec()))) {
                continue;
            }
            routedByNamespace.computeIfAbsent(MeshSnapshot.namespace(service), n -> new ArrayList<>())
                    .add(service.getMetadata().getName());
        }
        List<Finding> findings = new ArrayList<>();
        for (Namespace namespace : snapshot.namespaces()) {
            String name = namespace.getMetadata().getName();
            Map<String, String> labels = Injection.labels(namespace.getMetadata().getLabels());
            if (Injection.SYSTEM_NAMESPACES.contains(name) || labels.containsKey(Injection.INJECTION_LABEL)
                    || labels.containsKey(Injection.REVISION_LABEL) || Injection.ambient(namespace)) {
                continue;
            }
            List<String> routed = routedByNamespace.get(name);
            String fix = "kubectl label namespace " + name + " istio-injection=enabled, then restart its "
                    + "Deployments (kubectl rollout restart deployment -n " + name + ")";
            if (routed != null) {
                findings.add(finding(Severity.WARNING, namespace, "metadata.labels",
                        "namespace " + name + " is not labelled for sidecar injection, but routed services run "
                                + "there (" + String.join(", ", routed) + "): their pods get no sidecar", fix));
            } else {
                findings.add(finding(Severity.INFO, namespace, "metadata.labels",
                        "namespace " + name + " is not labelled for sidecar injection (istio-injection or "
                                + "istio.io/rev), so its pods get no sidecar", fix));
            }
        }
        return findings;
    }
}
