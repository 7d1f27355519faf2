package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MW0107: how an http route with several destinations splits traffic. Weights are relative in Istio (550 and 500
 * split 52 % and 48 %), so a total other than 100 is worth knowing but not wrong: an info with the split in
 * percent. Only a total of 0 (every weight missing or 0) is invalid: Istio's validation rejects it, an error.
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
                if (sum == 0) {
                    findings.add(finding(Severity.ERROR, virtualService, "spec.http[" + i + "].route",
                            "the weights of " + route.size() + " destinations add up to 0, which Istio rejects",
                            "Give the destinations weights (they are relative: 80 and 20 send 80 % and 20 %)"));
                } else if (sum != 100) {
                    String split = route.stream()
                            .map(d -> percent(d.getWeight() == null ? 0 : d.getWeight(), sum) + " % to "
                                    + (d.getDestination() == null ? "?" : d.getDestination().getHost()
                                    + (d.getDestination().getSubset() == null ? ""
                                    : " " + d.getDestination().getSubset())))
                            .collect(Collectors.joining(", "));
                    findings.add(finding(Severity.INFO, virtualService, "spec.http[" + i + "].route",
                            "the weights add up to " + sum + "; they are relative, so traffic is split " + split,
                            "Nothing to fix; weights adding up to 100 read as percentages"));
                }
            }
        }
        return findings;
    }

    private static long percent(int weight, int sum) {
        return Math.round(100.0 * weight / sum);
    }
}
