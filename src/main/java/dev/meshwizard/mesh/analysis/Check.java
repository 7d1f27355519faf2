package dev.meshwizard.mesh.analysis;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** One rule the mesh's configuration should follow; finds where it does not. Checks are stateless. */
public interface Check {

    /** The stable code of this check's findings, e.g. {@code MW0101}. */
    String code();

    /** The istioctl message this check's findings usually correspond to ({@link IstioMessage#NONE} if none). */
    default IstioMessage istio() {
        return IstioMessage.NONE;
    }

    /** The findings over a snapshot; never calls a cluster. */
    List<Finding> run(MeshSnapshot snapshot);

    /** A finding of this check, with the check's istioctl message. */
    default Finding finding(Severity severity, HasMetadata object, String path, String message, String fix) {
        return finding(istio(), severity, object, path, message, fix);
    }

    /** A finding of this check with a given istioctl message. */
    default Finding finding(IstioMessage istio, Severity severity, HasMetadata object, String path, String message,
                            String fix) {
        return new Finding(code(), istio, severity, ObjectRef.of(object), path, message, fix);
    }
}
