package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.networking.v1.Gateway;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the gateway checks share: a Gateway's servers, the workloads it selects, and how hosts match. */
final class Gateways {

    private Gateways() {
    }

    static List<Server> servers(Gateway gateway) {
        return gateway.getSpec() == null || gateway.getSpec().getServers() == null ? List.of()
                : gateway.getSpec().getServers();
    }

    static Map<String, String> selector(Gateway gateway) {
        return gateway.getSpec() == null || gateway.getSpec().getSelector() == null ? Map.of()
                : gateway.getSpec().getSelector();
    }

    /** The workloads a Gateway's selector matches, in any namespace (an empty selector matches every one). */
    static List<Workload> selected(Gateway gateway, List<Workload> workloads) {
        Map<String, String> selector = selector(gateway);
        return workloads.stream().filter(w -> selector.isEmpty() || w.matches(selector)).toList();
    }

    /** The namespace of the gateway's pods (where its credentials live), if the selector matches any. */
    static Optional<String> workloadNamespace(Gateway gateway, List<Workload> workloads) {
        return selected(gateway, workloads).stream().map(Workload::namespace).findFirst();
    }

    /** {@code key=value,key=value}, sorted. */
    static String labels(Map<String, String> labels) {
        return labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /**
     * The Gateway a VirtualService's {@code gateways} entry names: {@code ns/name}, or a name in the
     * VirtualService's namespace; empty for {@code mesh} and for a Gateway not in the snapshot.
     */
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

    /** Whether two hosts overlap: equal, or one's wildcard ({@code *}, {@code *.domain}) covers the other. */
    static boolean overlap(String a, String b) {
        String x = a.toLowerCase();
        String y = b.toLowerCase();
        if (x.equals(y) || "*".equals(x) || "*".equals(y)) {
            return true;
        }
        if (x.startsWith("*") && y.startsWith("*")) {
            return x.endsWith(y.substring(1)) || y.endsWith(x.substring(1));
        }
        if (x.startsWith("*")) {
            return y.endsWith(x.substring(1));
        }
        if (y.startsWith("*")) {
            return x.endsWith(y.substring(1));
        }
        return false;
    }
}
