package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MW0102 (istioctl IST0101): a route or mirror names a subset that no DestinationRule for its host defines. Hosts
 * are compared fully qualified, each read in its object's namespace.
 */
public final class SubsetDefinedCheck implements Check {

    @Override
    public String code() {
        return "MW0102";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.REFERENCED_RESOURCE_NOT_FOUND;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (VirtualService virtualService : snapshot.virtualServices()) {
            for (RouteDestination route : RouteDestination.all(virtualService)) {
                String subset = route.destination().getSubset();
                if (subset == null || subset.isEmpty()) {
                    continue;
                }
                String host = route.destination().getHost();
                List<DestinationRule> rules = rulesFor(snapshot, host, virtualService);
                if (subset(rules, subset).isEmpty()) {
                    String rulesSaid = rules.isEmpty() ? "no DestinationRule has host " + host
                            : "DestinationRule " + rules.get(0).getMetadata().getName() + " defines "
                            + names(rules.get(0));
                    findings.add(finding(Severity.ERROR, virtualService, route.path() + ".subset",
                            "subset \"" + subset + "\" of " + host + " is not defined (" + rulesSaid
                                    + "), so requests fail with 503 NC (no cluster)",
                            "Add subset " + subset + " to a DestinationRule for host " + host
                                    + " (e.g. labels version: " + subset + "), or route without a subset"));
                }
            }
        }
        return findings;
    }

    static List<DestinationRule> rulesFor(MeshSnapshot snapshot, String host, VirtualService virtualService) {
        return snapshot.destinationRules().stream()
                .filter(rule -> rule.getSpec() != null && rule.getSpec().getHost() != null)
                .filter(rule -> ServiceRegistry.fqdn(host, MeshSnapshot.namespace(virtualService),
                        snapshot.mesh().clusterDomain()).equals(ServiceRegistry.fqdn(rule.getSpec().getHost(),
                        MeshSnapshot.namespace(rule), snapshot.mesh().clusterDomain())))
                .toList();
    }

    static Optional<Subset> subset(List<DestinationRule> rules, String name) {
        return rules.stream()
                .filter(rule -> rule.getSpec().getSubsets() != null)
                .flatMap(rule -> rule.getSpec().getSubsets().stream())
                .filter(subset -> name.equals(subset.getName()))
                .findFirst();
    }

    private static String names(DestinationRule rule) {
        List<Subset> subsets = rule.getSpec().getSubsets();
        return subsets == null || subsets.isEmpty() ? "no subsets"
                : "subsets " + String.join(", ", subsets.stream().map(Subset::getName).toList());
    }
}
