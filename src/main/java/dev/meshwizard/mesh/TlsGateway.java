package dev.meshwizard.mesh;

import static dev.meshwizard.mesh.IstioObjects.meta;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.GatewayBuilder;
import java.util.List;
import java.util.Map;

/**
 * A Gateway that serves HTTPS with a certificate from a {@code kubernetes.io/tls} Secret and answers plain HTTP
 * with a redirect to HTTPS.
 */
public final class TlsGateway {

    /** The HTTP port the redirect listens on. */
    public static final int HTTP_PORT = 80;
    /** The HTTPS port. */
    public static final int HTTPS_PORT = 443;

    private TlsGateway() {
    }

    /**
     * The Gateway: server {@code http} on port 80 redirecting to HTTPS, server {@code https} on port 443 with TLS
     * mode SIMPLE and the Secret as credential.
     *
     * @param selector   the gateway pods' labels, e.g. {@code istio: ingressgateway}
     * @param hosts      the hosts served, e.g. {@code shop.example.com}
     * @param secretName the TLS Secret, in the gateway's namespace
     */
    public static Gateway gateway(String name, String namespace, Map<String, String> selector, List<String> hosts,
                                  String secretName) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a TLS gateway needs at least one host");
        }
        if (secretName == null || secretName.isBlank()) {
            throw new IllegalArgumentException("a TLS gateway needs the name of its certificate's Secret");
        }
        Server redirect = new ServerBuilder()
                .withNewPort().withNumber((long) HTTP_PORT).withName("http").withProtocol("HTTP").endPort()
                .withHosts(hosts)
                .withNewTls().withHttpsRedirect(true).endTls()
                .build();
        Server https = new ServerBuilder()
                .withNewPort().withNumber((long) HTTPS_PORT).withName("https").withProtocol("HTTPS").endPort()
                .withHosts(hosts)
                .withNewTls().withMode(ServerTLSSettingsTLSmode.SIMPLE).withCredentialName(secretName).endTls()
                .build();
        return new GatewayBuilder()
                .withMetadata(meta(name, namespace))
                .withNewSpec().withSelector(selector).withServers(redirect, https).endSpec()
                .build();
    }
}
