package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.ArrayList;
import java.util.List;

/**
 * MW0115 (istioctl IST0131): a match of an http, tcp or tls rule repeats a match of an earlier rule (its name
 * aside), so it never applies: requests it would take go to the earlier rule.
 */
public final class DuplicateMatchCheck implements Check {

    @Override
    public String code() {
        return "MW0115";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.VIRTUAL_SERVICE_INEFFECTIVE_MATCH;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (VirtualService virtualService : snapshot.virtualServices()) {
            for (List<RouteRules.Rule> rules : RouteRules.of(virtualService)) {
                for (RouteRules.Duplicate duplicate : RouteRules.duplicates(rules)) {
                    String earlier = "spec." + duplicate.rule().kind() + "[" + duplicate.duplicateRule() + "]";
                    findings.add(finding(Severity.INFO, virtualService,
                            duplicate.rule().path() + ".match[" + duplicate.match() + "]",
                            "this match is never used: it repeats a match of " + earlier + ", which wins",
                            "Remove the match, or make it differ from " + earlier + "'s"));
                }
            }
        }
        return findings;
    }
}
