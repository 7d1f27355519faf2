package dev.meshwizard.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-side apply of ready-made objects with Mesh Wizard's field manager, taking over fields that another
 * manager set (as {@code kubectl apply --server-side --force-conflicts} does).
 */
final class ServerSideApply {

    /** The field manager of everything Mesh Wizard applies. */
    static final String FIELD_MANAGER = "mesh-wizard";

    private ServerSideApply() {
    }

    /**
     * Applies each object in order; stops at the first the server refuses.
     *
     * @return each object as {@code Kind namespace/name} (or {@code Kind name} when cluster-scoped)
     */
    static List<String> apply(KubernetesClient client, List<? extends HasMetadata> objects) {
        List<String> applied = new ArrayList<>();
        for (HasMetadata object : objects) {
            object.getMetadata().setResourceVersion(null);
            object.getMetadata().setManagedFields(null);
            client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
            applied.add(describe(object));
        }
        return applied;
    }

    static String describe(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return object.getKind() + " " + (namespace == null || namespace.isEmpty() ? "" : namespace + "/")
                + object.getMetadata().getName();
    }
}
