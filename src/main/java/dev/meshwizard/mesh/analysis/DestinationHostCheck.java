package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MW0101: a route's destination host names no Service. Short names are looked up in the VirtualService's
 * namespace; hosts outside the cluster (ServiceEntries, external names) are not checked.
 */
public final class DestinationHostCheck implements Check {

    @Override
    public String code() {
        return "MW0101";
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (VirtualService virtualService : snapshot.virtualServices()) {
            for (RouteDestination route : RouteDestination.of(virtualService)) {
                String host = route.destination().getHost();
                Optional<Hosts.ServiceKey> key = Hosts.service(host, virtualService);
                if (key.isPresent() && Hosts.find(snapshot, key.get()).isEmpty()) {
                    findings.add(finding(Severity.ERROR, virtualService, route.path() + ".host",
                            "host \"" + host + "\" names no Service: there is no Service " + key.get().name()
                                    + " in namespace " + key.get().namespace() + ", so requests to it fail with 503",
                            "Create the Service, or correct the host (a short name is looked up in the "
                                    + "VirtualService's namespace; write name.namespace.svc.cluster.local for "
                                    + "another namespace)"));
                }
            }
        }
        return findings;
    }
}
