package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.networking.v1.Gateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * MW0121 (istioctl IST0145): two Gateways select the same gateway pods (equal selectors, or one's labels among the
 * other's) and have servers on the same port with an overlapping host, so the gateway merges them and which
 * routes win is undefined. Hosts are compared as written, as istioctl does: {@code ns/host} only equals the same
 * {@code ns/host}. Each server in conflict is reported, on each Gateway.
 */
public final class ConflictingGatewaysCheck implements Check {

    @Override
    public String code() {
        return "MW0121";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.CONFLICTING_GATEWAYS;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (Gateway gateway : snapshot.gateways()) {
            List<Server> servers = Gateways.servers(gateway);
            for (int i = 0; i < servers.size(); i++) {
                Server server = servers.get(i);
                List<String> others = new ArrayList<>();
                for (Gateway other : snapshot.gateways()) {
                    if (other == gateway || !sameWorkload(Gateways.selector(gateway), Gateways.selector(other))) {
                        continue;
                    }
                    boolean conflict = Gateways.servers(other).stream().anyMatch(s -> samePort(server, s)
                            && hostsOverlap(server, s));
                    if (conflict) {
                        others.add(other.getMetadata().getName() + "." + MeshSnapshot.namespace(other));
                    }
                }
                if (!others.isEmpty()) {
                    Long port = server.getPort() == null ? null : server.getPort().getNumber();
                    findings.add(finding(Severity.ERROR, gateway, "spec.servers[" + i + "]",
                            "Gateway " + String.join(", ", others) + " selects the same gateway pods ("
                                    + Gateways.labels(Gateways.selector(gateway)) + ") with a server on port " + port
                                    + " for an overlapping host (" + String.join(", ", hosts(server))
                                    + "): the gateway merges them and which one applies is undefined",
                            "Serve these hosts from one Gateway, or use different hosts or ports"));
                }
            }
        }
        return findings;
    }

    private static boolean sameWorkload(Map<String, String> a, Map<String, String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        return a.entrySet().containsAll(b.entrySet()) || b.entrySet().containsAll(a.entrySet());
    }

    private static boolean samePort(Server a, Server b) {
        return a.getPort() != null && b.getPort() != null
                && Objects.equals(a.getPort().getNumber(), b.getPort().getNumber());
    }

    private static boolean hostsOverlap(Server a, Server b) {
        return hosts(a).stream().anyMatch(x -> hosts(b).stream()
                .anyMatch(y -> Gateways.overlap(x, y)));
    }

    private static List<String> hosts(Server server) {
        return server.getHosts() == null ? List.of() : server.getHosts();
    }
}
