package dev.meshwizard.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.observe.IngressAddress.Kind;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngressAddressTest {

    private static ServiceBuilder gatewayService(String type) {
        return new ServiceBuilder().withNewMetadata().withNamespace("istio-system").withName("istio-ingressgateway")
                .endMetadata().withNewSpec().withType(type)
                .withPorts(new ServicePortBuilder().withName("status-port").withPort(15021)
                                .withTargetPort(new IntOrString(15021)).withNodePort(31021).build(),
                        new ServicePortBuilder().withName("http2").withPort(80).withTargetPort(new IntOrString(8080))
                                .withNodePort(31380).build(),
                        new ServicePortBuilder().withName("https").withPort(443).withTargetPort(new IntOrString(8443))
                                .withNodePort(31390).build())
                .endSpec();
    }

    private static Node node(String name, String type, String address) {
        return new NodeBuilder().withNewMetadata().withName(name).endMetadata().withNewStatus()
                .addNewAddress().withType("Hostname").withAddress(name).endAddress()
                .addNewAddress().withType(type).withAddress(address).endAddress().endStatus().build();
    }

    @Test
    void anAwsLoadBalancerGivesItsHostnameWithTheServicePortLeadingToTheGatewayPort() {
        Service service = gatewayService("LoadBalancer").withNewStatus().withNewLoadBalancer().addNewIngress()
                .withHostname("a1b2.elb.us-east-1.amazonaws.com").endIngress().endLoadBalancer().endStatus().build();

        IngressAddress address = IngressAddress.derive(service, List.of(), 8080, "http");

        assertThat(address.kind()).isEqualTo(Kind.LOAD_BALANCER);
        assertThat(address.gatewayUrl()).hasValue("a1b2.elb.us-east-1.amazonaws.com:80");
        assertThat(address.servicePort()).isEqualTo(80);
    }

    @Test
    void aLoadBalancerWithAnIpGivesTheIpAndKeepsThePortEvenWhenItIs80() {
        Service service = gatewayService("LoadBalancer").withNewStatus().withNewLoadBalancer().addNewIngress()
                .withIp("34.120.1.2").endIngress().endLoadBalancer().endStatus().build();

        IngressAddress address = IngressAddress.derive(service, List.of(node("n1", "ExternalIP", "1.2.3.4")),
                8443, null);

        assertThat(address.kind()).isEqualTo(Kind.LOAD_BALANCER);
        assertThat(address.gatewayUrl()).hasValue("34.120.1.2:443");
    }

    @Test
    void aPendingLoadBalancerFallsBackToANodesExternalAddressAndTheNodePort() {
        Service service = gatewayService("LoadBalancer").build();
        List<Node> nodes = List.of(node("n1", "InternalIP", "192.168.49.2"), node("n2", "ExternalIP", "5.6.7.8"));

        IngressAddress address = IngressAddress.derive(service, nodes, 8080, null);

        assertThat(address.kind()).isEqualTo(Kind.NODE_PORT);
        assertThat(address.gatewayUrl()).hasValue("5.6.7.8:31380");
        assertThat(address.reason()).contains("no address yet");
    }

    @Test
    void withoutExternalAddressesANodePortServiceUsesAnInternalIp() {
        IngressAddress address = IngressAddress.derive(gatewayService("NodePort").build(),
                List.of(node("kind-control-plane", "InternalIP", "172.18.0.2")), 8080, null);

        assertThat(address.kind()).isEqualTo(Kind.NODE_PORT);
        assertThat(address.gatewayUrl()).hasValue("172.18.0.2:31380");
    }

    @Test
    void aNamedTargetPortIsMatchedByTheGatewayPortsName() {
        Service service = new ServiceBuilder(gatewayService("LoadBalancer").build()).editSpec()
                .withPorts(new ServicePortBuilder().withName("web").withPort(8000)
                        .withTargetPort(new IntOrString("http2")).build())
                .endSpec().withNewStatus().withNewLoadBalancer().addNewIngress().withIp("10.1.1.1").endIngress()
                .endLoadBalancer().endStatus().build();

        IngressAddress address = IngressAddress.derive(service, List.of(), 8080, "http2");

        assertThat(address.gatewayUrl()).hasValue("10.1.1.1:8000");
    }

    @Test
    void aClusterIpServiceNeedsAPortForwardAndSaysHow() {
        Service service = new ServiceBuilder(gatewayService("ClusterIP").build()).editSpec()
                .withPorts(new ServicePortBuilder().withName("http2").withPort(80)
                        .withTargetPort(new IntOrString(8080)).build()).endSpec().build();

        IngressAddress address = IngressAddress.derive(service, List.of(node("n1", "InternalIP", "10.0.0.1")),
                8080, null);

        assertThat(address.kind()).isEqualTo(Kind.PORT_FORWARD_NEEDED);
        assertThat(address.gatewayUrl()).isEmpty();
        assertThat(address.servicePort()).isEqualTo(80);
        assertThat(address.reason()).contains("port-forward").contains("svc/istio-ingressgateway");
    }

    @Test
    void aGatewayPortThatNoServicePortTargetsIsExplained() {
        Service service = gatewayService("LoadBalancer").withNewStatus().withNewLoadBalancer().addNewIngress()
                .withIp("34.120.1.2").endIngress().endLoadBalancer().endStatus().build();

        IngressAddress address = IngressAddress.derive(service, List.of(), 9999, "http-alt");

        assertThat(address.kind()).isEqualTo(Kind.PORT_FORWARD_NEEDED);
        assertThat(address.servicePort()).isZero();
        assertThat(address.reason()).contains("targetPort 9999");
    }
}
