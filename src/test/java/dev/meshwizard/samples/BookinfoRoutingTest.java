package dev.meshwizard.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.render.RenderedManifests;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.testing.TestPlans;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookinfoRoutingTest {

    @TempDir
    Path dir;

    private static ServicePort port(String name, int port, int targetPort) {
        return new ServicePortBuilder().withName(name).withPort(port).withTargetPort(new IntOrString(targetPort))
                .build();
    }

    @Test
    void theGatewaySelectsTheReleasesPodLabelWithoutTheIstioPrefix() {
        assertThat(new BookinfoRouting("istio-ingressgateway", List.of(), "default").gateway().getSpec()
                .getSelector()).isEqualTo(Map.of("istio", "ingressgateway"));
        assertThat(new BookinfoRouting("istio-ingress", List.of(), "default").selector())
                .isEqualTo(Map.of("istio", "ingress"));
        assertThat(new BookinfoRouting("edge", List.of(), "default").selector()).isEqualTo(Map.of("istio", "edge"));
    }

    @Test
    void theServerListensOn8080WhenTheServiceTargetsItElseOn80() {
        Service targets8080 = new ServiceBuilder().withNewMetadata().withName("gw").endMetadata().withNewSpec()
                .withPorts(port("status-port", 15021, 15021), port("http2", 80, 8080), port("https", 443, 8443))
                .endSpec().build();
        List<ServicePort> chartDefaults = List.of(port("status-port", 15021, 15021), port("http2", 80, 80),
                port("https", 443, 443));

        Gateway on8080 = BookinfoRouting.forService("istio-ingressgateway", targets8080, "default").gateway();
        Gateway on80 = new BookinfoRouting("istio-ingressgateway", chartDefaults, "default").gateway();

        assertThat(on8080.getSpec().getServers()).singleElement().satisfies(server -> {
            assertThat(server.getPort().getNumber()).isEqualTo(8080L);
            assertThat(server.getPort().getProtocol()).isEqualTo("HTTP");
            assertThat(server.getHosts()).containsExactly("*");
        });
        assertThat(on80.getSpec().getServers().get(0).getPort().getNumber()).isEqualTo(80L);
        assertThat(on8080.getMetadata().getName()).isEqualTo("bookinfo-gateway");
    }

    @Test
    void theVirtualServiceSendsBookinfosPagesAndApiToProductpage() {
        VirtualService bookinfo = new BookinfoRouting("istio-ingressgateway", List.of(), "shop").virtualService();

        assertThat(bookinfo.getMetadata().getName()).isEqualTo("bookinfo");
        assertThat(bookinfo.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(bookinfo.getSpec().getHosts()).containsExactly("*");
        assertThat(bookinfo.getSpec().getGateways()).containsExactly("bookinfo-gateway");
        assertThat(bookinfo.getSpec().getHttp()).singleElement().satisfies(http -> {
            assertThat(http.getMatch()).extracting(HTTPMatchRequest::getUri).extracting(u -> u.getMatchType())
                    .containsExactly(new StringMatchExact("/productpage"), new StringMatchPrefix("/static"),
                            new StringMatchExact("/login"), new StringMatchExact("/logout"),
                            new StringMatchPrefix("/api/v1/products"));
            assertThat(http.getRoute()).singleElement().satisfies(route -> {
                assertThat(route.getDestination().getHost()).isEqualTo("productpage");
                assertThat(route.getDestination().getPort().getNumber()).isEqualTo(9080L);
            });
        });
    }

    @Test
    void fromAPlanTheRenderedGatewayServiceDecidesThePort() throws Exception {
        ChartSourceSpec source = ChartSourceSpec.chartsFolder(TestCharts.chartsFolder());
        InstallPlan plan = TestPlans.plan(Profile.DEFAULT, source);
        plan = plan.withReleases(plan.releases().stream().map(r -> r.name().equals("istio-ingressgateway")
                ? r.withValues("service:\n  ports:\n  - name: http2\n    port: 80\n    targetPort: 8080\n") : r)
                .toList());
        RenderedManifests manifests = new Renderer().render(plan, ChartSource.open(source, dir.resolve("cache")));

        BookinfoRouting routing = BookinfoRouting.forPlan(plan, manifests, "default");

        assertThat(routing.gatewayRelease()).isEqualTo("istio-ingressgateway");
        assertThat(routing.serverPort()).isEqualTo(8080);
        assertThat(routing.objects()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .containsExactly("Gateway/bookinfo-gateway", "VirtualService/bookinfo");
    }

    @Test
    void aPlanWithoutGatewayCannotRouteBookinfo() {
        InstallPlan minimal = TestPlans.plan(Profile.MINIMAL, ChartSourceSpec.chartsFolder(TestCharts.chartsFolder()));

        assertThatThrownBy(() -> BookinfoRouting.forPlan(minimal, new RenderedManifests(List.of()), "default"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no gateway");
    }
}
