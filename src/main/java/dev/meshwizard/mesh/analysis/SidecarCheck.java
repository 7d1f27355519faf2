package dev.meshwizard.mesh.analysis;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * MW0111: a pod meant to be in the mesh has no {@code istio-proxy} sidecar (as a container or init container). As
 * istioctl (IST0103): a pod in a namespace labelled for injection, typically started before the label was set.
 * Beyond istioctl (no istioctl code): a pod that asks for injection by label, or a pod of a routed Service. Pods
 * that opted out, host-network pods, pods in ambient namespaces and finished pods are skipped.
 */
public final class SidecarCheck implements Check {

    @Override
    public String code() {
        return "MW0111";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.POD_MISSING_PROXY;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        Set<Pod> candidates = new LinkedHashSet<>();
        Set<Pod> injected = new LinkedHashSet<>();
        for (Pod pod : snapshot.pods()) {
            if (Injection.namespace(snapshot, MeshSnapshot.namespace(pod)).filter(Injection::injected).isPresent()) {
                injected.add(pod);
                candidates.add(pod);
            } else if (Injection.optedIn(pod)) {
                candidates.add(pod);
            }
        }
        for (Service service : Injection.routedServices(snapshot)) {
            candidates.addAll(Injection.podsOf(snapshot, service));
        }
        List<Finding> findings = new ArrayList<>();
        for (Pod pod : candidates) {
            String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
            boolean ambient = Injection.namespace(snapshot, MeshSnapshot.namespace(pod))
                    .filter(Injection::ambient).isPresent();
            boolean hostNetwork = pod.getSpec() != null && Boolean.TRUE.equals(pod.getSpec().getHostNetwork());
            if (ambient || hostNetwork || Injection.optedOut(pod) || "Succeeded".equals(phase)
                    || "Failed".equals(phase) || Workload.hasSidecar(pod.getSpec())) {
                continue;
            }
            Optional<String> owner = Optional.ofNullable(pod.getMetadata().getOwnerReferences())
                    .flatMap(refs -> refs.stream().findFirst()).map(ref -> ref.getKind() + " " + ref.getName());
            findings.add(finding(injected.contains(pod) ? istio() : IstioMessage.NONE, Severity.WARNING, pod,
                    "spec.containers", "pod has no istio-proxy sidecar, so routing rules do not apply to its requests",
                    "Label its namespace istio-injection=enabled and restart it"
                            + owner.map(o -> " (its " + o + ")").orElse("")
                            + ": sidecars are added only when a pod is created"));
        }
        return findings;
    }
}
