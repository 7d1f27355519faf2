package dev.meshwizard.cluster.forward;


import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The pods whose {@value LogTail#PROXY_CONTAINER} log carries access logs: an ingress gateway release's pods and the
 * workloads with a sidecar; and a port-forward to the gateway's pods for when the gateway has no address from outside
 * the cluster. Blocking methods: call them from a background job.
 */
public final class ProxyPods {

    /** The local port a gateway forward takes when it is free, as the Istio documentation's port-forward does. */
    public static final int GATEWAY_LOCAL_PORT = 8080;

    /**
     * A pod with an Envoy proxy.
     *
     * @param namespace the pod's namespace
     * @param name      the pod's name
     * @param ready     true when the pod is running and ready
     */
    public record ProxyPod(String namespace, String name, boolean ready) {

        public ProxyPod {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(name, "name");
        }

        /** {@code namespace/name}. */
        public String key() {
            return namespace + "/" + name;
        }
    }

    private static final Comparator<ProxyPod> BY_KEY = Comparator.comparing(ProxyPod::namespace)
            .thenComparing(ProxyPod::name);

    private final PortForwards forwards;
    private final KubernetesClient client;

    public ProxyPods(PortForwards forwards, KubernetesClient client) {
        this.forwards = Objects.requireNonNull(forwards, "forwards");
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * The pods that the gateway Service of {@code release} selects, by name.
     *
     * @throws IngressLookup.NoGatewayServiceException when the release has no Service in the namespace
     */
    public List<ProxyPod> gateway(String namespace, String release) throws IngressLookup.NoGatewayServiceException {
        Service service = service(namespace, release);
        return selected(namespace, service).map(ProxyPods::row).sorted(BY_KEY).toList();
    }

    /** Every pod with a {@value LogTail#PROXY_CONTAINER} container (or native sidecar), by namespace and name. */
    public List<ProxyPod> withSidecar() {
        return client.pods().inAnyNamespace().list().getItems().stream().filter(ProxyPods::hasProxy)
                .map(ProxyPods::row).sorted(BY_KEY).toList();
    }

    /**
     * Forwards a local port ({@value #GATEWAY_LOCAL_PORT} when free) to the port the gateway's pods serve the
     * Gateway's server on, following a new pod when that one goes away. Closed with the session.
     *
     * @param serverPort the Gateway server's port; when empty, the targetPort of the Service's web port
     * @param listener   gets every state change, on the forward's own thread
     * @throws IngressLookup.NoGatewayServiceException when the release has no Service or the Service no selector
     */
    public PodForward forwardToGateway(String namespace, String release, OptionalInt serverPort,
                                       PodForward.Listener listener) throws IngressLookup.NoGatewayServiceException {
        Service service = service(namespace, release);
        Map<String, String> selector = Optional.ofNullable(service.getSpec().getSelector()).orElse(Map.of());
        if (selector.isEmpty()) {
            throw new IngressLookup.NoGatewayServiceException("Service " + namespace + "/"
                    + service.getMetadata().getName() + " selects no pods");
        }
        String key = Stream.of("app", "istio").filter(selector::containsKey).findFirst()
                .orElse(selector.keySet().iterator().next());
        int podPort = serverPort.isPresent() ? serverPort.getAsInt() : podPort(namespace, service);
        return forwards.open(namespace, key, selector.get(key), podPort, GATEWAY_LOCAL_PORT, listener);
    }

    private Service service(String namespace, String release) throws IngressLookup.NoGatewayServiceException {
        return new IngressLookup(client).gatewayService(namespace, release).orElseThrow(() ->
                new IngressLookup.NoGatewayServiceException("No Service of gateway release " + release
                        + " in namespace " + namespace));
    }

    private Stream<Pod> selected(String namespace, Service service) {
        Map<String, String> selector = service.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            return Stream.empty();
        }
        return client.pods().inNamespace(namespace).withLabels(selector).list().getItems().stream();
    }

    /** The pods' port behind the Service's web port: its targetPort, a named one looked up in a pod. */
    private int podPort(String namespace, Service service) {
        Optional<ServicePort> web = IngressLookup.webPort(service);
        if (web.isEmpty()) {
            return GATEWAY_LOCAL_PORT;
        }
        IntOrString target = web.get().getTargetPort();
        if (target == null) {
            return web.get().getPort();
        }
        if (target.getIntVal() != null) {
            return target.getIntVal();
        }
        return selected(namespace, service).flatMap(pod -> pod.getSpec().getContainers().stream())
                .map(Container::getPorts).filter(Objects::nonNull).flatMap(List::stream)
                .filter(port -> target.getStrVal().equals(port.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElse(web.get().getPort());
    }

    private static boolean hasProxy(Pod pod) {
        return Stream.concat(pod.getSpec().getContainers().stream(),
                        Optional.ofNullable(pod.getSpec().getInitContainers()).orElse(List.of()).stream())
                .anyMatch(c -> LogTail.PROXY_CONTAINER.equals(c.getName()));
    }

    private static ProxyPod row(Pod pod) {
        return new ProxyPod(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), PortForwards.isReady(pod));
    }
}
