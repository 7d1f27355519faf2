package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MW0106: a VirtualService bound to a Gateway has a host that none of the Gateway's servers accepts, so the
 * gateway never routes it. Gateway hosts may be {@code *}, {@code *.domain}, {@code host}, and each may be
 * prefixed by {@code namespace/} ({@code ./} for the Gateway's namespace, an asterisk for any).
 */
public final class GatewayHostCheck implements Check {

    @Override
    public String code() {
        return "MW0106";
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (VirtualService virtualService : snapshot.virtualServices()) {
            if (virtualService.getSpec() == null || virtualService.getSpec().getGateways() == null
                    || virtualService.getSpec().getHosts() == null) {
                continue;
            }
            String namespace = MeshSnapshot.namespace(virtualService);
            for (String reference : virtualService.getSpec().getGateways()) {
                Optional<Gateway> gateway = find(snapshot, reference, namespace);
                if (gateway.isEmpty()) {
                    continue;
                }
                List<String> hosts = virtualService.getSpec().getHosts();
                for (int i = 0; i < hosts.size(); i++) {
                    if (!accepted(gateway.get(), hosts.get(i), namespace)) {
                        findings.add(finding(Severity.ERROR, virtualService, "spec.hosts[" + i + "]",
                                "host " + hosts.get(i) + " is not among the hosts of Gateway " + reference + " ("
                                        + String.join(", ", gatewayHosts(gateway.get()))
                                        + "), so the gateway does not route it",
                                "Add " + hosts.get(i) + " to the Gateway's server hosts, or use one of its hosts"));
                    }
                }
            }
        }
        return findings;
    }

    static Optional<Gateway> find(MeshSnapshot snapshot, String reference, String namespace) {
        if ("mesh".equals(reference)) {
            return Optional.empty();
        }
        int slash = reference.indexOf('/');
        String gatewayNamespace = slash < 0 ? namespace : reference.substring(0, slash);
        String name = slash < 0 ? reference : reference.substring(slash + 1);
        return snapshot.gateways().stream()
                .filter(g -> g.getMetadata().getName().equals(name)
                        && MeshSnapshot.namespace(g).equals(gatewayNamespace))
                .findFirst();
    }

    private static List<String> gatewayHosts(Gateway gateway) {
        List<String> hosts = new ArrayList<>();
        for (Server server : servers(gateway)) {
            if (server.getHosts() != null) {
                hosts.addAll(server.getHosts());
            }
        }
        return hosts;
    }

    private static List<Server> servers(Gateway gateway) {
        return gateway.getSpec() == null || gateway.getSpec().getServers() == null ? List.of()
                : gateway.getSpec().getServers();
    }

    static boolean accepted(Gateway gateway, String host, String virtualServiceNamespace) {
        String gatewayNamespace = MeshSnapshot.namespace(gateway);
        for (String entry : gatewayHosts(gateway)) {
            int slash = entry.indexOf('/');
            String namespace = slash < 0 ? "*" : entry.substring(0, slash);
            String pattern = slash < 0 ? entry : entry.substring(slash + 1);
            boolean namespaceOk = "*".equals(namespace) || (".".equals(namespace)
                    ? gatewayNamespace.equals(virtualServiceNamespace) : namespace.equals(virtualServiceNamespace));
            if (namespaceOk && hostMatches(pattern, host)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hostMatches(String pattern, String host) {
        if ("*".equals(pattern) || "*".equals(host) || pattern.equalsIgnoreCase(host)) {
            return true;
        }
        if (pattern.startsWith("*.")) {
            String suffix = pattern.substring(1).toLowerCase();
            String candidate = host.startsWith("*.") ? host.substring(1) : host;
            return candidate.toLowerCase().endsWith(suffix)
                    && (host.startsWith("*.") || candidate.length() > suffix.length());
        }
        if (host.startsWith("*.")) {
            return pattern.toLowerCase().endsWith(host.substring(1).toLowerCase());
        }
        return false;
    }
}
