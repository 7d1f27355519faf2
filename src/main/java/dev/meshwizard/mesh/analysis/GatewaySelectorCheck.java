package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.networking.v1.Gateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * MW0104 (istioctl IST0101 for the selector): a Gateway's selector matches no workload, so no gateway serves it.
 * Workloads are the pods the analysis sees, in any namespace: a cluster's pods; offline, Pods and the pod
 * templates of Deployments, ReplicaSets, StatefulSets and DaemonSets in the input, and the install plan's
 * gateways.
 */
public final class GatewaySelectorCheck implements Check {

    @Override
    public String code() {
        return "MW0104";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.REFERENCED_RESOURCE_NOT_FOUND;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Workload> workloads = Workload.of(snapshot);
        List<Finding> findings = new ArrayList<>();
        for (Gateway gateway : snapshot.gateways()) {
            Map<String, String> selector = Gateways.selector(gateway);
            if (!Gateways.selected(gateway, workloads).isEmpty()) {
                continue;
            }
            String selected = selector.isEmpty() ? "(empty)" : Gateways.labels(selector);
            String message;
            String fix;
            if (snapshot.live()) {
                message = "selector " + selected + " matches no gateway pods, so no gateway serves this Gateway";
                fix = "Set the selector to the labels of the ingress gateway's pods (kubectl get pods -n "
                        + "istio-system --show-labels), e.g. istio: ingressgateway";
            } else if (!snapshot.plannedGateways().isEmpty()) {
                String planned = snapshot.plannedGateways().stream()
                        .map(g -> g.release() + " labels its pods " + labels(PlannedGateway.selector(g.release())))
                        .collect(Collectors.joining("; "));
                message = "selector " + selected + " matches no gateway of the install plan (" + planned
                        + ") nor any workload of the input";
                PlannedGateway first = snapshot.plannedGateways().get(0);
                fix = "Set the selector to istio: " + PlannedGateway.istioLabel(first.release())
                        + ", or name the gateway release so that it gives " + selected
                        + " (the release istio-ingressgateway gives istio=ingressgateway)";
            } else {
                message = "selector " + selected + " matches no workload of the input"
                        + (workloads.isEmpty() ? " (it has no Pods, Deployments, ReplicaSets or StatefulSets)" : "")
                        + ", so no gateway serves this Gateway";
                fix = "Set the selector to the labels of the gateway's pods (the gateway chart labels them "
                        + "istio: <release name without istio->), or add the gateway's Deployment to the input";
            }
            findings.add(finding(Severity.ERROR, gateway, "spec.selector", message, fix));
        }
        return findings;
    }

    static String labels(Map<String, String> labels) {
        return Gateways.labels(labels);
    }
}
