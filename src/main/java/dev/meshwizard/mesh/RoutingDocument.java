package dev.meshwizard.mesh;

import java.util.Locale;
import java.util.Objects;

/**
 * One routing object of a workspace (a Gateway, VirtualService or DestinationRule) as the YAML text the user edits.
 * Kind, namespace and name are read from the text when it was last valid, so that a document keeps its file while
 * its text is being edited into shape.
 *
 * @param kind      e.g. {@code VirtualService}
 * @param namespace {@code metadata.namespace}, "" when the text names none
 * @param name      {@code metadata.name}
 * @param yaml      the text, exactly as written
 */
public record RoutingDocument(String kind, String namespace, String name, String yaml) {

    public RoutingDocument {
        kind = Objects.requireNonNullElse(kind, "");
        namespace = Objects.requireNonNullElse(namespace, "");
        name = Objects.requireNonNullElse(name, "");
        yaml = Objects.requireNonNullElse(yaml, "");
    }

    /**
     * The file the document is stored in: {@code <kind>-<name>.yaml} in lower case, e.g.
     * {@code virtualservice-reviews.yaml}.
     */
    public String fileName() {
        String base = (kind + "-" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
        return base + ".yaml";
    }

    /** {@code Kind name.namespace} as findings name objects, e.g. {@code VirtualService reviews.default}. */
    public String title() {
        return kind + " " + name + (namespace.isEmpty() ? "" : "." + namespace);
    }

    /** Whether the document is the object a finding or cluster names; a missing namespace counts as {@code default}. */
    public boolean is(String otherKind, String otherNamespace, String otherName) {
        String mine = namespace.isEmpty() ? "default" : namespace;
        String theirs = otherNamespace == null || otherNamespace.isEmpty() ? "default" : otherNamespace;
        return kind.equals(otherKind) && name.equals(otherName) && mine.equals(theirs);
    }

    /** The same object with a new text (kind, namespace and name as read from it by the caller). */
    public RoutingDocument withYaml(String newYaml) {
        return new RoutingDocument(kind, namespace, name, newYaml);
    }
}
