package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * MW0103 (istioctl IST0173, an error): a DestinationRule's subset selects no pods of its host, so Envoy has no
 * endpoint for it and requests routed to it fail with 503 UH. Reported on the DestinationRule, subset by subset.
 * The pods wanted carry the subset's labels and, for a Service, its selector (in its namespace); for a
 * ServiceEntry, its workloadSelector. The pods are a cluster's pods, or offline the Pods and the pod templates of
 * Deployments, ReplicaSets, StatefulSets and DaemonSets in the input: as istioctl does, a subset of a known host is
 * reported offline even when the input holds none of its pods. Hosts that name nothing, and Services without a
 * selector, are not checked.
 */
public final class SubsetPodsCheck implements Check {

    @Override
    public String code() {
        return "MW0103";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.DESTINATION_RULE_SUBSET_NOT_SELECT_PODS;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        ServiceRegistry registry = new ServiceRegistry(snapshot);
        List<Workload> workloads = Workload.of(snapshot);
        List<Finding> findings = new java.util.ArrayList<>();
        for (DestinationRule rule : snapshot.destinationRules()) {
            if (rule.getSpec() == null || rule.getSpec().getSubsets() == null) {
                continue;
            }
            String namespace = MeshSnapshot.namespace(rule);
            Optional<ServiceRegistry.Entry> host = registry.lookup(rule.getSpec().getHost(), namespace,
                    rule.getSpec().getExportTo());
            if (host.isEmpty()) {
                continue;
            }
            List<Subset> subsets = rule.getSpec().getSubsets();
            for (int i = 0; i < subsets.size(); i++) {
                Subset subset = subsets.get(i);
                Map<String, String> wanted = new HashMap<>(host.get().selector());
                if (subset.getLabels() != null) {
                    wanted.putAll(subset.getLabels());
                }
                boolean service = host.get().service() != null;
                if (service && host.get().selector().isEmpty()) {
                    continue;
                }
                boolean selected = workloads.stream()
                        .filter(w -> !service || w.namespace().equals(host.get().namespace()))
                        .anyMatch(w -> wanted.isEmpty() || w.matches(wanted));
                if (!selected) {
                    findings.add(finding(Severity.ERROR, rule, "spec.subsets[" + i + "]",
                            "subset \"" + subset.getName() + "\" of " + rule.getSpec().getHost() + " selects no pods ("
                                    + labels(wanted) + (service ? " in namespace " + host.get().namespace() : "")
                                    + "), so requests routed to it fail with 503 UH (no healthy upstream)",
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
