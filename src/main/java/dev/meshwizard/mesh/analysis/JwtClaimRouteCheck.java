package dev.meshwizard.mesh.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MW0122 (istioctl IST0149): a VirtualService bound to a Gateway matches on {@code @request.auth.claims…} headers
 * but no RequestAuthentication applies to the gateway's pods (one in the pods' namespace or the mesh's root
 * namespace whose selector matches them, or has none), so the claims are never set and the match never applies.
 * Reported per gateway workload without one.
 */
public final class JwtClaimRouteCheck implements Check {

    private static final String CLAIM_PREFIX = "@request.auth.claims";

    @Override
    public String code() {
        return "MW0122";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.JWT_CLAIM_BASED_ROUTING_WITHOUT_REQUEST_AUTHN;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Workload> workloads = Workload.of(snapshot);
        List<Finding> findings = new ArrayList<>();
        for (VirtualService virtualService : snapshot.virtualServices()) {
            Optional<String> claim = claimKey(virtualService);
            List<String> references = virtualService.getSpec().getGateways();
            if (claim.isEmpty() || references == null) {
                continue;
            }
            for (int i = 0; i < references.size(); i++) {
                Optional<Gateway> gateway = Gateways.find(snapshot, references.get(i),
                        MeshSnapshot.namespace(virtualService));
                if (gateway.isEmpty()) {
                    continue;
                }
                for (Workload workload : Gateways.selected(gateway.get(), workloads)) {
                    if (!authenticated(snapshot, workload)) {
                        findings.add(finding(Severity.ERROR, virtualService, "spec.gateways[" + i + "]",
                                "routes on " + claim.get() + " through Gateway " + references.get(i) + ", but no "
                                        + "RequestAuthentication applies to its pods (" + workload.source() + " in "
                                        + workload.namespace() + "), so the claim is never set and the match never "
                                        + "applies",
                                "Add a RequestAuthentication in " + workload.namespace() + " (or "
                                        + snapshot.mesh().rootNamespace() + ") selecting the gateway's pods"));
                    }
                }
            }
        }
        return findings;
    }

    private static Optional<String> claimKey(VirtualService virtualService) {
        if (virtualService.getSpec() == null || virtualService.getSpec().getHttp() == null) {
            return Optional.empty();
        }
        for (var route : virtualService.getSpec().getHttp()) {
            for (HTTPMatchRequest match : route.getMatch() == null ? List.<HTTPMatchRequest>of() : route.getMatch()) {
                for (Map<String, ?> headers : java.util.Arrays.asList(match.getHeaders(), match.getWithoutHeaders())) {
                    if (headers != null) {
                        Optional<String> key = headers.keySet().stream().filter(k -> k.startsWith(CLAIM_PREFIX))
                                .findFirst();
                        if (key.isPresent()) {
                            return key;
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean authenticated(MeshSnapshot snapshot, Workload workload) {
        for (HasMetadata policy : snapshot.others("RequestAuthentication")) {
            String namespace = MeshSnapshot.namespace(policy);
            if (!namespace.equals(workload.namespace()) && !namespace.equals(snapshot.mesh().rootNamespace())) {
                continue;
            }
            JsonNode labels = Fields.tree(policy).path("spec").path("selector").path("matchLabels");
            Map<String, String> selector = Fields.labels(labels);
            if (selector.isEmpty() || workload.matches(selector)) {
                return true;
            }
        }
        return false;
    }
}
