package dev.meshwizard.mesh.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A VirtualService's http, tcp and tls rules with their matches, as Istio's validation compares them: a rule
 * without matches takes every request; a match equal to an earlier rule's (names aside) never applies.
 */
final class RouteRules {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /**
     * One rule.
     *
     * @param kind    http, tcp or tls
     * @param index   its index in its list
     * @param matches its matches as JSON trees without their names (empty when it has none)
     */
    record Rule(String kind, int index, List<JsonNode> matches) {
        String path() {
            return "spec." + kind + "[" + index + "]";
        }
    }

    /**
     * A match that repeats an earlier one, or that an earlier one covers.
     *
     * @param rule          the rule it is in
     * @param match         its index in the rule's matches
     * @param duplicateRule the index of the earlier rule with the same (or the covering) match
     * @param covered       false for an equal match; true for an http match whose uri prefix starts with an
     *                      earlier match's uri prefix, the earlier match asking nothing else it does not ask too
     */
    record Duplicate(Rule rule, int match, int duplicateRule, boolean covered) {
    }

    private RouteRules() {
    }

    /** The rules of each kind: http, tcp, tls. */
    static List<List<Rule>> of(io.fabric8.istio.api.networking.v1.VirtualService virtualService) {
        VirtualService spec = virtualService.getSpec();
        List<List<Rule>> kinds = new ArrayList<>();
        if (spec == null) {
            return kinds;
        }
        kinds.add(rules("http", spec.getHttp() == null ? List.<List<?>>of()
                : spec.getHttp().stream().<List<?>>map(r -> r.getMatch()).toList()));
        kinds.add(rules("tcp", spec.getTcp() == null ? List.<List<?>>of()
                : spec.getTcp().stream().<List<?>>map(r -> r.getMatch()).toList()));
        kinds.add(rules("tls", spec.getTls() == null ? List.<List<?>>of()
                : spec.getTls().stream().<List<?>>map(r -> r.getMatch()).toList()));
        return kinds;
    }

    private static List<Rule> rules(String kind, List<List<?>> matchLists) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < matchLists.size(); i++) {
            List<JsonNode> matches = new ArrayList<>();
            if (matchLists.get(i) != null) {
                for (Object match : matchLists.get(i)) {
                    JsonNode tree = SERIALIZATION.convertValue(match, JsonNode.class);
                    if (tree instanceof ObjectNode object) {
                        object.remove("name");
                    }
                    matches.add(tree);
                }
            }
            rules.add(new Rule(kind, i, matches));
        }
        return rules;
    }

    /** The matches of a kind's rules that repeat a match of an earlier rule, in order. */
    static List<Duplicate> duplicates(List<Rule> rules) {
        Map<JsonNode, Integer> seen = new HashMap<>();
        List<Duplicate> duplicates = new ArrayList<>();
        for (Rule rule : rules) {
            for (int m = 0; m < rule.matches().size(); m++) {
                JsonNode match = rule.matches().get(m);
                Integer earlier = seen.get(match);
                if (earlier != null) {
                    duplicates.add(new Duplicate(rule, m, earlier, false));
                } else {
                    seen.put(match, rule.index());
                }
            }
        }
        return duplicates;
    }

    /** The http matches that an earlier match (of an earlier rule, or earlier in the same rule) covers by prefix. */
    static List<Duplicate> covered(List<Rule> rules) {
        List<Duplicate> duplicates = duplicates(rules);
        List<Duplicate> covered = new ArrayList<>();
        for (Rule rule : rules) {
            if (!"http".equals(rule.kind())) {
                continue;
            }
            for (int m = 0; m < rule.matches().size(); m++) {
                int index = m;
                if (duplicates.stream().anyMatch(d -> d.rule().equals(rule) && d.match() == index)) {
                    continue;
                }
                JsonNode match = rule.matches().get(m);
                Integer by = null;
                for (Rule earlier : rules) {
                    int limit = earlier.index() < rule.index() ? earlier.matches().size()
                            : earlier.index() == rule.index() ? m : 0;
                    for (int e = 0; e < limit && by == null; e++) {
                        if (covers(earlier.matches().get(e), match)) {
                            by = earlier.index();
                        }
                    }
                }
                if (by != null) {
                    covered.add(new Duplicate(rule, m, by, true));
                }
            }
        }
        return covered;
    }

    private static boolean covers(JsonNode earlier, JsonNode later) {
        String outer = prefix(earlier);
        String inner = prefix(later);
        if (outer == null || inner == null || !inner.startsWith(outer)) {
            return false;
        }
        var fields = earlier.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!"uri".equals(field.getKey()) && !field.getValue().equals(later.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static String prefix(JsonNode match) {
        JsonNode uri = match.path("uri");
        return uri.size() == 1 && uri.path("prefix").isTextual() ? uri.get("prefix").asText() : null;
    }
}
