package dev.meshwizard.mesh.analysis;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * The object a finding is about.
 *
 * @param kind      e.g. {@code VirtualService}
 * @param namespace its namespace ("" for cluster-scoped objects such as Namespaces)
 * @param name      its name
 */
public record ObjectRef(String kind, String namespace, String name) {

    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        namespace = namespace == null ? "" : namespace;
        Objects.requireNonNull(name, "name");
    }

    /** The reference of an object; an object without a namespace is taken to be in {@code default}. */
    static ObjectRef of(HasMetadata object) {
        String namespace = "Namespace".equals(object.getKind()) ? "" : MeshSnapshot.namespace(object);
        return new ObjectRef(object.getKind(), namespace, object.getMetadata().getName());
    }

    /** {@code Kind name.namespace}, e.g. {@code VirtualService bookinfo.default}. */
    @Override
    public String toString() {
        return kind + " " + name + (namespace.isEmpty() ? "" : "." + namespace);
    }
}
