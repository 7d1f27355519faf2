package dev.meshwizard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PlansTest {

    private static final ChartSourceSpec REPO = ChartSourceSpec.helmRepo(ChartSourceSpec.ISTIO_REPO, "1.30.3");

    static Stream<Arguments> releaseNamesOfEachProfile() {
        List<String> defaults = List.of("istio-base", "istiod", "istio-ingressgateway");
        return Stream.of(
                Arguments.of(Profile.DEFAULT, defaults),
                Arguments.of(Profile.DEMO, List.of("istio-base", "istiod", "istio-ingressgateway",
                        "istio-egressgateway")),
                Arguments.of(Profile.MINIMAL, List.of("istio-base", "istiod")),
                Arguments.of(Profile.AMBIENT, List.of("istio-base", "istio-cni", "istiod", "ztunnel")),
                Arguments.of(Profile.EMPTY, List.of()),
                Arguments.of(Profile.PREVIEW, defaults),
                Arguments.of(Profile.REMOTE, List.of("istio-base", "istiod")),
                Arguments.of(Profile.STABLE, defaults));
    }

    @ParameterizedTest
    @MethodSource("releaseNamesOfEachProfile")
    void eachProfilesDefaultPlanHasTheReleaseNamesHelmUsersKnowInInstallOrder(Profile profile, List<String> names) {
        // When
        InstallPlan plan = Plans.forProfile(profile, REPO, "1.30.3");

        // Then
        assertThat(plan.releases()).extracting(ChartRelease::name).containsExactlyElementsOf(names);
        assertThat(plan.releases()).extracting(ChartRelease::component).containsExactlyElementsOf(profile.components());
        assertThat(plan.releases()).allSatisfy(r -> assertThat(r.namespace()).isEqualTo("istio-system"));
        assertThat(plan.profile()).isEqualTo(profile.id());
        assertThat(plan.istioVersion()).isEqualTo("1.30.3");
        assertThat(plan.source()).isEqualTo(REPO);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aProfileHelmKnowsIsSetOnEveryReleaseAndTheOthersSetNone(Profile profile) {
        // When
        InstallPlan plan = Plans.forProfile(profile, REPO, "");

        // Then
        List<String> expected = profile.chartValue().map(v -> List.of("profile=" + v)).orElse(List.of());
        assertThat(plan.releases()).allSatisfy(r -> assertThat(r.sets()).isEqualTo(expected));
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyDefaultValuesFileIsValidAndTheDefaultPlanHasNoWarnings(Profile profile) {
        // When
        InstallPlan plan = Plans.forProfile(profile, REPO, "");

        // Then
        assertThat(Plans.warnings(plan)).isEmpty();
        for (ChartRelease release : plan.releases()) {
            assertThat(release.valuesYaml()).startsWith("# ");
            assertThat(new ValuesValidator().validate(release.component(), release.valuesYaml(), profile))
                    .as(release.name()).isEmpty();
        }
    }

    @Test
    void theDemoEgressGatewayHasAClusterIpServiceAndTheIngressGatewayACommentedAnnotationsExample() {
        // When
        InstallPlan plan = Plans.forProfile(Profile.DEMO, REPO, "");

        // Then
        ChartRelease egress = plan.release("istio-egressgateway").orElseThrow();
        assertThat(ValuesDocument.parse(egress.valuesYaml()).get("service.type")).contains("ClusterIP");
        ChartRelease ingress = plan.release("istio-ingressgateway").orElseThrow();
        ValuesDocument ingressValues = ValuesDocument.parse(ingress.valuesYaml());
        assertThat(ingressValues.get("service.type")).contains("LoadBalancer");
        assertThat(ingressValues.contains("service.annotations")).isFalse();
        assertThat(ingress.valuesYaml()).contains("  # annotations:\n  #   service.beta.kubernetes.io/");
        assertThat(Plans.gatewayIstioLabel(ingress)).isEqualTo("ingressgateway");
        assertThat(Plans.gatewayIstioLabel(egress)).isEqualTo("egressgateway");
    }

    @Test
    void aGatewayNamedIstioIngressIsWarnedAboutBecauseBookinfosGatewayWillNotSelectIt() {
        // Given
        InstallPlan plan = renamedGateway(Profile.DEFAULT, "istio-ingress");

        // When
        List<String> warnings = Plans.warnings(plan);

        // Then
        assertThat(warnings).singleElement().asString()
                .contains("istio-ingress labels its pods istio: ingress")
                .contains("Bookinfo's Gateway selects istio: ingressgateway")
                .contains("Name the release istio-ingressgateway");
    }

    @Test
    void aGatewayWhoseValuesSetTheBookinfoLabelIsNotWarnedAbout() {
        // Given
        InstallPlan plan = renamedGateway(Profile.DEFAULT, "istio-ingress");
        ChartRelease gateway = plan.release("istio-ingress").orElseThrow();
        String values = ValuesDocument.parse(gateway.valuesYaml()).set("labels.istio", "ingressgateway").text();
        plan = plan.withReleases(List.of(plan.releases().get(0), plan.releases().get(1), gateway.withValues(values)));

        // Then
        assertThat(Plans.gatewayIstioLabel(plan.releases().get(2))).isEqualTo("ingressgateway");
        assertThat(Plans.warnings(plan)).isEmpty();
    }

    @Test
    void twoReleasesWithOneNameInANamespaceAreWarnedAboutOnce() {
        // Given
        InstallPlan plan = Plans.forProfile(Profile.MINIMAL, REPO, "");
        ChartRelease istiod = plan.releases().get(1);
        plan = plan.withReleases(List.of(plan.releases().get(0), istiod, istiod, istiod,
                new ChartRelease("istiod", "other", Component.ISTIOD, "", List.of())));

        // Then
        assertThat(Plans.warnings(plan)).singleElement().asString()
                .startsWith("Two releases are named istiod in istio-system");
    }

    @Test
    void aRevisionThatIsNotADnsLabelIsWarnedAboutWithASuggestion() {
        // Given
        InstallPlan plan = Plans.forProfile(Profile.MINIMAL, REPO, "");
        plan = new InstallPlan(plan.profile(), "", "1.30.3", "", plan.source(), plan.releases());

        // Then
        assertThat(Plans.warnings(plan)).singleElement().asString()
                .startsWith("revision \"1.30.3\" is not a DNS-1123 label")
                .endsWith("(e.g. 1-30-3)");
    }

    @Test
    void aValidRevisionIsNotWarnedAbout() {
        // Given
        InstallPlan plan = Plans.forProfile(Profile.MINIMAL, ChartSourceSpec.istioRelease(Path.of("istio-1.30.3")),
                "");

        // Then
        assertThat(Plans.warnings(new InstallPlan("minimal", "", "1-30-3", "", plan.source(), plan.releases())))
                .isEmpty();
    }

    private static InstallPlan renamedGateway(Profile profile, String name) {
        InstallPlan plan = Plans.forProfile(profile, REPO, "");
        List<ChartRelease> releases = plan.releases().stream()
                .map(r -> r.component() == Component.GATEWAY
                        ? new ChartRelease(name, r.namespace(), r.component(), Plans.defaultValues(r.component(),
                        name), r.sets())
                        : r)
                .toList();
        return plan.withReleases(releases);
    }

    @Test
    void withARevisionIstiodIsASecondReleaseNamedAfterItAndTheOtherReleasesKeepTheirNames() {
        InstallPlan plan = Plans.forProfile(Profile.DEMO, REPO, "1.30.3");

        InstallPlan revised = plan.withRevision(" 1-30-3 ");

        assertThat(revised.revision()).isEqualTo("1-30-3");
        assertThat(revised.releases()).extracting(ChartRelease::name).containsExactly("istio-base", "istiod-1-30-3",
                "istio-ingressgateway", "istio-egressgateway");
        assertThat(revised.withRevision("").releases()).extracting(ChartRelease::name)
                .containsExactlyElementsOf(plan.releases().stream().map(ChartRelease::name).toList());
        assertThat(Plans.istiodReleaseName("canary")).isEqualTo("istiod-canary");
    }

    @Test
    void aProfileWithoutTheGatewaySetsItAsideAndTheNextProfileWithAGatewayTakesItBackRenamedAndEdited() {
        // Given a default plan whose gateway was renamed and edited
        InstallPlan plan = Plans.forProfile(Profile.DEFAULT, ChartSourceSpec.helmRepo(ChartSourceSpec.ISTIO_REPO,
                "1.30.3"), "1.30.3");
        plan = plan.withReleases(plan.releases().stream().map(r -> r.component() == Component.GATEWAY
                ? new ChartRelease("istio-ingress", "gateways", r.component(), "replicaCount: 3\n", r.sets())
                : r).toList());

        // When ambient is chosen
        InstallPlan ambient = Plans.switchProfile(plan, Profile.AMBIENT);

        // Then the gateway is set aside and istiod carries ambient's profile
        assertThat(ambient.releases()).extracting(ChartRelease::component).doesNotContain(Component.GATEWAY);
        assertThat(ambient.setAside()).extracting(ChartRelease::name).containsExactly("istio-ingress");
        assertThat(ambient.release("istiod").orElseThrow().sets()).containsExactly("profile=ambient");

        // When demo is chosen next
        InstallPlan demo = Plans.switchProfile(ambient, Profile.DEMO);

        // Then the edited gateway is its ingress gateway, the egress gateway is new, and cni and ztunnel wait aside
        assertThat(demo.releases().get(2)).isEqualTo(new ChartRelease("istio-ingress", "gateways", Component.GATEWAY,
                "replicaCount: 3\n", List.of("profile=demo")));
        assertThat(demo.releases().get(3).name()).isEqualTo("istio-egressgateway");
        assertThat(demo.setAside()).extracting(ChartRelease::name).containsExactlyInAnyOrder("istio-cni", "ztunnel");
    }

    @Test
    void anIstiodSetAsideIsRenamedWithTheRevisionSoItComesBackAsASecondControlPlane() {
        // Given istiod set aside by the empty profile
        InstallPlan plan = Plans.forProfile(Profile.DEFAULT, ChartSourceSpec.helmRepo(ChartSourceSpec.ISTIO_REPO,
                "1.30.3"), "1.30.3");
        InstallPlan empty = Plans.switchProfile(plan, Profile.EMPTY);

        // When a revision is typed, then default chosen again
        InstallPlan back = Plans.switchProfile(empty.withRevision("canary"), Profile.DEFAULT);

        // Then istiod comes back as istiod-canary, not as the running istiod
        assertThat(back.releases()).extracting(ChartRelease::name).contains("istiod-canary").doesNotContain("istiod");
    }
}
