package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.ArrayList;
import java.util.List;

/**
 * MW0107: the weights of an http route with more than one destination do not add up to 100 (a missing weight
 * counts as 0), so the split is not the one written.
 */
public final class RouteWeightCheck implements Check {

    @Override
    public String code() {
        return "MW0107";
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (VirtualService virtualService : snapshot.virtualServices()) {
            List<HTTPRoute> http = virtualService.getSpec() == null ? null : virtualService.getSpec().getHttp();
            if (http == null) {
                continue;
            }
            for (int i = 0; i < http.size(); i++) {
                List<HTTPRouteDestination> route = http.get(i).getRoute();
                if (route == null || route.size() < 2) {
                    continue;
                }
                int sum = route.stream().mapToInt(d -> d.getWeight() == null ? 0 : d.getWeight()).sum();
                if (sum != 100) {
                    findings.add(finding(Severity.WARNING, virtualService, "spec.http[" + i + "].route",
                            "the weights of " + route.size() + " destinations add up to " + sum
                                    + ", not 100, so traffic is not split as written",
                            "Give every destination a weight, the weights adding up to 100 (e.g. 80 and 20)"));
                }
            }
        }
        return findings;
    }
}
