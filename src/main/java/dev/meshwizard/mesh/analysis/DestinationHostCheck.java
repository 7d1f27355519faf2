package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.ArrayList;
import java.util.List;

/**
 * MW0101 (istioctl IST0101): a route's or mirror's destination host names no Service and no ServiceEntry host
 * visible from the VirtualService's namespace. A short name is a Service of the VirtualService's namespace; any
 * other host must be written as the registry knows it ({@code name.namespace.svc.cluster.local}, a ServiceEntry
 * host, or covered by a wildcard ServiceEntry host); a Service's {@code exportTo} annotation and a
 * ServiceEntry's {@code exportTo} limit where they are visible.
 */
public final class DestinationHostCheck implements Check {

    @Override
    public String code() {
        return "MW0101";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.REFERENCED_RESOURCE_NOT_FOUND;
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
                if (registry.lookup(host, namespace, exportTo).isPresent()) {
                    continue;
                }
                String fqdn = registry.fqdn(host, namespace);
                findings.add(finding(Severity.ERROR, virtualService, route.path() + ".host",
                        (route.mirror() ? "mirror host \"" : "host \"") + host + "\" names no Service or "
                                + "ServiceEntry visible in namespace " + namespace + " (looked up as " + fqdn
                                + "), so " + (route.mirror() ? "nothing is mirrored" : "requests to it fail with 503"),
                        "Create the Service or a ServiceEntry for it, or correct the host (a short name is a "
                                + "Service of the VirtualService's namespace; write name.namespace.svc.cluster.local "
                                + "for another namespace; check the exportTo of the Service and the VirtualService)"));
            }
        }
        return findings;
    }
}
