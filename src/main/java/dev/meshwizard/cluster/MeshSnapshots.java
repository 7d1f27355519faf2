package dev.meshwizard.cluster;

import dev.meshwizard.mesh.analysis.MeshSnapshot;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * Reads what the mesh analysis needs from a cluster, across all namespaces: Services, Pods, Deployments,
 * Namespaces, and the {@code networking.istio.io/v1} Gateways, VirtualServices and DestinationRules.
 */
final class MeshSnapshots {

    private MeshSnapshots() {
    }

    /** A live snapshot. Blocking: call from a background job. */
    static MeshSnapshot gather(KubernetesClient client) {
        IstioClient istio = client.adapt(IstioClient.class);
        return new MeshSnapshot(
                istio.v1().gateways().inAnyNamespace().list().getItems(),
                istio.v1().virtualServices().inAnyNamespace().list().getItems(),
                istio.v1().destinationRules().inAnyNamespace().list().getItems(),
                client.services().inAnyNamespace().list().getItems(),
                client.pods().inAnyNamespace().list().getItems(),
                client.apps().deployments().inAnyNamespace().list().getItems(),
                client.namespaces().list().getItems(),
                List.of(),
                true);
    }
}
