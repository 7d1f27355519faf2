package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.ArrayList;
import java.util.List;

/**
 * MW0115 (istioctl IST0131): a match of an http, tcp or tls rule repeats a match of an earlier rule (its name
 * aside), or, for http, an earlier match covers it (the later uri prefix starts with the earlier one and the
 * earlier match asks nothing else the later one does not ask too), so it never applies: requests it would take
 * go to the earlier rule.
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
                List<RouteRules.Duplicate> all = new ArrayList<>(RouteRules.duplicates(rules));
                all.addAll(RouteRules.covered(rules));
                for (RouteRules.Duplicate duplicate : all) {
                    String earlier = "spec." + duplicate.rule().kind() + "[" + duplicate.duplicateRule() + "]";
                    findings.add(finding(Severity.INFO, virtualService,
                            duplicate.rule().path() + ".match[" + duplicate.match() + "]",
                            "this match is never used: " + (duplicate.covered() ? "a match of " + earlier
                                    + " with a shorter uri prefix takes its requests first"
                                    : "it repeats a match of " + earlier + ", which wins"),
                            duplicate.covered() ? "Put the longer prefix first"
                                    : "Remove the match, or make it differ from " + earlier + "'s"));
                }
            }
        }
        return findings;
    }
}
