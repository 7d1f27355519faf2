package dev.meshwizard.mesh.analysis;

import static dev.meshwizard.mesh.analysis.MeshFixtures.bookinfoRoutedToV1;
import static dev.meshwizard.mesh.analysis.MeshFixtures.pod;
import static dev.meshwizard.mesh.analysis.MeshFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.mesh.BookinfoRoutes;
import dev.meshwizard.samples.Bookinfo;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MW0101 host, MW0102 subset defined, MW0103 subset pods, MW0107 weights, MW0108 shadowed rules. */
class RoutingChecksTest {

    private static final String REVIEWS_TO = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: default
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination:
                    host: %s
                    subset: %s
            """;

    private static List<HasMetadata> bookinfoWith(String yaml) {
        List<HasMetadata> objects = new ArrayList<>(Bookinfo.in("default").objects());
        objects.addAll(BookinfoRoutes.destinationRules("default"));
        objects.addAll(MeshFixtures.yaml(yaml));
        return objects;
    }

    @Test
    void bookinfoRoutedToV1WithItsRulesHasOnlyTheDetailsV2SubsetWithoutPodsAsIstioctlReportsIt() {
        assertThat(new Analyzer().analyze(MeshSnapshot.offline(bookinfoRoutedToV1())))
                .extracting(Finding::summary).containsExactly("Error [MW0103] [IST0173 "
                        + "DestinationRuleSubsetNotSelectPods] (DestinationRule details.default) spec.subsets[1]: "
                        + "subset \"v2\" of details selects no pods (app=details,version=v2 in namespace default), so "
                        + "requests routed to it fail with 503 UH (no healthy upstream)");
    }

    @Test
    void aDestinationHostWithoutServiceIsAnErrorAtTheHostField() {
        MeshSnapshot snapshot = MeshSnapshot.offline(bookinfoWith(REVIEWS_TO.formatted("reviewz", "v1")));

        List<Finding> findings = new DestinationHostCheck().run(snapshot);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("MW0101");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.object()).isEqualTo(new ObjectRef("VirtualService", "default", "reviews"));
            assertThat(f.path()).isEqualTo("spec.http[0].route[0].destination.host");
            assertThat(f.message()).contains("reviewz");
        });
    }

    @Test
    void shortNamesResolveInTheVirtualServicesNamespaceAndFqdnsInTheirs() {
        String otherNamespace = REVIEWS_TO.formatted("reviews", "v1").replace("namespace: default", "namespace: web");
        String fqdn = REVIEWS_TO.formatted("reviews.default.svc.cluster.local", "v1")
                .replace("namespace: default", "namespace: web");
        String external = REVIEWS_TO.formatted("api.example.com", "v1");

        assertThat(new DestinationHostCheck().run(MeshSnapshot.offline(bookinfoWith(otherNamespace))))
                .extracting(Finding::message).singleElement().asString().contains("namespace web");
        assertThat(new DestinationHostCheck().run(MeshSnapshot.offline(bookinfoWith(fqdn)))).isEmpty();
        assertThat(new DestinationHostCheck().run(MeshSnapshot.offline(bookinfoWith(external))))
                .extracting(Finding::istioCode).containsExactly("IST0101");
    }

    @Test
    void aSubsetThatNoRuleDefinesIsAnError() {
        MeshSnapshot snapshot = MeshSnapshot.offline(bookinfoWith(REVIEWS_TO.formatted("reviews", "v4")));

        assertThat(new SubsetDefinedCheck().run(snapshot)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("MW0102");
            assertThat(f.path()).isEqualTo("spec.http[0].route[0].destination.subset");
            assertThat(f.message()).contains("\"v4\"").contains("v1, v2, v3");
        });
        assertThat(new SubsetDefinedCheck().run(MeshSnapshot.offline(bookinfoWith(REVIEWS_TO.formatted("reviews",
                "v3"))))).isEmpty();
    }

    @Test
    void aSubsetWithoutAnyDestinationRuleIsAnError() {
        List<HasMetadata> objects = new ArrayList<>(Bookinfo.in("default").objects());
        objects.addAll(BookinfoRoutes.allV1("default"));

        assertThat(new SubsetDefinedCheck().run(MeshSnapshot.offline(objects))).hasSize(4)
                .allSatisfy(f -> assertThat(f.message()).contains("no DestinationRule"));
    }

    @Test
    void aSubsetWhosePodsAreNotRunningIsThe503UhError() {
        List<HasMetadata> objects = bookinfoWith(REVIEWS_TO.formatted("reviews", "v2"));
        MeshSnapshot live = MeshSnapshot.empty(true).with(objects).with(List.of(
                pod("reviews-v1-a", "default", Map.of("app", "reviews", "version", "v1"), true),
                pod("reviews-v3-a", "default", Map.of("app", "reviews", "version", "v3"), true)));

        assertThat(new SubsetPodsCheck().run(live)).filteredOn(f -> f.object().name().equals("reviews"))
                .singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo("MW0103");
                    assertThat(f.istioCode()).isEqualTo("IST0173");
                    assertThat(f.object()).isEqualTo(new ObjectRef("DestinationRule", "default", "reviews"));
                    assertThat(f.path()).isEqualTo("spec.subsets[1]");
                    assertThat(f.message()).contains("503 UH").contains("app=reviews,version=v2");
                });
    }

    @Test
    void aSubsetWithRunningPodsIsNotReportedAndWithoutAnyPodsInTheInputItIsAsIstioctlDoes() {
        List<HasMetadata> objects = bookinfoWith(REVIEWS_TO.formatted("reviews", "v2"));
        MeshSnapshot live = MeshSnapshot.empty(true).with(objects).with(List.of(
                pod("reviews-v2-a", "default", Map.of("app", "reviews", "version", "v2"), true)));
        List<HasMetadata> withoutDeployments = objects.stream().filter(o -> !"Deployment".equals(o.getKind()))
                .toList();

        assertThat(new SubsetPodsCheck().run(live)).noneMatch(f -> f.object().name().equals("reviews")
                && f.path().equals("spec.subsets[1]"));
        assertThat(new SubsetPodsCheck().run(MeshSnapshot.offline(objects)))
                .noneMatch(f -> f.object().name().equals("reviews"));
        assertThat(new SubsetPodsCheck().run(MeshSnapshot.offline(withoutDeployments)))
                .anyMatch(f -> f.object().name().equals("reviews") && f.path().equals("spec.subsets[1]"));
    }

    @Test
    void offlineASubsetThatNoDeploymentOfTheServiceCarriesIsReported() {
        List<HasMetadata> objects = bookinfoWith(REVIEWS_TO.formatted("reviews", "v2")).stream()
                .filter(o -> !o.getMetadata().getName().equals("reviews-v2")).toList();

        assertThat(new SubsetPodsCheck().run(MeshSnapshot.offline(objects)))
                .filteredOn(f -> f.object().name().equals("reviews")).extracting(Finding::path)
                .containsExactly("spec.subsets[1]");
    }

    @Test
    void weightsThatDoNotAddUpTo100AreRelativeAndShownAsAnInfoWithTheSplitInPercent() {
        String split = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: reviews}
                spec:
                  hosts: [reviews]
                  http:
                  - route:
                    - destination: {host: reviews}
                  - route:
                    - destination: {host: reviews, subset: v1}
                      weight: 70
                    - destination: {host: reviews, subset: v3}
                      weight: 20
                """;

        assertThat(new RouteWeightCheck().run(MeshSnapshot.offline(yaml(split)))).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("MW0107");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.path()).isEqualTo("spec.http[1].route");
            assertThat(f.message()).contains("90").contains("78 % to reviews v1").contains("22 % to reviews v3");
        });
        assertThat(new RouteWeightCheck().run(MeshSnapshot.offline(List.of(
                BookinfoRoutes.reviewsV1V3("default", 80))))).isEmpty();
    }

    @Test
    void weightsAddingUpToZeroAreAnErrorAsIstioRejectsThem() {
        String zero = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: reviews}
                spec:
                  hosts: [reviews]
                  http:
                  - route:
                    - destination: {host: reviews, subset: v1}
                      weight: 0
                    - destination: {host: reviews, subset: v3}
                """;
        String relative = zero.replace("weight: 0", "weight: 550") + "      weight: 500\n";

        assertThat(new RouteWeightCheck().run(MeshSnapshot.offline(yaml(zero)))).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(new RouteWeightCheck().run(MeshSnapshot.offline(yaml(relative)))).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.message()).contains("52 % to reviews v1").contains("48 % to reviews v3");
                });
    }

    @Test
    void aRuleAfterACatchAllPrefixIsNeverUsedAFindingIstioctlDoesNotMake() {
        String shadowed = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: web}
                spec:
                  hosts: [web]
                  http:
                  - match:
                    - uri: {exact: /login}
                    route:
                    - destination: {host: web}
                  - match:
                    - uri: {prefix: /}
                    route:
                    - destination: {host: web}
                  - match:
                    - uri: {prefix: /api}
                    route:
                    - destination: {host: api}
                """;

        assertThat(new ShadowedRouteCheck().run(MeshSnapshot.offline(yaml(shadowed)))).singleElement()
                .satisfies(f -> {
                    assertThat(f.code()).isEqualTo("MW0108");
                    assertThat(f.istio()).isEqualTo(IstioMessage.NONE);
                    assertThat(f.path()).isEqualTo("spec.http[2]");
                    assertThat(f.message()).contains("spec.http[1]");
                });
    }

    @Test
    void aCatchAllAtTheEndOrAfterAHeaderMatchShadowsNothing() {
        assertThat(new ShadowedRouteCheck().run(MeshSnapshot.offline(List.of(
                BookinfoRoutes.reviewsForJason("default"))))).isEmpty();
    }
}
