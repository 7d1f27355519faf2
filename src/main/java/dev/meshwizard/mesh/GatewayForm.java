package dev.meshwizard.mesh;

import java.util.List;
import java.util.Objects;

/**
 * The form of a Gateway: the pods it configures and its servers.
 *
 * @param selector labels of the gateway pods as {@code key=value} entries
 * @param servers  the servers, in the order of the document
 */
public record GatewayForm(List<String> selector, List<Server> servers) implements RoutingForm {

    /** The protocols a server port may name. */
    public static final List<String> PROTOCOLS = List.of("HTTP", "HTTPS", "HTTP2", "GRPC", "TCP", "TLS", "MONGO");
    /** The TLS modes of a server; "" for none. */
    public static final List<String> TLS_MODES = List.of("", "SIMPLE", "MUTUAL", "PASSTHROUGH", "ISTIO_MUTUAL");

    public GatewayForm {
        selector = List.copyOf(Objects.requireNonNullElse(selector, List.of()));
        servers = List.copyOf(Objects.requireNonNullElse(servers, List.of()));
    }

    /**
     * One server of a Gateway.
     *
     * @param port           port number, 1 to 65535
     * @param portName       port name, required
     * @param protocol       one of {@link #PROTOCOLS}
     * @param hosts          hosts it serves, e.g. {@code bookinfo.example.com} or {@code default/*.example.com}
     * @param tlsMode        one of {@link #TLS_MODES}, "" for no TLS mode
     * @param credentialName the Secret holding the certificate, "" for none
     * @param httpsRedirect  whether plain HTTP requests are redirected to HTTPS
     */
    public record Server(int port, String portName, String protocol, List<String> hosts, String tlsMode,
                         String credentialName, boolean httpsRedirect) {

        public Server {
            portName = Objects.requireNonNullElse(portName, "");
            protocol = Objects.requireNonNullElse(protocol, "");
            hosts = List.copyOf(Objects.requireNonNullElse(hosts, List.of()));
            tlsMode = Objects.requireNonNullElse(tlsMode, "");
            credentialName = Objects.requireNonNullElse(credentialName, "");
        }
    }
}
