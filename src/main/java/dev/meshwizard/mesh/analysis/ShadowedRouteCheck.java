package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MW0108: an http route comes after a route that matches every request (no match, or only a {@code /} prefix),
 * so it is never used: the first route that matches wins.
 */
public final class ShadowedRouteCheck implements Check {

    @Override
    public String code() {
        return "MW0108";
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (VirtualService virtualService : snapshot.virtualServices()) {
            List<HTTPRoute> http = virtualService.getSpec() == null ? null : virtualService.getSpec().getHttp();
            if (http == null) {
                continue;
            }
            int catchAll = -1;
            for (int i = 0; i < http.size(); i++) {
                if (catchAll >= 0) {
                    findings.add(finding(Severity.WARNING, virtualService, "spec.http[" + i + "]",
                            "this rule is never used: spec.http[" + catchAll + "] before it matches every request",
                            "Move spec.http[" + catchAll + "] to the end, or give it a narrower match"));
                } else if (matchesEverything(http.get(i))) {
                    catchAll = i;
                }
            }
        }
        return findings;
    }

    private static boolean matchesEverything(HTTPRoute route) {
        List<HTTPMatchRequest> matches = route.getMatch();
        return matches == null || matches.isEmpty() || matches.stream().anyMatch(ShadowedRouteCheck::catchAll);
    }

    private static boolean catchAll(HTTPMatchRequest match) {
        boolean uriOk = match.getUri() == null
                || match.getUri().getMatchType() instanceof StringMatchPrefix prefix && "/".equals(prefix.getPrefix());
        return uriOk && match.getAuthority() == null && empty(match.getGateways()) && empty(match.getHeaders())
                && match.getMethod() == null && match.getPort() == null && empty(match.getQueryParams())
                && match.getScheme() == null && empty(match.getSourceLabels()) && match.getSourceNamespace() == null
                && empty(match.getWithoutHeaders());
    }

    private static boolean empty(Object value) {
        return value == null || value instanceof List<?> list && list.isEmpty()
                || value instanceof Map<?, ?> map && map.isEmpty();
    }
}
