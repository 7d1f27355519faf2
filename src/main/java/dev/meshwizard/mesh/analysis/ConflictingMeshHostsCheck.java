package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MW0116 (istioctl IST0109): two or more VirtualServices bound to the mesh (no {@code gateways}, or
 * {@code mesh} among them) have the same host where they are visible (their {@code exportTo}, everywhere by
 * default), so which one the sidecars use is undefined. Hosts are compared fully qualified; each VirtualService is
 * reported.
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
        Map<String, List<VirtualService>> byScopedHost = new LinkedHashMap<>();
        for (VirtualService virtualService : snapshot.virtualServices()) {
            var spec = virtualService.getSpec();
            if (spec == null || spec.getHosts() == null
                    || spec.getGateways() != null && !spec.getGateways().isEmpty() && !spec.getGateways().contains("mesh")) {
                continue;
            }
            String namespace = MeshSnapshot.namespace(virtualService);
            List<String> exportTo = spec.getExportTo() == null ? List.of() : spec.getExportTo();
            for (String scope : ServiceRegistry.scopes(exportTo, namespace)) {
                for (String host : spec.getHosts().stream().distinct().toList()) {
                    String key = scope + "/" + ServiceRegistry.fqdn(host, namespace, snapshot.mesh().clusterDomain());
                    List<VirtualService> list = byScopedHost.computeIfAbsent(key, k -> new ArrayList<>());
                    if (!list.contains(virtualService)) {
                        list.add(virtualService);
                    }
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        byScopedHost.forEach((key, list) -> {
            if (list.size() < 2) {
                return;
            }
            String host = key.substring(key.indexOf('/') + 1);
            String names = String.join(", ", list.stream().map(v -> v.getMetadata().getName() + "."
                    + MeshSnapshot.namespace(v)).toList());
            for (VirtualService virtualService : list) {
                findings.add(finding(Severity.WARNING, virtualService, "spec.hosts",
                        "VirtualServices " + names + " are all bound to the mesh with host " + host
                                + ", so which one the sidecars use is undefined",
                        "Merge them into one VirtualService, or limit them with exportTo"));
            }
        });
        return findings;
    }
}
