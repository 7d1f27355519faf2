package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * MW0103: a route's subset selects no pods of its Service, so Envoy has no endpoint for it (503 UH). Checked only
 * where the Service's pods are known: running pods on a cluster; offline, the pod templates of Deployments that
 * the Service selects.
 */
public final class SubsetPodsCheck implements Check {

    @Override
    public String code() {
        return "MW0103";
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        List<Workload> workloads = Workload.of(snapshot);
        for (VirtualService virtualService : snapshot.virtualServices()) {
            for (RouteDestination route : RouteDestination.of(virtualService)) {
                String subsetName = route.destination().getSubset();
                String host = route.destination().getHost();
                Optional<Service> service = Hosts.service(host, virtualService).flatMap(k -> Hosts.find(snapshot, k));
                if (subsetName == null || subsetName.isEmpty() || service.isEmpty()) {
                    continue;
                }
                Optional<Subset> subset = SubsetDefinedCheck.subset(
                        SubsetDefinedCheck.rulesFor(snapshot, host, virtualService), subsetName);
                Map<String, String> selector = service.get().getSpec() == null ? null
                        : service.get().getSpec().getSelector();
                if (subset.isEmpty() || selector == null || selector.isEmpty()) {
                    continue;
                }
                String namespace = MeshSnapshot.namespace(service.get());
                List<Workload> ofService = workloads.stream()
                        .filter(w -> w.namespace().equals(namespace) && w.matches(selector)).toList();
                if (!snapshot.live() && ofService.isEmpty()) {
                    continue;
                }
                Map<String, String> wanted = new HashMap<>(selector);
                if (subset.get().getLabels() != null) {
                    wanted.putAll(subset.get().getLabels());
                }
                if (ofService.stream().noneMatch(w -> w.matches(wanted))) {
                    findings.add(finding(Severity.ERROR, virtualService, route.path() + ".subset",
                            "subset \"" + subsetName + "\" of " + host + " selects no pods (" + labels(wanted)
                                    + "), so requests fail with 503 UH (no healthy upstream)",
                            "Deploy pods with labels " + labels(wanted) + ", or change the subset's labels "
                                    + "to those of running pods"));
                }
            }
        }
        return findings;
    }

    private static String labels(Map<String, String> labels) {
        return labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
