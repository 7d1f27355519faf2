package dev.meshwizard.mesh;

import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsSimple;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsSimpleLB;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A DestinationRule's spec as a {@link DestinationRuleForm} and back. */
final class DestinationRuleForms {

    private DestinationRuleForms() {
    }

    static DestinationRuleForm read(DestinationRule spec) {
        if (spec == null) {
            return new DestinationRuleForm("", List.of(), "");
        }
        List<DestinationRuleForm.Subset> subsets = new ArrayList<>();
        for (Subset subset : spec.getSubsets() == null ? List.<Subset>of() : spec.getSubsets()) {
            subsets.add(new DestinationRuleForm.Subset(subset.getName(), RoutingForms.entries(subset.getLabels())));
        }
        String simple = "";
        TrafficPolicy policy = spec.getTrafficPolicy();
        if (policy != null && policy.getLoadBalancer() != null
                && policy.getLoadBalancer().getLbPolicy() instanceof LoadBalancerSettingsSimple lb
                && lb.getSimple() != null) {
            simple = lb.getSimple().name();
        }
        return new DestinationRuleForm(spec.getHost(), subsets, simple);
    }

    static DestinationRule write(DestinationRule spec, DestinationRuleForm form) {
        DestinationRule rule = spec == null ? new DestinationRule() : spec;
        rule.setHost(form.host().trim());
        List<Subset> existing = rule.getSubsets() == null ? List.of() : rule.getSubsets();
        List<Subset> subsets = new ArrayList<>();
        for (int i = 0; i < form.subsets().size(); i++) {
            DestinationRuleForm.Subset row = form.subsets().get(i);
            Subset subset = i < existing.size() ? existing.get(i) : new Subset();
            subset.setName(row.name().trim());
            Map<String, String> labels = RoutingForms.labels(row.labels());
            subset.setLabels(labels.isEmpty() ? null : labels);
            subsets.add(subset);
        }
        rule.setSubsets(subsets.isEmpty() ? null : subsets);
        TrafficPolicy policy = rule.getTrafficPolicy() == null ? new TrafficPolicy() : rule.getTrafficPolicy();
        LoadBalancerSettings balancer = policy.getLoadBalancer() == null ? new LoadBalancerSettings()
                : policy.getLoadBalancer();
        if (!form.loadBalancer().isEmpty()) {
            balancer.setLbPolicy(new LoadBalancerSettingsSimple(LoadBalancerSettingsSimpleLB.valueOf(
                    form.loadBalancer())));
        } else if (balancer.getLbPolicy() instanceof LoadBalancerSettingsSimple) {
            balancer.setLbPolicy(null);
        }
        policy.setLoadBalancer(RoutingForms.isEmpty(balancer) ? null : balancer);
        rule.setTrafficPolicy(RoutingForms.isEmpty(policy) ? null : policy);
        return rule;
    }

    static List<FormProblem> problems(DestinationRuleForm form) {
        List<FormProblem> problems = new ArrayList<>();
        if (form.host().isBlank()) {
            problems.add(new FormProblem("host", "host is required"));
        }
        if (!DestinationRuleForm.LOAD_BALANCERS.contains(form.loadBalancer())) {
            problems.add(new FormProblem("loadBalancer", "load balancer must be one of "
                    + String.join(", ", DestinationRuleForm.LOAD_BALANCERS.subList(1, 5))));
        }
        for (int i = 0; i < form.subsets().size(); i++) {
            DestinationRuleForm.Subset subset = form.subsets().get(i);
            if (subset.name().isBlank()) {
                problems.add(new FormProblem("subsets[" + i + "].name", "subset name is required"));
            }
            RoutingForms.labelProblems(subset.labels(), "subsets[" + i + "].labels", problems);
        }
        return problems;
    }
}
