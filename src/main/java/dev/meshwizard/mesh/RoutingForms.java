package dev.meshwizard.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The form of a routing document and back: the fields users touch most as a {@link RoutingForm}, and a form written
 * into the document's object. Writing parses the document into its Istio object, sets the form's fields and writes
 * the object again, so every field the form does not show (a route's {@code fault}, a server's {@code bind}, other
 * matches, ...) is kept. YAML comments are not kept by a form edit: the text is written anew from the object.
 */
public final class RoutingForms {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RoutingForms() {
    }

    /**
     * The form of a document.
     *
     * @throws RoutingYamlException when the text is not a valid routing document
     */
    public static RoutingForm read(RoutingDocument document) throws RoutingYamlException {
        RoutingDocument valid = RoutingDocuments.read(document.yaml());
        return switch (valid.kind()) {
            case "Gateway" -> GatewayForms.read(parse(valid, Gateway.class).getSpec());
            case "VirtualService" -> VirtualServiceForms.read(parse(valid, VirtualService.class).getSpec());
            default -> DestinationRuleForms.read(parse(valid, DestinationRule.class).getSpec());
        };
    }

    /**
     * The document with the form's fields written into it; the fields the form does not show are kept, YAML comments
     * are not.
     *
     * @throws RoutingYamlException  when the document's text is not a valid routing document
     * @throws RoutingFormException  when the form has {@link #problems} or is not of the document's kind
     */
    public static RoutingDocument write(RoutingDocument document, RoutingForm form) throws RoutingYamlException {
        List<FormProblem> problems = problems(form);
        if (!problems.isEmpty()) {
            throw new RoutingFormException(problems);
        }
        RoutingDocument valid = RoutingDocuments.read(document.yaml());
        HasMetadata object;
        if (form instanceof GatewayForm gateway) {
            Gateway parsed = parse(kind(valid, "Gateway"), Gateway.class);
            parsed.setSpec(GatewayForms.write(parsed.getSpec(), gateway));
            object = parsed;
        } else if (form instanceof VirtualServiceForm service) {
            VirtualService parsed = parse(kind(valid, "VirtualService"), VirtualService.class);
            parsed.setSpec(VirtualServiceForms.write(parsed.getSpec(), service));
            object = parsed;
        } else {
            DestinationRule parsed = parse(kind(valid, "DestinationRule"), DestinationRule.class);
            parsed.setSpec(DestinationRuleForms.write(parsed.getSpec(), (DestinationRuleForm) form));
            object = parsed;
        }
        return RoutingDocuments.read(RoutingDocuments.yaml(object));
    }

    /** What keeps a form from being written, one problem a field; empty when it can be written. */
    public static List<FormProblem> problems(RoutingForm form) {
        if (form instanceof GatewayForm gateway) {
            return GatewayForms.problems(gateway);
        }
        if (form instanceof VirtualServiceForm service) {
            return VirtualServiceForms.problems(service);
        }
        return DestinationRuleForms.problems((DestinationRuleForm) form);
    }

    /** Splits a comma separated text into its trimmed, non-empty entries (hosts, gateways, {@code key=value}s). */
    public static List<String> split(String text) {
        List<String> entries = new ArrayList<>();
        for (String entry : (text == null ? "" : text).split(",")) {
            if (!entry.isBlank()) {
                entries.add(entry.trim());
            }
        }
        return entries;
    }

    private static RoutingDocument kind(RoutingDocument document, String kind) {
        if (!document.kind().equals(kind)) {
            throw new RoutingFormException(List.of(new FormProblem("kind", "the document is a " + document.kind()
                    + ", not a " + kind)));
        }
        return document;
    }

    private static <T> T parse(RoutingDocument document, Class<T> type) throws RoutingYamlException {
        try {
            JsonNode tree = YAML.readTree(document.yaml());
            return SERIALIZATION.convertValue(tree, type);
        } catch (Exception e) {
            throw new RoutingYamlException(0, "cannot be read as a " + document.kind() + ": " + e.getMessage());
        }
    }

    /** {@code key=value} entries as a map; entries that are not such are left to {@link #labelProblems}. */
    static Map<String, String> labels(List<String> entries) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                labels.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
            }
        }
        return labels;
    }

    static List<String> entries(Map<String, String> labels) {
        List<String> entries = new ArrayList<>();
        if (labels != null) {
            labels.forEach((key, value) -> entries.add(key + "=" + value));
        }
        return entries;
    }

    static void labelProblems(List<String> entries, String field, List<FormProblem> problems) {
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals <= 0 || entry.substring(0, equals).isBlank()) {
                problems.add(new FormProblem(field, "'" + entry + "' is not key=value"));
                return;
            }
        }
    }

    /** Whether an object would be written as an empty mapping. */
    static boolean isEmpty(Object object) {
        return object == null || SERIALIZATION.convertValue(object, Map.class).isEmpty();
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static <T> List<T> orNull(List<T> values) {
        return values.isEmpty() ? null : new ArrayList<>(values);
    }
}
