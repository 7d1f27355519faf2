package dev.meshwizard.mesh.analysis;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MW0110: a Service that VirtualServices route to runs in a namespace without injection labels
 * ({@code istio-injection=enabled} or {@code istio.io/rev}), so its pods get no sidecar and the routing rules do
 * not apply to the requests they send. Checked when the namespace is known; not when every known pod of the
 * Service already has a sidecar.
 */
public final class NamespaceInjectionCheck implements Check {

    @Override
    public String code() {
        return "MW0110";
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        Map<String, List<String>> servicesByNamespace = new LinkedHashMap<>();
        for (Service service : Injection.routedServices(snapshot)) {
            List<Pod> pods = Injection.podsOf(snapshot, service);
            if (!pods.isEmpty() && pods.stream().allMatch(p -> Workload.hasSidecar(p.getSpec()))) {
                continue;
            }
            servicesByNamespace.computeIfAbsent(MeshSnapshot.namespace(service), n -> new ArrayList<>())
                    .add(service.getMetadata().getName());
        }
        List<Finding> findings = new ArrayList<>();
        servicesByNamespace.forEach((name, services) -> {
            Optional<Namespace> namespace = Injection.namespace(snapshot, name);
            if (namespace.isPresent() && !Injection.meshed(namespace.get())) {
                findings.add(finding(Severity.WARNING, namespace.get(), "metadata.labels",
                        "namespace " + name + " is not labelled for sidecar injection, but routed services run "
                                + "there (" + String.join(", ", services) + "): their pods get no sidecar",
                        "kubectl label namespace " + name + " istio-injection=enabled, then restart its "
                                + "Deployments (kubectl rollout restart deployment -n " + name + ")"));
            }
        });
        return findings;
    }
}
