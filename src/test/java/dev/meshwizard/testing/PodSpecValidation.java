package dev.meshwizard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What an API server checks in a pod spec (of a Pod or a workload's template): containers, names, images, ports. */
final class PodSpecValidation {

    private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");

    private PodSpecValidation() {
    }

    static void validate(JsonNode spec, String field, FieldErrors errors) {
        JsonNode containers = spec.path("containers");
        if (containers.isEmpty()) {
            errors.required(field + ".containers", "");
        }
        Set<String> names = new HashSet<>();
        containers(containers, field + ".containers", names, errors);
        containers(spec.path("initContainers"), field + ".initContainers", names, errors);
    }

    private static void containers(JsonNode containers, String field, Set<String> names, FieldErrors errors) {
        for (int i = 0; i < containers.size(); i++) {
            JsonNode container = containers.get(i);
            String at = field + "[" + i + "]";
            String name = container.path("name").asText("");
            if (name.isEmpty()) {
                errors.required(at + ".name", "");
            } else {
                NameRules.dns1123Label(name).forEach(e -> errors.invalid(at + ".name", name, e));
                if (!names.add(name)) {
                    errors.duplicate(at + ".name", name);
                }
            }
            if (container.path("image").asText("").isBlank()) {
                errors.required(at + ".image", "");
            }
            String policy = container.path("imagePullPolicy").asText("");
            if (!policy.isEmpty() && !PULL_POLICIES.contains(policy)) {
                errors.unsupported(at + ".imagePullPolicy", policy, PULL_POLICIES);
            }
            JsonNode ports = container.path("ports");
            for (int p = 0; p < ports.size(); p++) {
                JsonNode port = ports.get(p);
                String portAt = at + ".ports[" + p + "]";
                long number = port.path("containerPort").asLong(0);
                NameRules.port(number).forEach(e -> errors.invalid(portAt + ".containerPort", number, e));
                String portName = port.path("name").asText("");
                if (!portName.isEmpty()) {
                    NameRules.portName(portName).forEach(e -> errors.invalid(portAt + ".name", portName, e));
                }
            }
        }
    }
}
