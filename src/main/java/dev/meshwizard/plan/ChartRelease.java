package dev.meshwizard.plan;

import java.util.List;
import java.util.Objects;

/**
 * One Helm release of the plan.
 *
 * @param name       release name, e.g. {@code istio-ingressgateway}
 * @param namespace  namespace, e.g. {@code istio-system}
 * @param component  which chart
 * @param valuesYaml the user's values file, exactly as written (comments and order kept)
 * @param sets       {@code key=value} overrides, as {@code helm --set} takes them, applied after the values file
 */
public record ChartRelease(String name, String namespace, Component component, String valuesYaml,
                           List<String> sets) {

    public ChartRelease {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(component, "component");
        valuesYaml = valuesYaml == null ? "" : valuesYaml;
        sets = sets == null ? List.of() : List.copyOf(sets);
    }

    public ChartRelease withValues(String newValues) {
        return new ChartRelease(name, namespace, component, newValues, sets);
    }

    /** The same release under another name (values and {@code --set} items kept). */
    public ChartRelease withName(String newName) {
        return new ChartRelease(newName, namespace, component, valuesYaml, sets);
    }
}
