package dev.meshwizard.render;

import dev.meshwizard.plan.Component;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one release of the plan renders to.
 *
 * @param name         release name
 * @param namespace    release namespace
 * @param component    which Istio chart
 * @param chart        chart name, e.g. {@code istiod}
 * @param chartVersion chart version, e.g. {@code 1.30.3}
 * @param chartPath    the chart folder or archive Helm rendered
 * @param objects      the objects, in Helm's install order
 */
public record RenderedRelease(String name, String namespace, Component component, String chart, String chartVersion,
                              Path chartPath, List<RenderedObject> objects) {

    public RenderedRelease {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(component, "component");
        objects = List.copyOf(objects);
    }

    /** How many objects of each kind, in the order the kinds first appear. */
    public Map<String, Integer> countsByKind() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RenderedObject object : objects) {
            counts.merge(object.kind(), 1, Integer::sum);
        }
        return counts;
    }

    /** The objects of one kind. */
    public List<RenderedObject> ofKind(String kind) {
        return objects.stream().filter(o -> o.kind().equals(kind)).toList();
    }

    /** The object of this kind and name, if the release renders it. */
    public Optional<RenderedObject> find(String kind, String objectName) {
        return objects.stream().filter(o -> o.kind().equals(kind) && o.name().equals(objectName)).findFirst();
    }

    /**
     * The release's manifest as one multi-document YAML text, like {@code helm template} prints it, with
     * {@code # Source:} comments and Secret values {@linkplain RenderedObject#displayYaml() redacted}.
     */
    public String displayYaml() {
        StringBuilder text = new StringBuilder();
        for (RenderedObject object : objects) {
            text.append("---\n");
            if (!object.source().isEmpty()) {
                text.append("# Source: ").append(object.source()).append('\n');
            }
            text.append(object.displayYaml()).append('\n');
        }
        return text.toString();
    }
}
