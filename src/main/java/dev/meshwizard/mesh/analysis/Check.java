package dev.meshwizard.mesh.analysis;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** One rule the mesh's configuration should follow; finds where it does not. Checks are stateless. */
public interface Check {

    /** The stable code of this check's findings, e.g. {@code MW0101}. */
    String code();

    /** The findings over a snapshot; never calls a cluster. */
    List<Finding> run(MeshSnapshot snapshot);

    /** A finding of this check. */
    default Finding finding(Severity severity, HasMetadata object, String path, String message, String fix) {
        return new Finding(code(), severity, ObjectRef.of(object), path, message, fix);
    }
}
