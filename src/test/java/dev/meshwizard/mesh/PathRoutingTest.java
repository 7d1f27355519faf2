package dev.meshwizard.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathRoutingTest {

    @Test
    void eachPrefixGoesToItsOwnServiceAndPortWithThePrefixRewritten() {
        VirtualService api = PathRouting.virtualService("api", "platform", "api.example.com",
                "istio-system/public-gateway",
                List.of(new PathRoute("/storage", "storage-svc", 10011), new PathRoute("/iam", "iam-svc", 10012)), "/");

        assertThat(api.getMetadata().getName()).isEqualTo("api");
        assertThat(api.getMetadata().getNamespace()).isEqualTo("platform");
        assertThat(api.getSpec().getHosts()).containsExactly("api.example.com");
        assertThat(api.getSpec().getGateways()).containsExactly("istio-system/public-gateway");
        List<HTTPRoute> http = api.getSpec().getHttp();
        assertThat(http).extracting(r -> r.getMatch().get(0).getUri().getMatchType(), r -> r.getRewrite().getUri(),
                        r -> r.getRoute().get(0).getDestination().getHost(),
                        r -> r.getRoute().get(0).getDestination().getPort().getNumber())
                .containsExactly(tuple(new StringMatchPrefix("/storage"), "/", "storage-svc", 10011L),
                        tuple(new StringMatchPrefix("/iam"), "/", "iam-svc", 10012L));
        assertThat(http).allSatisfy(r -> assertThat(r.getRoute()).hasSize(1));
    }

    @Test
    void aPrefixWithoutLeadingSlashOrAPortOutOfRangeIsRejected() {
        assertThatThrownBy(() -> new PathRoute("storage", "storage-svc", 10011))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts with /");
        assertThatThrownBy(() -> new PathRoute("/storage", "storage-svc", 70000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
    }
}
