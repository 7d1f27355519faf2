package dev.meshwizard.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.fabric8.istio.api.networking.v1.Gateway;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TlsGatewayTest {

    @Test
    void plainHttpIsRedirectedAndHttpsIsServedWithTheSecretsCertificate() {
        Gateway gateway = TlsGateway.gateway("shop-gateway", "istio-system", Map.of("istio", "ingressgateway"),
                List.of("shop.example.com"), "shop-cert");

        assertThat(gateway.getMetadata().getName()).isEqualTo("shop-gateway");
        assertThat(gateway.getSpec().getSelector()).isEqualTo(Map.of("istio", "ingressgateway"));
        List<Server> servers = gateway.getSpec().getServers();
        assertThat(servers).hasSize(2);
        Server http = servers.get(0);
        assertThat(http.getPort().getNumber()).isEqualTo(80L);
        assertThat(http.getPort().getProtocol()).isEqualTo("HTTP");
        assertThat(http.getTls().getHttpsRedirect()).isTrue();
        assertThat(http.getHosts()).containsExactly("shop.example.com");
        Server https = servers.get(1);
        assertThat(https.getPort().getNumber()).isEqualTo(443L);
        assertThat(https.getPort().getProtocol()).isEqualTo("HTTPS");
        assertThat(https.getTls().getMode()).isEqualTo(ServerTLSSettingsTLSmode.SIMPLE);
        assertThat(https.getTls().getCredentialName()).isEqualTo("shop-cert");
        assertThat(https.getHosts()).containsExactly("shop.example.com");
    }
}
