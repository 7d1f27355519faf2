package dev.meshwizard.mesh.analysis;

import static dev.meshwizard.mesh.analysis.MeshFixtures.pod;
import static dev.meshwizard.mesh.analysis.MeshFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.samples.BookinfoRouting;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MW0104 gateway selector, MW0105 gateway port, MW0106 VirtualService host under its Gateway. */
class GatewayChecksTest {

    private static final List<ServicePort> CHART_PORTS = List.of(port(15021, 15021), port(80, 80), port(443, 443));
    private static final List<ServicePort> PORTS_TO_8080 = List.of(port(15021, 15021), port(80, 8080),
            port(443, 8443));

    private static ServicePort port(int port, int targetPort) {
        return new ServicePortBuilder().withName("p" + port).withPort(port)
                .withTargetPort(new IntOrString(targetPort)).build();
    }

    private static PlannedGateway planned(String release, List<ServicePort> ports) {
        return new PlannedGateway(release, "istio-system",
                Map.of("app", release, "istio", PlannedGateway.istioLabel(release)), ports);
    }

    /** Bookinfo's Gateway as Istio's sample writes it: istio=ingressgateway, port 8080. */
    private static List<HasMetadata> bookinfoGateway() {
        return new BookinfoRouting("istio-ingressgateway", PORTS_TO_8080, "default").objects();
    }

    @Test
    void aSelectorThatNoPlannedGatewayCarriesIsAnError() {
        MeshSnapshot snapshot = MeshSnapshot.offline(bookinfoGateway())
                .withPlannedGateways(List.of(planned("istio-ingress", PORTS_TO_8080)));

        assertThat(new GatewaySelectorCheck().run(snapshot)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("MW0104");
            assertThat(f.object()).isEqualTo(new ObjectRef("Gateway", "default", "bookinfo-gateway"));
            assertThat(f.path()).isEqualTo("spec.selector");
            assertThat(f.message()).contains("istio=ingressgateway")
                    .contains("istio-ingress labels its pods istio=ingress");
            assertThat(f.fix()).contains("istio: ingress");
        });
    }

    @Test
    void aSelectorThatThePlannedReleaseCarriesIsFineAndWithoutAnyWorkloadItIsReportedAsIstioctlDoes() {
        MeshSnapshot planned = MeshSnapshot.offline(bookinfoGateway())
                .withPlannedGateways(List.of(planned("istio-ingressgateway", PORTS_TO_8080)));

        assertThat(new GatewaySelectorCheck().run(planned)).isEmpty();
        assertThat(new GatewaySelectorCheck().run(MeshSnapshot.offline(bookinfoGateway())))
                .singleElement().satisfies(f -> {
                    assertThat(f.istioCode()).isEqualTo("IST0101");
                    assertThat(f.message()).contains("it has no Pods, Deployments");
                });
    }

    @Test
    void onAClusterTheSelectorMustMatchRunningPods() {
        MeshSnapshot none = MeshSnapshot.empty(true).with(bookinfoGateway());
        MeshSnapshot running = none.with(List.of(pod("gw-1", "istio-system", Map.of("istio", "ingressgateway"),
                true)));

        assertThat(new GatewaySelectorCheck().run(none)).extracting(Finding::message).singleElement().asString()
                .contains("matches no gateway pods");
        assertThat(new GatewaySelectorCheck().run(running)).isEmpty();
    }

    @Test
    void aServerPortThatTheGatewayServiceDoesNotTargetIsAnError() {
        MeshSnapshot snapshot = MeshSnapshot.offline(bookinfoGateway())
                .withPlannedGateways(List.of(planned("istio-ingressgateway", CHART_PORTS)));

        assertThat(new GatewayPortCheck().run(snapshot)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("MW0105");
            assertThat(f.path()).isEqualTo("spec.servers[0].port.number");
            assertThat(f.message()).contains("port 8080").contains("80, 443, 15021");
        });
        assertThat(new GatewayPortCheck().run(snapshot.withPlannedGateways(List.of(
                planned("istio-ingressgateway", PORTS_TO_8080))))).isEmpty();
    }

    @Test
    void onAClusterTheGatewayServiceIsTheOneSelectingTheGatewayPods() {
        List<HasMetadata> objects = new ArrayList<>(new BookinfoRouting("istio-ingressgateway", CHART_PORTS,
                "default").objects());
        objects.addAll(yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: istio-ingressgateway, namespace: istio-system}
                spec:
                  selector: {istio: ingressgateway}
                  ports:
                  - {name: http2, port: 80, targetPort: 8080}
                """));
        objects.add(pod("gw-1", "istio-system", Map.of("istio", "ingressgateway"), true));
        MeshSnapshot live = MeshSnapshot.empty(true).with(objects);

        assertThat(new GatewayPortCheck().run(live)).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("port 80 ").contains("istio-ingressgateway");
            assertThat(f.fix()).contains("targetPort 80");
        });
    }

    @Test
    void aGatewayServiceWithNamedTargetPortsThatThePodsDoNotNameIsNotJudged() {
        List<HasMetadata> objects = new ArrayList<>(bookinfoGateway());
        objects.addAll(yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: istio-ingressgateway, namespace: istio-system}
                spec:
                  selector: {istio: ingressgateway}
                  ports:
                  - {name: http2, port: 80, targetPort: http}
                """));
        objects.add(pod("gw-1", "istio-system", Map.of("istio", "ingressgateway"), true));

        assertThat(new GatewayPortCheck().run(MeshSnapshot.empty(true).with(objects))).isEmpty();
    }

    private static List<HasMetadata> boundTo(String gatewayNamespace, String gatewayHost, String virtualServiceHost) {
        return yaml("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: shop, namespace: %s}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: ["%s"]
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: shop, namespace: default}
                spec:
                  hosts: ["%s"]
                  gateways: [%s/shop]
                  http:
                  - route:
                    - destination: {host: web}
                """.formatted(gatewayNamespace, gatewayHost, virtualServiceHost, gatewayNamespace));
    }

    @Test
    void aVirtualServiceHostOutsideItsGatewaysHostsIsAnError() {
        assertThat(new GatewayHostCheck().run(MeshSnapshot.offline(boundTo("istio-system", "*.shop.com",
                "bookinfo.example.com")))).singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo("MW0106");
                    assertThat(f.object()).isEqualTo(new ObjectRef("VirtualService", "default", "shop"));
                    assertThat(f.istioCode()).isEqualTo("IST0132");
                    assertThat(f.path()).isEqualTo("spec.gateways[0]");
                    assertThat(f.message()).contains("bookinfo.example.com").contains("*.shop.com");
                });
        assertThat(new GatewayHostCheck().run(MeshSnapshot.offline(boundTo("istio-system", "web/www.shop.com",
                "www.shop.com")))).hasSize(1);
    }

    @Test
    void wildcardsAndNamespacePrefixesThatCoverTheHostAreFine() {
        assertThat(new GatewayHostCheck().run(MeshSnapshot.offline(boundTo("istio-system", "*", "a.b.c"))))
                .isEmpty();
        assertThat(new GatewayHostCheck().run(MeshSnapshot.offline(boundTo("istio-system", "*.shop.com",
                "www.shop.com")))).isEmpty();
        assertThat(new GatewayHostCheck().run(MeshSnapshot.offline(boundTo("istio-system", "default/www.shop.com",
                "www.shop.com")))).isEmpty();
        assertThat(new GatewayHostCheck().run(MeshSnapshot.offline(boundTo("default", "./www.shop.com",
                "www.shop.com")))).isEmpty();
        assertThat(new GatewayHostCheck().run(MeshSnapshot.offline(boundTo("istio-system", "*/*.shop.com",
                "*.shop.com")))).isEmpty();
    }
}
