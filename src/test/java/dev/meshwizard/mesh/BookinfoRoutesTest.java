package dev.meshwizard.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BookinfoRoutesTest {

    @Test
    void allV1SendsEachOfTheFourServicesToItsSubsetV1() {
        List<VirtualService> routes = BookinfoRoutes.allV1("shop");

        assertThat(routes).extracting(vs -> vs.getMetadata().getName(), vs -> vs.getMetadata().getNamespace(),
                        vs -> vs.getSpec().getHosts())
                .containsExactly(tuple("productpage", "shop", List.of("productpage")),
                        tuple("reviews", "shop", List.of("reviews")), tuple("ratings", "shop", List.of("ratings")),
                        tuple("details", "shop", List.of("details")));
        assertThat(routes).allSatisfy(vs -> {
            HTTPRoute only = vs.getSpec().getHttp().get(0);
            assertThat(vs.getSpec().getHttp()).hasSize(1);
            assertThat(only.getMatch()).isEmpty();
            assertThat(only.getRoute()).singleElement().satisfies(d -> {
                assertThat(d.getDestination().getHost()).isEqualTo(vs.getMetadata().getName());
                assertThat(d.getDestination().getSubset()).isEqualTo("v1");
            });
        });
    }

    @Test
    void jasonGetsReviewsV2AndEveryoneElseV1() {
        VirtualService reviews = BookinfoRoutes.reviewsForJason("default");

        List<HTTPRoute> http = reviews.getSpec().getHttp();
        assertThat(reviews.getMetadata().getName()).isEqualTo("reviews");
        assertThat(http).hasSize(2);
        assertThat(http.get(0).getMatch()).singleElement().satisfies(match -> {
            assertThat(match.getHeaders()).containsOnlyKeys("end-user");
            assertThat(match.getHeaders().get("end-user").getMatchType()).isEqualTo(new StringMatchExact("jason"));
        });
        assertThat(http.get(0).getRoute()).extracting(d -> d.getDestination().getSubset()).containsExactly("v2");
        assertThat(http.get(1).getMatch()).isEmpty();
        assertThat(http.get(1).getRoute()).extracting(d -> d.getDestination().getSubset()).containsExactly("v1");
    }

    @Test
    void theWeightedSplitGivesV3WhatV1DoesNotGet() {
        List<HTTPRouteDestination> eightyTwenty = BookinfoRoutes.reviewsV1V3("default", 80).getSpec().getHttp().get(0)
                .getRoute();
        List<HTTPRouteDestination> half = BookinfoRoutes.reviewsV1V3("default", 50).getSpec().getHttp().get(0)
                .getRoute();

        assertThat(eightyTwenty).extracting(d -> d.getDestination().getHost(), d -> d.getDestination().getSubset(),
                        HTTPRouteDestination::getWeight)
                .containsExactly(tuple("reviews", "v1", 80), tuple("reviews", "v3", 20));
        assertThat(half).extracting(HTTPRouteDestination::getWeight).containsExactly(50, 50);
    }

    @Test
    void aShareOutsideZeroToHundredIsRejected() {
        assertThatThrownBy(() -> BookinfoRoutes.reviewsV1V3("default", 101))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("101");
        assertThat(BookinfoRoutes.reviewsV1V3("default", 0).getSpec().getHttp().get(0).getRoute())
                .extracting(HTTPRouteDestination::getWeight).containsExactly(0, 100);
    }

    @Test
    void destinationRulesDefineEverySubsetByTheVersionLabel() {
        List<DestinationRule> rules = BookinfoRoutes.destinationRules("default");

        assertThat(rules).extracting(r -> r.getMetadata().getName(), r -> r.getSpec().getHost(),
                        r -> r.getSpec().getSubsets().stream().map(Subset::getName).toList())
                .containsExactly(tuple("productpage", "productpage", List.of("v1")),
                        tuple("reviews", "reviews", List.of("v1", "v2", "v3")),
                        tuple("ratings", "ratings", List.of("v1")),
                        tuple("details", "details", List.of("v1", "v2")));
        assertThat(rules).flatExtracting(r -> r.getSpec().getSubsets())
                .allSatisfy(s -> assertThat(s.getLabels()).isEqualTo(Map.of("version", s.getName())));
    }
}
