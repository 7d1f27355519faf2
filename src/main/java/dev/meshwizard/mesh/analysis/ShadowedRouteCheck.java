package dev.meshwizard.mesh.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.ArrayList;
import java.util.List;

/**
 * MW0108: a rule of a VirtualService is never used, because the first rule that matches wins. As istioctl
 * (IST0130): a rule without matches that follows another rule without matches (only the last may have none), and
 * a rule all of whose matches repeat earlier rules' matches; for http, tcp and tls rules. Beyond istioctl (no
 * istioctl code): an http rule with matches after a rule that matches every request (no match, or only a
 * {@code /} prefix).
 */
public final class ShadowedRouteCheck implements Check {

    @Override
    public String code() {
        return "MW0108";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.VIRTUAL_SERVICE_UNREACHABLE_RULE;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (VirtualService virtualService : snapshot.virtualServices()) {
            for (List<RouteRules.Rule> rules : RouteRules.of(virtualService)) {
                List<RouteRules.Duplicate> duplicates = RouteRules.duplicates(rules);
                int empty = -1;
                int catchAll = -1;
                for (RouteRules.Rule rule : rules) {
                    if (rule.matches().isEmpty()) {
                        if (empty >= 0) {
                            findings.add(finding(Severity.WARNING, virtualService, rule.path(),
                                    "this rule is never used: " + rules.get(empty).path() + " before it has no match "
                                            + "either, and only the last rule may have none",
                                    "Merge the two rules (e.g. a fault and a mirror belong in one rule), or give "
                                            + rules.get(empty).path() + " a match"));
                        } else if (catchAll >= 0) {
                            shadowed(findings, virtualService, rule, rules.get(catchAll));
                        }
                        empty = rule.index();
                        continue;
                    }
                    long repeated = duplicates.stream().filter(d -> d.rule().equals(rule)).count();
                    if (repeated == rule.matches().size()) {
                        findings.add(finding(Severity.WARNING, virtualService, rule.path(),
                                "this rule is never used: each of its matches repeats a match of an earlier rule",
                                "Remove the rule, or change its matches"));
                    } else if (catchAll >= 0 || empty >= 0) {
                        shadowed(findings, virtualService, rule, rules.get(catchAll >= 0 ? catchAll : empty));
                    }
                    if (catchAll < 0 && "http".equals(rule.kind())
                            && rule.matches().stream().anyMatch(ShadowedRouteCheck::rootPrefixOnly)) {
                        catchAll = rule.index();
                    }
                }
            }
        }
        return findings;
    }

    private void shadowed(List<Finding> findings, VirtualService virtualService, RouteRules.Rule rule,
                          RouteRules.Rule catchAll) {
        findings.add(finding(IstioMessage.NONE, Severity.WARNING, virtualService, rule.path(),
                "this rule is never used: " + catchAll.path() + " before it matches every request",
                "Move " + catchAll.path() + " to the end, or give it a narrower match"));
    }

    private static boolean rootPrefixOnly(JsonNode match) {
        if (match.size() != 1 || !match.has("uri")) {
            return false;
        }
        JsonNode uri = match.get("uri");
        return uri.size() == 1 && "/".equals(uri.path("prefix").asText(null));
    }
}
