package dev.meshwizard.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.testing.TestChartRepo;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.testing.TestPlans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RendererTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ChartSourceSpec CHARTS = ChartSourceSpec.chartsFolder(TestCharts.chartsFolder());

    private static ChartSource charts;
    private final Renderer renderer = new Renderer();

    @TempDir
    Path temp;

    @BeforeAll
    static void openCharts() throws Exception {
        charts = ChartSource.open(CHARTS);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyProfileRendersItsReleasesInPlanOrder(Profile profile) throws Exception {
        InstallPlan plan = TestPlans.plan(profile, CHARTS);

        RenderedManifests manifests = renderer.render(plan, charts);

        assertThat(manifests.releases()).extracting(RenderedRelease::name)
                .containsExactlyElementsOf(plan.releases().stream().map(ChartRelease::name).toList());
        assertThat(manifests.releases()).allSatisfy(release -> {
            assertThat(release.objects()).isNotEmpty();
            assertThat(release.chartVersion()).isEqualTo("1.30.3");
            assertThat(release.chart()).isEqualTo(release.component().chartName());
        });
    }

    @Test
    void theDefaultProfileInstallsBaseIstiodAndAnIngressGatewayWithoutAccessLogs() throws Exception {
        RenderedManifests manifests = renderer.render(TestPlans.plan(Profile.DEFAULT, CHARTS), charts);

        RenderedRelease base = manifests.release("istio-base").orElseThrow();
        assertThat(base.ofKind("CustomResourceDefinition")).extracting(RenderedObject::name).containsExactlyInAnyOrder(
                "gateways.networking.istio.io", "virtualservices.networking.istio.io",
                "destinationrules.networking.istio.io", "telemetries.telemetry.istio.io");
        assertThat(base.find("ValidatingWebhookConfiguration", "istiod-default-validator")).isPresent();
        RenderedRelease istiod = manifests.release("istiod").orElseThrow();
        assertThat(istiod.find("Deployment", "istiod")).isPresent();
        assertThat(mesh(istiod, "istio").path("accessLogFile").isMissingNode()).isTrue();
        assertThat(manifests.release("istio-ingressgateway")).isPresent();
    }

    @Test
    void theDemoProfileSendsAccessLogsToStdoutAndLowersRequests() throws Exception {
        RenderedManifests manifests = renderer.render(TestPlans.plan(Profile.DEMO, CHARTS), charts);

        RenderedRelease istiod = manifests.release("istiod").orElseThrow();
        assertThat(mesh(istiod, "istio").path("accessLogFile").asText()).isEqualTo("/dev/stdout");
        JsonNode discovery = tree(istiod.find("Deployment", "istiod").orElseThrow())
                .at("/spec/template/spec/containers/0");
        assertThat(discovery.at("/resources/requests/cpu").asText()).isEqualTo("10m");
        assertThat(env(discovery, "PILOT_TRACE_SAMPLING")).isEqualTo("100");
        RenderedRelease egress = manifests.release("istio-egressgateway").orElseThrow();
        assertThat(tree(egress.find("Service", "istio-egressgateway").orElseThrow()).at("/spec/type").asText())
                .isEqualTo("ClusterIP");
    }

    @Test
    void theAmbientProfileRendersTheCniAndZtunnelDaemonSetsAndNoGateway() throws Exception {
        RenderedManifests manifests = renderer.render(TestPlans.plan(Profile.AMBIENT, CHARTS), charts);

        assertThat(manifests.releases()).extracting(RenderedRelease::name)
                .containsExactly("istio-base", "istio-cni", "istiod", "ztunnel");
        assertThat(manifests.objects()).filteredOn(o -> o.kind().equals("DaemonSet"))
                .extracting(RenderedObject::name).containsExactly("istio-cni-node", "ztunnel");
        assertThat(manifests.objects()).noneMatch(o -> o.source().startsWith("gateway/"));
        RenderedRelease cni = manifests.release("istio-cni").orElseThrow();
        assertThat(tree(cni.find("ConfigMap", "istio-cni-config").orElseThrow()).at("/data/AMBIENT_ENABLED").asText())
                .isEqualTo("true");
    }

    @Test
    void theRemoteProfileLeavesOutTheLocalControlPlane() throws Exception {
        RenderedManifests manifests = renderer.render(TestPlans.plan(Profile.REMOTE, CHARTS), charts);

        RenderedRelease istiod = manifests.release("istiod").orElseThrow();
        assertThat(istiod.ofKind("Deployment")).isEmpty();
        assertThat(istiod.ofKind("MutatingWebhookConfiguration")).hasSize(1);
    }

    @Test
    void theGatewayPodsAreLabelledAfterTheReleaseNameWithoutItsIstioPrefix() throws Exception {
        RenderedRelease ingress = renderGateway("istio-ingressgateway", "");
        RenderedRelease other = renderGateway("istio-ingress", "");

        assertThat(tree(ingress.find("Deployment", "istio-ingressgateway").orElseThrow())
                .at("/spec/template/metadata/labels/istio").asText()).isEqualTo("ingressgateway");
        assertThat(tree(other.find("Deployment", "istio-ingress").orElseThrow())
                .at("/spec/template/metadata/labels/istio").asText()).isEqualTo("ingress");
    }

    @Test
    void theGatewayServiceIsALoadBalancerWithStatusHttpAndHttpsPorts() throws Exception {
        RenderedRelease gateway = renderGateway("istio-ingressgateway", "");

        JsonNode service = tree(gateway.find("Service", "istio-ingressgateway").orElseThrow());
        assertThat(service.at("/spec/type").asText()).isEqualTo("LoadBalancer");
        assertThat(service.at("/spec/ports").findValuesAsText("name")).containsExactly("status-port", "http2", "https");
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(15021);
        assertThat(service.at("/spec/ports/1/targetPort").asInt()).isEqualTo(80);
        assertThat(service.at("/spec/ports/2/targetPort").asInt()).isEqualTo(443);
        assertThat(gateway.find("HorizontalPodAutoscaler", "istio-ingressgateway")).isPresent();
    }

    @Test
    void serviceTypeNoneRemovesTheGatewayService() throws Exception {
        RenderedRelease gateway = renderGateway("istio-ingressgateway", "service:\n  type: None\n");

        assertThat(gateway.ofKind("Service")).isEmpty();
        assertThat(gateway.ofKind("Deployment")).hasSize(1);
    }

    @Test
    void serviceAnnotationsWinOverGatewayAnnotationsOnTheService() throws Exception {
        RenderedRelease gateway = renderGateway("istio-ingressgateway", """
                annotations:
                  team: mesh
                  service.beta.kubernetes.io/aws-load-balancer-type: classic
                service:
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-type: external
                autoscaling:
                  enabled: false
                replicaCount: 2
                """);

        JsonNode annotations = tree(gateway.find("Service", "istio-ingressgateway").orElseThrow())
                .at("/metadata/annotations");
        assertThat(annotations.path("service.beta.kubernetes.io/aws-load-balancer-type").asText())
                .isEqualTo("external");
        assertThat(annotations.path("team").asText()).isEqualTo("mesh");
        JsonNode deployment = tree(gateway.find("Deployment", "istio-ingressgateway").orElseThrow());
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(gateway.ofKind("HorizontalPodAutoscaler")).isEmpty();
    }

    @Test
    void aGatewayValuesFileWithAnUnknownTopLevelKeyIsRejectedWithHelmsSchemaMessage() {
        InstallPlan plan = TestPlans.plan("default", "", "", CHARTS,
                List.of(TestPlans.ingress("servce:\n  type: NodePort\n")));

        assertThatThrownBy(() -> renderer.render(plan, charts))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.release()).isEqualTo("istio-ingressgateway");
                    assertThat(e.helmMessage())
                            .contains("values don't meet the specifications of the schema")
                            .contains("additional properties 'servce' not allowed");
                });
    }

    @Test
    void anUnknownProfileIsRejectedWithTheChartsOwnMessage() {
        InstallPlan plan = TestPlans.plan("production", "", "", CHARTS,
                List.of(TestPlans.release(Component.ISTIOD, "")));

        assertThatThrownBy(() -> renderer.render(plan, charts))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.release()).isEqualTo("istiod");
                    assertThat(e.helmMessage()).contains("unknown profile production")
                            .contains("istiod/templates/zzz_profile.yaml")
                            .doesNotContain("--debug");
                });
    }

    @Test
    void aProfileSetInTheValuesFileIsCheckedByTheChartToo() {
        InstallPlan plan = TestPlans.plan("default", "", "", CHARTS,
                List.of(TestPlans.release(Component.ISTIOD, "profile: nonsense\n")));

        assertThatThrownBy(() -> renderer.render(plan, charts))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("unknown profile nonsense");
    }

    @Test
    void anUnknownPlatformIsRejectedWithTheChartsOwnMessage() {
        InstallPlan plan = TestPlans.plan("default", "eks", "", CHARTS,
                List.of(TestPlans.release(Component.BASE, "")));

        assertThatThrownBy(() -> renderer.render(plan, charts))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("unknown platform eks");
    }

    @Test
    void theGatewayAcceptsThePlatformBecauseItGoesUnderGlobal() throws Exception {
        InstallPlan plan = TestPlans.plan("ambient", "k3d", "", CHARTS,
                List.of(TestPlans.release(Component.CNI, ""), TestPlans.ingress("")));

        RenderedManifests manifests = renderer.render(plan, charts);

        JsonNode volumes = tree(manifests.release("istio-cni").orElseThrow().find("DaemonSet", "istio-cni-node")
                .orElseThrow()).at("/spec/template/spec/volumes");
        assertThat(volumes.findValuesAsText("path"))
                .containsExactly("/bin", "/var/lib/rancher/k3s/agent/etc/cni/net.d");
    }

    @Test
    void malformedValuesAreReportedWithHelmsYamlErrorAndTheReleaseNotATemporaryFile() throws IOException {
        InstallPlan plan = TestPlans.plan("default", "", "", CHARTS,
                List.of(TestPlans.release(Component.ISTIOD, "pilot:\n  env: [a,\nmeshConfig: {}\n")));
        String valuesFolder = ValuesFiles.folder().toString();

        assertThatThrownBy(() -> renderer.render(plan, charts))
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.helmMessage())
                        .contains("the values of istiod")
                        .contains("yaml: line")
                        .doesNotContain(valuesFolder));
        try (Stream<Path> left = Files.list(ValuesFiles.folder())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aRevisionNamesTheControlPlaneAndItsReleaseAfterItAndLeavesTheDefaultValidatorWhereItWas() throws Exception {
        InstallPlan plan = TestPlans.plan(Profile.DEFAULT, CHARTS).withRevision("1-30-3");

        RenderedManifests manifests = renderer.render(plan, charts);

        assertThat(manifests.release("istiod")).isEmpty();
        RenderedRelease istiod = manifests.release("istiod-1-30-3").orElseThrow();
        assertThat(istiod.find("Deployment", "istiod-1-30-3")).isPresent();
        assertThat(istiod.find("Service", "istiod-1-30-3")).isPresent();
        assertThat(istiod.find("ConfigMap", "istio-1-30-3")).isPresent();
        assertThat(istiod.find("MutatingWebhookConfiguration", "istio-sidecar-injector-1-30-3")).isPresent();
        JsonNode validator = tree(manifests.release("istio-base").orElseThrow()
                .find("ValidatingWebhookConfiguration", "istiod-default-validator").orElseThrow());
        assertThat(validator.at("/webhooks/0/clientConfig/service/name").asText()).isEqualTo("istiod");
        JsonNode gateway = tree(manifests.release("istio-ingressgateway").orElseThrow()
                .find("Deployment", "istio-ingressgateway").orElseThrow());
        assertThat(gateway.at("/spec/template/metadata/labels/istio.io~1rev").asText()).isEqualTo("1-30-3");
    }

    @Test
    void makingARevisionTheDefaultIsTheBaseChartsDefaultRevisionValue() throws Exception {
        InstallPlan revised = TestPlans.plan(Profile.DEFAULT, CHARTS).withRevision("1-30-3");
        List<ChartRelease> releases = new java.util.ArrayList<>(revised.releases());
        releases.set(0, releases.get(0).withValues("defaultRevision: 1-30-3\n"));

        RenderedManifests manifests = renderer.render(revised.withReleases(releases), charts);

        JsonNode validator = tree(manifests.release("istio-base").orElseThrow()
                .find("ValidatingWebhookConfiguration", "istiod-default-validator").orElseThrow());
        assertThat(validator.at("/webhooks/0/clientConfig/service/name").asText()).isEqualTo("istiod-1-30-3");
    }

    @Test
    void aReleasesOwnSetItemsOverrideThePlanValues() throws Exception {
        ChartRelease istiod = new ChartRelease("istiod", "istio-system", Component.ISTIOD, "",
                List.of("profile=demo", "pilot.env.EXTRA=a,b"));
        InstallPlan plan = TestPlans.plan("default", "", "", CHARTS, List.of(istiod));

        RenderedRelease rendered = renderer.render(plan, charts).release("istiod").orElseThrow();

        assertThat(mesh(rendered, "istio").path("accessLogFile").asText()).isEqualTo("/dev/stdout");
        JsonNode discovery = tree(rendered.find("Deployment", "istiod").orElseThrow())
                .at("/spec/template/spec/containers/0");
        assertThat(env(discovery, "EXTRA")).isEqualTo("a,b");
    }

    @Test
    void aSecretIsRenderedButItsValuesAreRedactedForDisplay() throws Exception {
        InstallPlan plan = TestPlans.plan("default", "", "", CHARTS, List.of(TestPlans.release(Component.ISTIOD, """
                pilot:
                  cacerts:
                    ca-key.pem: very-secret-key
                """)));

        RenderedRelease istiod = renderer.render(plan, charts).release("istiod").orElseThrow();

        RenderedObject secret = istiod.find("Secret", "cacerts").orElseThrow();
        assertThat(secret.yaml()).contains("dmVyeS1zZWNyZXQta2V5");
        assertThat(secret.displayYaml()).doesNotContain("dmVyeS1zZWNyZXQta2V5").doesNotContain("plug-in CA")
                .contains("ca-key.pem: <redacted>").contains("note: <redacted>");
        assertThat(istiod.displayYaml()).doesNotContain("dmVyeS1zZWNyZXQta2V5")
                .contains("# Source: istiod/templates/cacerts-secret.yaml");
    }

    @Test
    void eachReleaseCountsItsObjectsByKind() throws Exception {
        RenderedManifests manifests = renderer.render(TestPlans.plan(Profile.DEFAULT, CHARTS), charts);

        assertThat(manifests.release("istio-ingressgateway").orElseThrow().countsByKind()).isEqualTo(Map.of(
                "ServiceAccount", 1, "Service", 1, "Deployment", 1, "HorizontalPodAutoscaler", 1));
        assertThat(manifests.release("istio-base").orElseThrow().countsByKind())
                .containsEntry("CustomResourceDefinition", 4).containsEntry("ClusterRole", 1);
        assertThat(manifests.objectCount()).isEqualTo(manifests.objects().size());
    }

    @Test
    void theThreeKindsOfChartSourceRenderTheSameObjects() throws Exception {
        ChartSourceSpec release = ChartSourceSpec.istioRelease(TestCharts.istioReleaseFolder(temp));
        ChartSourceSpec archives = ChartSourceSpec.chartsFolder(TestCharts.archivesFolder(temp.resolve("tgz")));
        List<String> expected = ids(renderer.render(TestPlans.plan(Profile.DEMO, CHARTS), charts));

        try (TestChartRepo repo = TestChartRepo.start(temp.resolve("served"))) {
            ChartSourceSpec helmRepo = ChartSourceSpec.helmRepo(repo.url(), "1.30.3");
            for (ChartSourceSpec spec : List.of(release, archives, helmRepo)) {
                ChartSource source = ChartSource.open(spec, temp.resolve("cache"));

                RenderedManifests manifests = new Renderer().render(TestPlans.plan(Profile.DEMO, spec), source);

                assertThat(ids(manifests)).as(spec.kind().name()).isEqualTo(expected);
            }
        }
    }

    @Test
    void anUnchangedReleaseIsNotRenderedAgainButAChangedOneIs() throws Exception {
        InstallPlan plan = TestPlans.plan(Profile.DEFAULT, CHARTS);
        RenderedManifests first = renderer.render(plan, charts);

        InstallPlan edited = plan.withReleases(List.of(plan.releases().get(0), plan.releases().get(1),
                plan.releases().get(2).withValues("service:\n  type: NodePort\n")));
        RenderedManifests second = renderer.render(edited, charts);

        assertThat(second.releases().get(1)).isSameAs(first.releases().get(1));
        assertThat(second.releases().get(2)).isNotSameAs(first.releases().get(2));
        assertThat(tree(second.releases().get(2).find("Service", "istio-ingressgateway").orElseThrow())
                .at("/spec/type").asText()).isEqualTo("NodePort");
    }

    @Test
    void aMissingChartIsReportedForTheReleaseThatNeedsIt() throws Exception {
        Path folder = temp.resolve("charts");
        TestCharts.copyTree(TestCharts.chart(Component.BASE), folder.resolve("base"));
        ChartSourceSpec spec = ChartSourceSpec.chartsFolder(folder);
        ChartSource onlyBase = ChartSource.open(spec);

        assertThatThrownBy(() -> renderer.render(TestPlans.plan(Profile.MINIMAL, spec), onlyBase))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.release()).isEqualTo("istiod");
                    assertThat(e.helmMessage()).contains("no chart named istiod");
                });
    }

    private RenderedRelease renderGateway(String name, String values) throws RenderException {
        ChartRelease release = new ChartRelease(name, "istio-ingress", Component.GATEWAY, values, List.of());
        return renderer.render(TestPlans.plan("default", "", "", CHARTS, List.of(release)), charts)
                .release(name).orElseThrow();
    }

    private static List<String> ids(RenderedManifests manifests) {
        return manifests.objects().stream().map(o -> o.namespace() + "/" + o.id() + "@" + o.source()).toList();
    }

    private static JsonNode mesh(RenderedRelease istiod, String configMap) throws IOException {
        JsonNode map = tree(istiod.find("ConfigMap", configMap).orElseThrow());
        return YAML.readTree(map.at("/data/mesh").asText());
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable.path("value").asText();
            }
        }
        return null;
    }

    static JsonNode tree(RenderedObject object) {
        try {
            return YAML.readTree(object.yaml());
        } catch (IOException e) {
            throw new AssertionError("Not YAML: " + object.yaml(), e);
        }
    }
}
