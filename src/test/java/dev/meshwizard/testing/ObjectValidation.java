package dev.meshwizard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What an API server's validation rejects in an object it is asked to store, for the kinds the product writes:
 * the name (DNS-1123 subdomain for most kinds, DNS-1123 label for a Namespace, DNS-1035 label for a Service, one
 * path segment for RBAC), label keys and values (also of pod templates), annotation keys, and the fields without
 * which a workload, Pod, Service, ConfigMap, Secret or CustomResourceDefinition is invalid. Field paths and
 * explanations are the server's ({@link FieldErrors}); admission webhooks (Istio's validation) are not simulated.
 */
final class ObjectValidation {

    private static final Set<String> WORKLOADS = Set.of("deployments", "daemonsets", "statefulsets", "replicasets");
    private static final Set<String> RBAC = Set.of("roles", "clusterroles", "rolebindings", "clusterrolebindings");
    private static final List<String> SERVICE_TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");

    private ObjectValidation() {
    }

    /** The errors of {@code object} stored at {@code path}; {@code create} allows a generateName instead of a name. */
    static FieldErrors validate(ApiPath path, ObjectNode object, boolean create) {
        FieldErrors errors = new FieldErrors();
        metadata(path, object.path("metadata"), create, errors);
        JsonNode spec = object.path("spec");
        boolean core = path.group().isEmpty();
        if (path.group().equals("apps") && WORKLOADS.contains(path.resource())) {
            workload(spec, errors);
        } else if (core && path.resource().equals("pods")) {
            PodSpecValidation.validate(spec, "spec", errors);
        } else if (core && path.resource().equals("services")) {
            service(spec, errors);
        } else if (core && (path.resource().equals("configmaps") || path.resource().equals("secrets"))) {
            keys(object.path("data"), "data", errors);
            keys(object.path(path.resource().equals("secrets") ? "stringData" : "binaryData"),
                    path.resource().equals("secrets") ? "stringData" : "binaryData", errors);
        } else if (path.group().equals("apiextensions.k8s.io") && path.resource().equals("customresourcedefinitions")) {
            customResourceDefinition(object, errors);
        }
        return errors;
    }

    private static void metadata(ApiPath path, JsonNode metadata, boolean create, FieldErrors errors) {
        String name = metadata.path("name").asText("");
        if (name.isEmpty()) {
            if (!create || metadata.path("generateName").asText("").isEmpty()) {
                errors.required("metadata.name", "name or generateName is required");
            }
        } else {
            nameRule(path).apply(name).forEach(e -> errors.invalid("metadata.name", name, e));
        }
        labels(metadata.path("labels"), "metadata.labels", errors);
        metadata.path("annotations").fieldNames().forEachRemaining(key -> NameRules.labelKey(key.toLowerCase(java.util.Locale.ROOT))
                .forEach(e -> errors.invalid("metadata.annotations", key, e)));
    }

    private static Function<String, List<String>> nameRule(ApiPath path) {
        if (path.group().isEmpty() && path.resource().equals("namespaces")) {
            return NameRules::dns1123Label;
        }
        if (path.group().isEmpty() && path.resource().equals("services")) {
            return NameRules::dns1035Label;
        }
        if (path.group().equals("rbac.authorization.k8s.io") && RBAC.contains(path.resource())) {
            return NameRules::pathSegment;
        }
        return NameRules::dns1123Subdomain;
    }

    static void labels(JsonNode labels, String field, FieldErrors errors) {
        labels.fields().forEachRemaining(entry -> {
            NameRules.labelKey(entry.getKey()).forEach(e -> errors.invalid(field, entry.getKey(), e));
            String value = entry.getValue().asText("");
            NameRules.labelValue(value).forEach(e -> errors.invalid(field, value, e));
        });
    }

    private static void workload(JsonNode spec, FieldErrors errors) {
        if (spec.path("replicas").isNumber() && spec.path("replicas").asLong() < 0) {
            errors.invalid("spec.replicas", spec.path("replicas").asLong(), "must be greater than or equal to 0");
        }
        JsonNode selector = spec.path("selector");
        JsonNode template = spec.path("template");
        labels(template.path("metadata").path("labels"), "spec.template.metadata.labels", errors);
        if (selector.isMissingNode() || selector.isNull()) {
            errors.required("spec.selector", "");
        } else if (selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty()) {
            errors.invalid("spec.selector", "{}", "empty selector is invalid for deployment");
        } else {
            labels(selector.path("matchLabels"), "spec.selector.matchLabels", errors);
            Map<String, String> templateLabels = textMap(template.path("metadata").path("labels"));
            boolean matches = true;
            for (Map.Entry<String, String> wanted : textMap(selector.path("matchLabels")).entrySet()) {
                matches &= wanted.getValue().equals(templateLabels.get(wanted.getKey()));
            }
            if (!matches) {
                errors.invalid("spec.template.metadata.labels", goMap(templateLabels),
                        "`selector` does not match template `labels`");
            }
        }
        if (template.isMissingNode() || template.path("spec").isMissingNode()) {
            errors.required("spec.template.spec.containers", "");
        } else {
            PodSpecValidation.validate(template.path("spec"), "spec.template.spec", errors);
        }
    }

    private static void service(JsonNode spec, FieldErrors errors) {
        String type = spec.path("type").asText("ClusterIP");
        if (!SERVICE_TYPES.contains(type)) {
            errors.unsupported("spec.type", type, SERVICE_TYPES);
        }
        JsonNode ports = spec.path("ports");
        boolean headless = "None".equals(spec.path("clusterIP").asText(""));
        if (ports.isEmpty() && !headless && !type.equals("ExternalName")) {
            errors.required("spec.ports", "");
        }
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            String at = "spec.ports[" + i + "]";
            String name = port.path("name").asText("");
            if (name.isEmpty() && ports.size() > 1) {
                errors.required(at + ".name", "");
            } else if (!name.isEmpty()) {
                NameRules.dns1123Label(name).forEach(e -> errors.invalid(at + ".name", name, e));
                if (!names.add(name)) {
                    errors.duplicate(at + ".name", name);
                }
            }
            NameRules.port(port.path("port").asLong(0)).forEach(e -> errors.invalid(at + ".port",
                    port.path("port").asLong(0), e));
            JsonNode target = port.path("targetPort");
            if (target.isNumber()) {
                NameRules.port(target.asLong()).forEach(e -> errors.invalid(at + ".targetPort", target.asLong(), e));
            } else if (target.isTextual()) {
                NameRules.portName(target.asText()).forEach(e -> errors.invalid(at + ".targetPort", target.asText(),
                        e));
            }
        }
        labels(spec.path("selector"), "spec.selector", errors);
    }

    private static void keys(JsonNode data, String field, FieldErrors errors) {
        data.fieldNames().forEachRemaining(key -> NameRules.configKey(key)
                .forEach(e -> errors.invalid(field + "[" + key + "]", key, e)));
    }

    private static void customResourceDefinition(ObjectNode crd, FieldErrors errors) {
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asText("");
        String plural = spec.path("names").path("plural").asText("");
        if (group.isEmpty()) {
            errors.required("spec.group", "");
        }
        if (plural.isEmpty()) {
            errors.required("spec.names.plural", "");
        }
        if (spec.path("names").path("kind").asText("").isEmpty()) {
            errors.required("spec.names.kind", "");
        }
        String name = crd.path("metadata").path("name").asText("");
        if (!group.isEmpty() && !plural.isEmpty() && !name.equals(plural + "." + group)) {
            errors.invalid("metadata.name", name, "must be spec.names.plural+\".\"+spec.group");
        }
        long storage = 0;
        for (JsonNode version : spec.path("versions")) {
            storage += version.path("storage").asBoolean(false) ? 1 : 0;
        }
        if (storage != 1) {
            errors.invalid("spec.versions", "[...]", "must have exactly one version marked as storage version");
        }
    }

    private static Map<String, String> textMap(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText("")));
        return map;
    }

    /** A map as Go prints one in an error ({@code map[string]string{"app":"web"}}), for the server's wording. */
    private static GoValue goMap(Map<String, String> map) {
        StringBuilder text = new StringBuilder("map[string]string{");
        map.forEach((k, v) -> text.append(text.charAt(text.length() - 1) == '{' ? "" : ", ")
                .append(FieldErrors.quote(k)).append(':').append(FieldErrors.quote(v)));
        return new GoValue(text.append('}').toString());
    }

    /** A value shown as it is, not quoted. */
    record GoValue(String text) {
        @Override
        public String toString() {
            return text;
        }
    }
}
