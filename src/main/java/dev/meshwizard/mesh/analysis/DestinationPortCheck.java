package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * MW0113: a destination's port does not fit its host. With no {@code port} while the Service or ServiceEntry has
 * several ports, istioctl's IST0112 (Envoy cannot tell which port is meant); with a {@code port.number} the host
 * does not have, IST0101 for {@code host:port}. Hosts that name nothing are MW0101's.
 */
public final class DestinationPortCheck implements Check {

    @Override
    public String code() {
        return "MW0113";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.VIRTUAL_SERVICE_DESTINATION_PORT_SELECTOR_REQUIRED;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        ServiceRegistry registry = new ServiceRegistry(snapshot);
        List<Finding> findings = new ArrayList<>();
        for (VirtualService virtualService : snapshot.virtualServices()) {
            String namespace = MeshSnapshot.namespace(virtualService);
            List<String> exportTo = virtualService.getSpec() == null ? null : virtualService.getSpec().getExportTo();
            for (RouteDestination route : RouteDestination.all(virtualService)) {
                String host = route.destination().getHost();
                Optional<ServiceRegistry.Entry> entry = registry.lookup(host, namespace, exportTo);
                if (entry.isEmpty()) {
                    continue;
                }
                List<Integer> ports = entry.get().ports();
                String listed = ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
                Long number = route.destination().getPort() == null ? null
                        : route.destination().getPort().getNumber();
                if (number == null && ports.size() > 1) {
                    findings.add(finding(Severity.ERROR, virtualService, route.path() + ".host",
                            "host " + host + " has several ports (" + listed + ") and the destination names none, "
                                    + "so the route is not applied to any of them",
                            "Add port.number (one of " + listed + ") to the destination"));
                } else if (number != null && !ports.contains(number.intValue())) {
                    findings.add(finding(IstioMessage.REFERENCED_RESOURCE_NOT_FOUND, Severity.ERROR, virtualService,
                            route.path() + ".port.number", "port " + number + " is not a port of " + host
                                    + " (" + (ports.isEmpty() ? "it has none" : "its ports: " + listed)
                                    + "), so requests to it fail with 503",
                            "Use one of the host's ports" + (ports.isEmpty() ? "" : " (" + listed + ")")
                                    + ", or add the port to the Service"));
                }
            }
        }
        return findings;
    }
}
