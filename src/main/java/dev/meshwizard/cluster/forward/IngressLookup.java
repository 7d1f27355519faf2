package dev.meshwizard.cluster.forward;

import dev.meshwizard.observe.IngressAddress;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Finds the ingress gateway's Service of a gateway release and where it can be reached from outside (see
 * {@link IngressAddress}). Blocking: call from a background job.
 */
public final class IngressLookup {

    private static final String INSTANCE_LABEL = "app.kubernetes.io/instance";

    private final KubernetesClient client;

    public IngressLookup(KubernetesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Thrown when the release has no Service in the namespace. */
    public static final class NoGatewayServiceException extends Exception {
        private static final long serialVersionUID = 1L;

        NoGatewayServiceException(String message) {
            super(message);
        }
    }

    /**
     * The address of the gateway Service of {@code release} in {@code namespace} (labelled
     * {@code app.kubernetes.io/instance=<release>}, or named after the release).
     *
     * @param serverPort the Gateway server's port; when empty, the targetPort of the Service port named
     *                   {@code http2} (else {@code http}, else the first port that is not the status port)
     * @throws NoGatewayServiceException when no such Service exists
     * @throws KubernetesClientException when the cluster cannot be read
     */
    public IngressAddress address(String namespace, String release, OptionalInt serverPort)
            throws NoGatewayServiceException {
        Service service = gatewayService(namespace, release).orElseThrow(() -> new NoGatewayServiceException(
                "No Service of gateway release " + release + " in namespace " + namespace));
        List<Node> nodes;
        try {
            nodes = client.nodes().list().getItems();
        } catch (KubernetesClientException e) {
            nodes = List.of();
        }
        if (serverPort.isPresent()) {
            return IngressAddress.derive(service, nodes, serverPort.getAsInt(), null);
        }
        Optional<ServicePort> web = webPort(service);
        if (web.isEmpty()) {
            return IngressAddress.derive(service, nodes, -1, null);
        }
        IntOrString target = web.get().getTargetPort();
        if (target == null || target.getIntVal() != null) {
            int number = target == null ? web.get().getPort() : target.getIntVal();
            return IngressAddress.derive(service, nodes, number, null);
        }
        return IngressAddress.derive(service, nodes, -1, target.getStrVal());
    }

    /** The gateway Service of {@code release} in {@code namespace}, if there is one. */
    public Optional<Service> gatewayService(String namespace, String release) {
        List<Service> labelled = client.services().inNamespace(namespace).withLabel(INSTANCE_LABEL, release).list()
                .getItems();
        Optional<Service> byLabel = labelled.stream()
                .min(Comparator.comparing((Service s) -> !release.equals(s.getMetadata().getName()))
                        .thenComparing(s -> "ClusterIP".equals(s.getSpec().getType())));
        if (byLabel.isPresent()) {
            return byLabel;
        }
        return Optional.ofNullable(client.services().inNamespace(namespace).withName(release).get());
    }

    /** The Service port for web traffic: {@code http2}, else {@code http}, else the first but the status port. */
    static Optional<ServicePort> webPort(Service service) {
        List<ServicePort> ports = service.getSpec().getPorts() == null ? List.of() : service.getSpec().getPorts();
        for (String name : List.of("http2", "http")) {
            Optional<ServicePort> named = ports.stream().filter(p -> name.equals(p.getName())).findFirst();
            if (named.isPresent()) {
                return named;
            }
        }
        return ports.stream().filter(p -> !"status-port".equals(p.getName()) && !Integer.valueOf(15021)
                .equals(p.getPort())).findFirst();
    }
}
