package dev.meshwizard.ui.values;

import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.ValuesDocument;
import dev.meshwizard.ui.values.ReleaseValuesViewModel.Annotation;
import dev.meshwizard.ui.values.ReleaseValuesViewModel.PortLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the values form shows for each chart, and how form text and values-file content convert. */
final class ValuesForm {

    private ValuesForm() {
    }

    /** The form's fields for a chart: values path and label. */
    static List<String[]> fieldsFor(Component component) {
        return switch (component) {
            case GATEWAY -> List.of(new String[] {"service.type", "Service type"},
                    new String[] {"replicaCount", "Replicas"},
                    new String[] {"autoscaling.enabled", "Autoscaling"},
                    new String[] {"autoscaling.minReplicas", "Min replicas"},
                    new String[] {"autoscaling.maxReplicas", "Max replicas"},
                    new String[] {"resources.requests.cpu", "CPU request"},
                    new String[] {"resources.requests.memory", "Memory request"});
            case ISTIOD -> List.of(new String[] {"meshConfig.accessLogFile", "Access log file"},
                    new String[] {"pilot.traceSampling", "Trace sampling (%)"},
                    new String[] {"pilot.resources.requests.cpu", "CPU request"},
                    new String[] {"pilot.resources.requests.memory", "Memory request"});
            case BASE -> List.<String[]>of(new String[] {"defaultRevision", "Default revision"});
            default -> List.of();
        };
    }

    /** Numbers and booleans typed in the form become YAML numbers and booleans; the rest stays text. */
    static Object typed(String value) {
        String v = value.trim();
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        if (v.matches("-?\\d{1,9}")) {
            return Integer.parseInt(v);
        }
        if (v.matches("-?\\d+\\.\\d+")) {
            return Double.parseDouble(v);
        }
        return v;
    }

    static List<PortLine> portsOf(ValuesDocument doc) {
        List<PortLine> lines = new ArrayList<>();
        if (doc.get("service.ports").orElse(null) instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> map) {
                    lines.add(new PortLine(text(map.get("name")), text(map.get("port")), text(map.get("targetPort")),
                            text(map.get("protocol"))));
                }
            }
        }
        return lines;
    }

    static List<Annotation> annotationsOf(ValuesDocument doc) {
        List<Annotation> lines = new ArrayList<>();
        if (doc.get("service.annotations").orElse(null) instanceof Map<?, ?> map) {
            map.forEach((k, v) -> lines.add(new Annotation(String.valueOf(k), text(v))));
        }
        return lines;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

}
