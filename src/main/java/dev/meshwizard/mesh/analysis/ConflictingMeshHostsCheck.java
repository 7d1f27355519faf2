package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MW0116 (istioctl IST0109): two or more VirtualServices bound to the mesh (no {@code gateways}, or
 * {@code mesh} among them) have the same host and are visible in a common namespace (their {@code exportTo},
 * everywhere by default), so which one the sidecars use is undefined. Hosts are compared fully qualified; each
 * VirtualService in conflict is reported, once per host.
 */
public final class ConflictingMeshHostsCheck implements Check {

    @Override
    public String code() {
        return "MW0116";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.CONFLICTING_MESH_GATEWAY_VIRTUAL_SERVICE_HOSTS;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        record Bound(VirtualService virtualService, List<String> scopes) {
        }
        Map<String, List<Bound>> byHost = new LinkedHashMap<>();
        for (VirtualService virtualService : snapshot.virtualServices()) {
            var spec = virtualService.getSpec();
            if (spec == null || spec.getHosts() == null || spec.getGateways() != null
                    && !spec.getGateways().isEmpty() && !spec.getGateways().contains("mesh")) {
                continue;
            }
            String namespace = MeshSnapshot.namespace(virtualService);
            List<String> scopes = ServiceRegistry.scopes(spec.getExportTo() == null ? List.of() : spec.getExportTo(),
                    namespace);
            for (String host : spec.getHosts().stream().distinct().toList()) {
                String fqdn = ServiceRegistry.fqdn(host, namespace, snapshot.mesh().clusterDomain());
                byHost.computeIfAbsent(fqdn, k -> new ArrayList<>()).add(new Bound(virtualService, scopes));
            }
        }
        List<Finding> findings = new ArrayList<>();
        byHost.forEach((host, bound) -> {
            for (Bound one : bound) {
                List<String> others = bound.stream()
                        .filter(other -> other.virtualService() != one.virtualService()
                                && overlap(one.scopes(), other.scopes()))
                        .map(other -> other.virtualService().getMetadata().getName() + "."
                                + MeshSnapshot.namespace(other.virtualService()))
                        .toList();
                if (!others.isEmpty()) {
                    findings.add(finding(Severity.ERROR, one.virtualService(), "spec.hosts",
                            "VirtualService " + String.join(", ", others) + " is also bound to the mesh with host "
                                    + host + " where this one is visible, so which one the sidecars use is undefined",
                            "Merge them into one VirtualService, or limit them with exportTo"));
                }
            }
        });
        return findings;
    }

    private static boolean overlap(List<String> a, List<String> b) {
        return a.contains("*") || b.contains("*") || a.stream().anyMatch(b::contains);
    }
}
