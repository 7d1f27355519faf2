package dev.meshwizard.observe;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the ingress gateway can be reached from outside the cluster, derived as the Istio documentation does by
 * hand: the load balancer's hostname or IP with the Service port that leads to the Gateway's server port, else a
 * node's address with that port's nodePort, else nothing (a port-forward is needed).
 *
 * @param kind        how the address was found
 * @param host        the host, empty for {@link Kind#PORT_FORWARD_NEEDED}
 * @param port        the port to use from outside, or the Service port to port-forward to (0 when none leads to
 *                    the Gateway's server port)
 * @param servicePort the Service port whose targetPort is the Gateway's server port, 0 when none
 * @param reason      what was found, in plain words
 */
public record IngressAddress(Kind kind, String host, int port, int servicePort, String reason) {

    /** How the ingress can be reached. */
    public enum Kind {
        /** Through the Service's load balancer address. */
        LOAD_BALANCER,
        /** Through a node's address and the Service's nodePort. */
        NODE_PORT,
        /** Neither: forward a local port to the gateway Service or pod. */
        PORT_FORWARD_NEEDED
    }

    public IngressAddress {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code host:port} as the Istio documentation's {@code GATEWAY_URL}; empty when a port-forward is needed. */
    public Optional<String> gatewayUrl() {
        return kind == Kind.PORT_FORWARD_NEEDED ? Optional.empty() : Optional.of(hostPort(host, port));
    }

    /**
     * Derives the address of the gateway {@code service} for a Gateway server listening on {@code serverPort}.
     *
     * @param nodes          the cluster's nodes, used for a NodePort when the load balancer has no address
     * @param serverPort     the Gateway server's port number, e.g. 8080 for Bookinfo's Gateway
     * @param serverPortName the Gateway server's port name (or null), matched against a named targetPort or the
     *                       Service port's name when no targetPort has the number
     */
    public static IngressAddress derive(Service service, List<Node> nodes, int serverPort, String serverPortName) {
        String name = service.getMetadata().getNamespace() + "/" + service.getMetadata().getName();
        Optional<ServicePort> match = servicePort(service, serverPort, serverPortName);
        if (match.isEmpty()) {
            return new IngressAddress(Kind.PORT_FORWARD_NEEDED, "", 0, 0, "No port of Service " + name
                    + " has targetPort " + serverPort + ": traffic through the Service cannot reach the Gateway's "
                    + "server; port-forward to a gateway pod's port " + serverPort + ", or add the port to the Service");
        }
        ServicePort port = match.get();
        Optional<String> balancer = loadBalancerHost(service);
        if (balancer.isPresent()) {
            return new IngressAddress(Kind.LOAD_BALANCER, balancer.get(), port.getPort(), port.getPort(),
                    "Load balancer address of Service " + name + ", port " + port.getPort() + " (targetPort "
                    + serverPort + ")");
        }
        Integer nodePort = port.getNodePort();
        Optional<String> node = nodeAddress(nodes);
        if (nodePort != null && nodePort > 0 && node.isPresent()) {
            String why = "LoadBalancer".equals(service.getSpec().getType())
                    ? "the load balancer has no address yet" : "Service type " + service.getSpec().getType();
            return new IngressAddress(Kind.NODE_PORT, node.get(), nodePort, port.getPort(), "Node address with "
                    + "nodePort " + nodePort + " of Service " + name + " (" + why + ")");
        }
        String why = nodePort == null || nodePort == 0 ? "Service " + name + " has no load balancer address and no "
                + "nodePort" : "Service " + name + " has no load balancer address and no node has an address";
        return new IngressAddress(Kind.PORT_FORWARD_NEEDED, "", port.getPort(), port.getPort(), why
                + "; use a port-forward: kubectl port-forward -n " + service.getMetadata().getNamespace() + " svc/"
                + service.getMetadata().getName() + " 8080:" + port.getPort());
    }

    /** The Service port leading to the server port: by targetPort number first, then by name. */
    static Optional<ServicePort> servicePort(Service service, int serverPort, String serverPortName) {
        List<ServicePort> ports = service.getSpec() == null || service.getSpec().getPorts() == null ? List.of()
                : service.getSpec().getPorts();
        Optional<ServicePort> byNumber = ports.stream().filter(p -> targetNumber(p) == serverPort).findFirst();
        if (byNumber.isPresent() || serverPortName == null || serverPortName.isBlank()) {
            return byNumber;
        }
        return ports.stream().filter(p -> serverPortName.equals(targetName(p)) || serverPortName.equals(p.getName()))
                .findFirst();
    }

    private static int targetNumber(ServicePort port) {
        IntOrString target = port.getTargetPort();
        if (target == null) {
            return port.getPort() == null ? -1 : port.getPort();
        }
        return target.getIntVal() != null ? target.getIntVal() : -1;
    }

    private static String targetName(ServicePort port) {
        IntOrString target = port.getTargetPort();
        return target == null ? null : target.getStrVal();
    }

    private static Optional<String> loadBalancerHost(Service service) {
        if (service.getStatus() == null || service.getStatus().getLoadBalancer() == null
                || service.getStatus().getLoadBalancer().getIngress() == null) {
            return Optional.empty();
        }
        List<LoadBalancerIngress> ingress = service.getStatus().getLoadBalancer().getIngress();
        if (ingress.isEmpty()) {
            return Optional.empty();
        }
        LoadBalancerIngress first = ingress.get(0);
        if (first.getHostname() != null && !first.getHostname().isBlank()) {
            return Optional.of(first.getHostname());
        }
        return Optional.ofNullable(first.getIp()).filter(ip -> !ip.isBlank());
    }

    private static Optional<String> nodeAddress(List<Node> nodes) {
        for (String type : List.of("ExternalIP", "InternalIP")) {
            for (Node node : nodes) {
                List<NodeAddress> addresses = node.getStatus() == null || node.getStatus().getAddresses() == null
                        ? List.of() : node.getStatus().getAddresses();
                Optional<String> address = addresses.stream().filter(a -> type.equals(a.getType()))
                        .map(NodeAddress::getAddress).filter(a -> a != null && !a.isBlank()).findFirst();
                if (address.isPresent()) {
                    return address;
                }
            }
        }
        return Optional.empty();
    }

    private static String hostPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
