package dev.meshwizard.diff;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How one Kubernetes object differs between two sets of objects. The YAML shown here is normalised (server-owned
 * fields dropped, keys sorted) and never holds a Secret's values.
 *
 * @param apiVersion e.g. {@code networking.istio.io/v1}, from the new object when there is one
 * @param kind       e.g. {@code VirtualService}
 * @param namespace  {@code metadata.namespace}, "" for cluster-scoped objects
 * @param name       {@code metadata.name}
 * @param type       whether the object was added, removed, changed or left as it was
 * @param beforeYaml the old object's YAML, "" when it was added
 * @param afterYaml  the new object's YAML, "" when it was removed
 * @param lines      unified line diff from {@code beforeYaml} to {@code afterYaml} with context and hunk markers;
 *                   empty when unchanged
 */
public record ObjectChange(String apiVersion, String kind, String namespace, String name, Type type,
                           String beforeYaml, String afterYaml, List<DiffLine> lines) {

    /** What happened to an object. */
    public enum Type {
        /** Only in the new set. */
        ADDED,
        /** Only in the old set. */
        REMOVED,
        /** In both, with different content. */
        CHANGED,
        /** In both, with the same content once noise is dropped. */
        UNCHANGED
    }

    public ObjectChange {
        apiVersion = Objects.requireNonNullElse(apiVersion, "");
        kind = Objects.requireNonNullElse(kind, "");
        namespace = Objects.requireNonNullElse(namespace, "");
        name = Objects.requireNonNullElse(name, "");
        Objects.requireNonNull(type);
        beforeYaml = Objects.requireNonNullElse(beforeYaml, "");
        afterYaml = Objects.requireNonNullElse(afterYaml, "");
        lines = List.copyOf(lines);
    }

    /** {@code Kind/name} or {@code Kind/namespace/name}, e.g. {@code Gateway/bookinfo/bookinfo-gateway}. */
    public String id() {
        return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }

    /** The diff lines as {@code diff -u} text, one line each, without file headers. */
    public String unifiedText() {
        return lines.stream().map(DiffLine::unified).collect(Collectors.joining("\n"));
    }
}
