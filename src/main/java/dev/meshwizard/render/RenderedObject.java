package dev.meshwizard.render;

import java.util.Objects;

/**
 * One Kubernetes object a chart rendered.
 *
 * @param apiVersion e.g. {@code apps/v1}
 * @param kind       e.g. {@code Deployment}
 * @param name       {@code metadata.name} ("" when absent)
 * @param namespace  {@code metadata.namespace} as the chart wrote it ("" when absent, e.g. cluster-scoped objects)
 * @param source     the template it came from, from Helm's {@code # Source:} comment ("" when absent)
 * @param yaml       the object's YAML as Helm rendered it, without the {@code # Source:} comment
 */
public record RenderedObject(String apiVersion, String kind, String name, String namespace, String source,
                             String yaml) {

    /** What {@link #displayYaml()} shows instead of a Secret's values. */
    public static final String REDACTED = "<redacted>";

    public RenderedObject {
        apiVersion = Objects.requireNonNullElse(apiVersion, "");
        kind = Objects.requireNonNullElse(kind, "");
        name = Objects.requireNonNullElse(name, "");
        namespace = Objects.requireNonNullElse(namespace, "");
        source = Objects.requireNonNullElse(source, "");
        yaml = Objects.requireNonNullElse(yaml, "");
    }

    /** True for a core {@code v1} Secret. */
    public boolean isSecret() {
        return "Secret".equals(kind) && "v1".equals(apiVersion);
    }

    /** {@code Kind/name}, e.g. {@code Deployment/istiod}. */
    public String id() {
        return kind + "/" + name;
    }

    /**
     * The YAML to show or write to files: a Secret's {@code data} and {@code stringData} values become
     * {@value #REDACTED}; other objects as rendered.
     */
    public String displayYaml() {
        return isSecret() ? SecretRedaction.redact(yaml) : yaml;
    }
}
