package dev.meshwizard.cluster.watch;

import dev.meshwizard.mesh.analysis.MeshSnapshot;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the mesh analysis needs from a cluster, across all namespaces: Services, Pods, Deployments,
 * Namespaces, the {@code networking.istio.io/v1} Gateways, VirtualServices, DestinationRules and ServiceEntries,
 * and RequestAuthentications.
 */
public final class MeshSnapshots {

    private MeshSnapshots() {
    }

    /** A live snapshot. Blocking: call from a background job. */
    public static MeshSnapshot gather(KubernetesClient client) {
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
                true,
                others(istio),
                null);
    }

    /** ServiceEntries and RequestAuthentications; none where the cluster does not serve them. Secrets are not read. */
    private static List<HasMetadata> others(IstioClient istio) {
        List<HasMetadata> others = new ArrayList<>();
        try {
            others.addAll(istio.v1().serviceEntries().inAnyNamespace().list().getItems());
        } catch (KubernetesClientException e) {
            // an Istio without the ServiceEntry API (or no permission): hosts are looked up among Services only
        }
        try {
            others.addAll(istio.v1().requestAuthentications().inAnyNamespace().list().getItems());
        } catch (KubernetesClientException e) {
            // as above: JWT claim routes are then reported as without RequestAuthentication
        }
        return others;
    }
}
