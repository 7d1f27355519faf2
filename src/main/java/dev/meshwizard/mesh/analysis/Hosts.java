package dev.meshwizard.mesh.analysis;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import java.util.Optional;

/** How Istio reads a host name in a routing object, and which Service it names. */
final class Hosts {

    private static final String CLUSTER_SUFFIX = ".svc.cluster.local";

    private Hosts() {
    }

    /** A Service's name and namespace. */
    record ServiceKey(String name, String namespace) {
        @Override
        public String toString() {
            return name + "." + namespace + CLUSTER_SUFFIX;
        }
    }

    /**
     * The Service a host names, as Istio reads it in an object of {@code namespace}: a short name (no dot) is in
     * that namespace; {@code name.ns.svc.cluster.local} is in {@code ns}. Any other host is not a Service of the
     * cluster (a ServiceEntry's, or external), and gives empty.
     */
    static Optional<ServiceKey> service(String host, String namespace) {
        if (host == null || host.isEmpty() || host.contains("*")) {
            return Optional.empty();
        }
        if (!host.contains(".")) {
            return Optional.of(new ServiceKey(host, namespace));
        }
        if (host.endsWith(CLUSTER_SUFFIX)) {
            String[] parts = host.substring(0, host.length() - CLUSTER_SUFFIX.length()).split("\\.");
            if (parts.length == 2) {
                return Optional.of(new ServiceKey(parts[0], parts[1]));
            }
        }
        return Optional.empty();
    }

    /** The Service a host of a routing object names (see {@link #service(String, String)}). */
    static Optional<ServiceKey> service(String host, HasMetadata inObject) {
        return service(host, MeshSnapshot.namespace(inObject));
    }

    /** The Service of the snapshot with this key. */
    static Optional<Service> find(MeshSnapshot snapshot, ServiceKey key) {
        return snapshot.services().stream()
                .filter(s -> s.getMetadata().getName().equals(key.name())
                        && MeshSnapshot.namespace(s).equals(key.namespace()))
                .findFirst();
    }
}
