package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MW0106 (istioctl IST0132): a VirtualService is bound to a Gateway none of whose servers accepts any of its
 * hosts, so that gateway never routes it. Each bound Gateway is checked on its own; a Gateway that does not exist
 * accepts nothing (MW0114 says it is missing). Server hosts may be {@code *}, {@code *.domain} or {@code host},
 * each optionally prefixed by {@code namespace/} ({@code ./} for the Gateway's namespace, {@code *} for any):
 * a host with another namespace's prefix does not accept this VirtualService's hosts.
 */
public final class GatewayHostCheck implements Check {

    @Override
    public String code() {
        return "MW0106";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.VIRTUAL_SERVICE_HOST_NOT_FOUND_IN_GATEWAY;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (VirtualService virtualService : snapshot.virtualServices()) {
            if (virtualService.getSpec() == null || virtualService.getSpec().getGateways() == null) {
                continue;
            }
            String namespace = MeshSnapshot.namespace(virtualService);
            List<String> hosts = virtualService.getSpec().getHosts() == null ? List.of()
                    : virtualService.getSpec().getHosts();
            List<String> references = virtualService.getSpec().getGateways();
            for (int i = 0; i < references.size(); i++) {
                String reference = references.get(i);
                if ("mesh".equals(reference)) {
                    continue;
                }
                Optional<Gateway> gateway = Gateways.find(snapshot, reference, namespace);
                List<String> accepted = gateway.map(g -> acceptedHosts(g, namespace)).orElse(List.of());
                if (hosts.stream().anyMatch(h -> accepted.stream().anyMatch(a -> Gateways.overlap(a, h)))) {
                    continue;
                }
                if (gateway.isEmpty()) {
                    findings.add(finding(Severity.WARNING, virtualService, "spec.gateways[" + i + "]",
                            "Gateway " + reference + " does not exist, so no gateway serves the hosts "
                                    + String.join(", ", hosts),
                            "Create the Gateway, or bind the VirtualService to an existing one"));
                } else {
                    findings.add(finding(Severity.ERROR, virtualService, "spec.gateways[" + i + "]",
                            "none of the hosts " + String.join(", ", hosts) + " is among the hosts Gateway "
                                    + reference + " accepts for namespace " + namespace + " ("
                                    + (accepted.isEmpty() ? "none" : String.join(", ", accepted))
                                    + "), so the gateway does not route them",
                            "Add the host to the Gateway's server hosts (with namespace " + namespace
                                    + "/ or */ if it has a namespace prefix), or use one of its hosts"));
                }
            }
        }
        return findings;
    }

    /** The hosts a Gateway's servers accept for VirtualServices of a namespace, without namespace prefixes. */
    static List<String> acceptedHosts(Gateway gateway, String virtualServiceNamespace) {
        String gatewayNamespace = MeshSnapshot.namespace(gateway);
        List<String> accepted = new ArrayList<>();
        for (Server server : Gateways.servers(gateway)) {
            if (server.getHosts() == null) {
                continue;
            }
            for (String entry : server.getHosts()) {
                int slash = entry.indexOf('/');
                String prefix = slash < 0 ? "*" : entry.substring(0, slash);
                String host = entry.substring(slash + 1);
                String hostNamespace = ".".equals(prefix) ? gatewayNamespace : prefix;
                if ("*".equals(hostNamespace) || hostNamespace.equals(virtualServiceNamespace)) {
                    accepted.add(host);
                }
            }
        }
        return accepted;
    }
}
