package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * MW0105 (istioctl IST0162): a Gateway server listens on a port that no Service of the gateway's pods forwards
 * to, so no traffic from outside reaches it. The ports forwarded are each TCP Service port's targetPort (a named
 * one resolved on the pods' containers), or the port itself when it has none; the Services are those in the
 * pods' namespace that select them, and the install plan's gateway Services. Not checked when the selector
 * matches no workload (MW0104), nor when a named targetPort cannot be resolved (the pods' ports are unknown).
 */
public final class GatewayPortCheck implements Check {

    @Override
    public String code() {
        return "MW0105";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.GATEWAY_PORT_NOT_DEFINED_ON_SERVICE;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Workload> workloads = Workload.of(snapshot);
        List<Finding> findings = new ArrayList<>();
        for (Gateway gateway : snapshot.gateways()) {
            List<Workload> selected = Gateways.selected(gateway, workloads);
            if (selected.isEmpty()) {
                continue;
            }
            TreeSet<Integer> targetPorts = new TreeSet<>();
            TreeSet<String> services = new TreeSet<>();
            boolean unresolved = false;
            for (Workload workload : selected) {
                snapshot.plannedGateways().stream()
                        .filter(g -> ("gateway release " + g.release()).equals(workload.source()))
                        .forEach(g -> {
                            targetPorts.addAll(g.targetPorts());
                            if (!g.ports().isEmpty()) {
                                services.add(g.release());
                            }
                        });
                for (Service service : snapshot.services()) {
                    Map<String, String> serviceSelector = service.getSpec() == null ? null
                            : service.getSpec().getSelector();
                    if (!MeshSnapshot.namespace(service).equals(workload.namespace())
                            || !workload.matches(serviceSelector)
                            || service.getSpec().getPorts() == null) {
                        continue;
                    }
                    services.add(service.getMetadata().getName());
                    for (ServicePort port : service.getSpec().getPorts()) {
                        Integer target = forwardedTo(port, workload);
                        if (target == null) {
                            unresolved = true;
                        } else if (port.getProtocol() == null || "TCP".equals(port.getProtocol())) {
                            targetPorts.add(target);
                        }
                    }
                }
            }
            List<Server> servers = unresolved ? List.of() : Gateways.servers(gateway);
            for (int i = 0; i < servers.size(); i++) {
                Long number = servers.get(i).getPort() == null ? null : servers.get(i).getPort().getNumber();
                if (number == null || targetPorts.contains(number.intValue())) {
                    continue;
                }
                String ports = targetPorts.stream().map(String::valueOf).collect(Collectors.joining(", "));
                findings.add(finding(Severity.ERROR, gateway, "spec.servers[" + i + "].port.number",
                        services.isEmpty()
                                ? "port " + number + " is not forwarded to: no Service selects the gateway's pods "
                                + "(" + selected.get(0).source() + "), so no traffic reaches this server"
                                : "port " + number + " is not a targetPort of the gateway Service "
                                + String.join(", ", services) + " (target ports " + ports
                                + "), so no traffic reaches this server",
                        "Listen on one of the target ports (the gateway chart's Service sends port 80 to "
                                + "80 and 443 to 443; Bookinfo's Gateway listens on 8080), or add a Service "
                                + "port with targetPort " + number));
            }
        }
        return findings;
    }

    private static Integer forwardedTo(ServicePort port, Workload workload) {
        if (port.getTargetPort() == null) {
            return port.getPort();
        }
        if (port.getTargetPort().getIntVal() != null && port.getTargetPort().getIntVal() != 0) {
            return port.getTargetPort().getIntVal();
        }
        String name = port.getTargetPort().getStrVal();
        return name == null ? port.getPort() : workload.namedPorts().get(name);
    }
}
