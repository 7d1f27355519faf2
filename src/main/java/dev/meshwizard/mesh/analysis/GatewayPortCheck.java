package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * MW0105: a Gateway server listens on a port that the gateway's Service does not forward to (not one of its
 * targetPorts), so no traffic from outside reaches it. The gateway's Services are those of the install plan's
 * gateways that the selector matches (offline), and the Services that select the gateway's pods. A Service with
 * named target ports is not checked: the names resolve on the pods' containers.
 */
public final class GatewayPortCheck implements Check {

    @Override
    public String code() {
        return "MW0105";
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Workload> workloads = Workload.of(snapshot);
        List<Finding> findings = new ArrayList<>();
        for (Gateway gateway : snapshot.gateways()) {
            Map<String, String> selector = gateway.getSpec() == null ? null : gateway.getSpec().getSelector();
            List<Server> servers = gateway.getSpec() == null ? null : gateway.getSpec().getServers();
            if (selector == null || selector.isEmpty() || servers == null) {
                continue;
            }
            TreeSet<Integer> targetPorts = new TreeSet<>();
            List<String> services = new ArrayList<>();
            if (!snapshot.live()) {
                snapshot.plannedGateways().stream()
                        .filter(g -> !g.ports().isEmpty() && g.podLabels().entrySet().containsAll(selector.entrySet()))
                        .forEach(g -> {
                            targetPorts.addAll(g.targetPorts());
                            services.add(g.release());
                        });
            }
            for (Service service : snapshot.services()) {
                if (selectsGatewayPods(service, selector, workloads) && service.getSpec().getPorts() != null) {
                    service.getSpec().getPorts().stream().map(PlannedGateway::targetPort).filter(Objects::nonNull)
                            .forEach(targetPorts::add);
                    services.add(service.getMetadata().getName());
                }
            }
            boolean namedTargetPorts = snapshot.services().stream()
                    .filter(s -> selectsGatewayPods(s, selector, workloads) && s.getSpec().getPorts() != null)
                    .flatMap(s -> s.getSpec().getPorts().stream())
                    .anyMatch(p -> p.getTargetPort() != null && p.getTargetPort().getStrVal() != null);
            if (services.isEmpty() || namedTargetPorts) {
                continue;
            }
            for (int i = 0; i < servers.size(); i++) {
                Long number = servers.get(i).getPort() == null ? null : servers.get(i).getPort().getNumber();
                if (number != null && !targetPorts.contains(number.intValue())) {
                    findings.add(finding(Severity.ERROR, gateway, "spec.servers[" + i + "].port.number",
                            "port " + number + " is not a targetPort of the gateway Service "
                                    + String.join(", ", services) + " (target ports " + targetPorts.stream()
                                    .map(String::valueOf).collect(Collectors.joining(", "))
                                    + "), so no traffic reaches this server",
                            "Listen on one of the target ports (the gateway chart's Service sends port 80 to "
                                    + "80 and 443 to 443; Bookinfo's Gateway listens on 8080), or add a Service "
                                    + "port with targetPort " + number));
                }
            }
        }
        return findings;
    }

    private static boolean selectsGatewayPods(Service service, Map<String, String> gatewaySelector,
                                              List<Workload> workloads) {
        Map<String, String> serviceSelector = service.getSpec() == null ? null : service.getSpec().getSelector();
        String namespace = MeshSnapshot.namespace(service);
        return serviceSelector != null && !serviceSelector.isEmpty() && workloads.stream()
                .anyMatch(w -> w.namespace().equals(namespace) && w.matches(gatewaySelector)
                        && w.matches(serviceSelector));
    }
}
