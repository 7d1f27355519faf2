package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.networking.v1.Gateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * MW0104: a Gateway's selector matches no gateway pods, so no gateway serves it. On a cluster, checked against
 * running pods; offline, against the install plan's gateways (and Deployments in the files), and only when the
 * plan has gateways.
 */
public final class GatewaySelectorCheck implements Check {

    @Override
    public String code() {
        return "MW0104";
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        if (!snapshot.live() && snapshot.plannedGateways().isEmpty()) {
            return List.of();
        }
        List<Workload> workloads = Workload.of(snapshot);
        List<Finding> findings = new ArrayList<>();
        for (Gateway gateway : snapshot.gateways()) {
            Map<String, String> selector = gateway.getSpec() == null ? null : gateway.getSpec().getSelector();
            if (selector == null || selector.isEmpty() || workloads.stream().anyMatch(w -> w.matches(selector))) {
                continue;
            }
            String selected = labels(selector);
            String message;
            String fix;
            if (snapshot.live()) {
                message = "selector " + selected + " matches no gateway pods, so no gateway serves this Gateway";
                fix = "Set the selector to the labels of the ingress gateway's pods (kubectl get pods -n "
                        + "istio-system --show-labels), e.g. istio: ingressgateway";
            } else {
                String planned = snapshot.plannedGateways().stream()
                        .map(g -> g.release() + " labels its pods " + labels(PlannedGateway.selector(g.release())))
                        .collect(Collectors.joining("; "));
                message = "selector " + selected + " matches no gateway of the install plan (" + planned + ")";
                PlannedGateway first = snapshot.plannedGateways().get(0);
                fix = "Set the selector to istio: " + PlannedGateway.istioLabel(first.release())
                        + ", or name the gateway release so that it gives " + selected
                        + " (the release istio-ingressgateway gives istio=ingressgateway)";
            }
            findings.add(finding(Severity.ERROR, gateway, "spec.selector", message, fix));
        }
        return findings;
    }

    static String labels(Map<String, String> labels) {
        return labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
