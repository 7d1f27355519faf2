package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.ArrayList;
import java.util.List;

/**
 * MW0114 (istioctl IST0101 for a gateway): a VirtualService's {@code gateways} entry names no Gateway. A name is
 * looked up in the VirtualService's namespace, {@code ns/name} in {@code ns}; {@code mesh} is reserved for the
 * sidecars.
 */
public final class GatewayReferenceCheck implements Check {

    @Override
    public String code() {
        return "MW0114";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.REFERENCED_RESOURCE_NOT_FOUND;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (VirtualService virtualService : snapshot.virtualServices()) {
            List<String> references = virtualService.getSpec() == null ? null : virtualService.getSpec().getGateways();
            if (references == null) {
                continue;
            }
            String namespace = MeshSnapshot.namespace(virtualService);
            for (int i = 0; i < references.size(); i++) {
                String reference = references.get(i);
                if ("mesh".equals(reference) || Gateways.find(snapshot, reference, namespace).isPresent()) {
                    continue;
                }
                String where = reference.contains("/") ? "" : " in namespace " + namespace;
                findings.add(finding(Severity.ERROR, virtualService, "spec.gateways[" + i + "]",
                        "gateway \"" + reference + "\" names no Gateway" + where
                                + ", so no gateway applies this VirtualService",
                        "Create the Gateway, or name it as namespace/name when it is in another namespace "
                                + "(\"mesh\" means the sidecars)"));
            }
        }
        return findings;
    }
}
