package dev.meshwizard.cluster.helm;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.Kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.testing.TestPlans;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Helm (helm-java) installing the test charts into the simulated API, through a connected session. */
class HelmInstallerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String NAMESPACE = TestPlans.NAMESPACE;

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private ClusterSession session;
    private HelmInstaller helm;
    private ChartSource charts;
    private InstallPlan plan;
    private ChartRelease base;

    @BeforeEach
    void connect() throws Exception {
        cluster = SimulatedCluster.start();
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        session = new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim");
        helm = session.helm();
        ChartSourceSpec source = ChartSourceSpec.istioRelease(TestCharts.istioReleaseFolder(dir));
        charts = ChartSource.open(source, dir.resolve("cache"));
        plan = TestPlans.plan(Profile.byId("minimal").orElseThrow(), source);
        base = TestPlans.release(Component.BASE, "");
    }

    @AfterEach
    void close() {
        session.close();
        cluster.close();
    }

    @Test
    void installingTheBaseChartGivesADeployedFirstRevisionAndCreatesItsCrds() throws Exception {
        HelmRelease release = helm.upgradeOrInstall(plan, base, charts, TIMEOUT);

        assertThat(release).usingRecursiveComparison().ignoringFields("updated").isEqualTo(new HelmRelease(
                "istio-base", NAMESPACE, "base", TestCharts.VERSION, 1, HelmRelease.DEPLOYED));
        assertThat(release.updated()).isPresent();
        assertThat(session.client().namespaces().withName(NAMESPACE).get()).isNotNull();
        assertThat(session.client().apiextensions().v1().customResourceDefinitions().list().getItems())
                .extracting(crd -> crd.getMetadata().getName())
                .contains("gateways.networking.istio.io", "virtualservices.networking.istio.io",
                        "destinationrules.networking.istio.io", "telemetries.telemetry.istio.io");
        assertThat(session.client().apiextensions().v1().customResourceDefinitions()
                .withName("virtualservices.networking.istio.io").get())
                .extracting(CustomResourceDefinition::getMetadata)
                .satisfies(meta -> assertThat(meta.getAnnotations())
                        .containsEntry("meta.helm.sh/release-name", "istio-base"));
    }

    @Test
    void installingAgainUpgradesToTheSecondRevisionWithTheNewValues() throws Exception {
        helm.upgradeOrInstall(plan, base, charts, TIMEOUT);

        HelmRelease release = helm.upgradeOrInstall(plan, base.withValues("defaultRevision: canary\n"), charts,
                TIMEOUT);

        assertThat(release.revision()).isEqualTo(2);
        assertThat(release.deployed()).isTrue();
        assertThat(session.client().admissionRegistration().v1().validatingWebhookConfigurations()
                .withName("istiod-default-validator").get().getWebhooks())
                .singleElement().satisfies(webhook ->
                        assertThat(webhook.getClientConfig().getService().getName()).isEqualTo("istiod-canary"));
    }

    @Test
    void everyReleaseOfEveryProfileInstallsInOrder() throws Exception {
        for (Profile profile : Profile.values()) {
            InstallPlan profilePlan = TestPlans.plan(profile, plan.source());
            for (ChartRelease release : profilePlan.releases()) {
                HelmRelease installed = helm.upgradeOrInstall(profilePlan, release, charts, TIMEOUT);
                assertThat(installed.deployed()).as(profile + " " + release.name()).isTrue();
            }
        }

        assertThat(helm.list(NAMESPACE)).extracting(HelmRelease::name).containsExactlyInAnyOrder("istio-base",
                "istio-cni", "istiod", "ztunnel", "istio-ingressgateway", "istio-egressgateway");
    }

    @Test
    void listShowsHelmsOwnRecordsOfEachRelease() throws Exception {
        helm.upgradeOrInstall(plan, base, charts, TIMEOUT);
        helm.upgradeOrInstall(plan, base, charts, TIMEOUT);

        List<HelmRelease> releases = helm.list(NAMESPACE);

        assertThat(releases).usingRecursiveFieldByFieldElementComparatorIgnoringFields("updated")
                .containsExactly(new HelmRelease("istio-base", NAMESPACE, "base", TestCharts.VERSION, 2,
                        HelmRelease.DEPLOYED));
        assertThat(session.client().secrets().inNamespace(NAMESPACE).withLabel("owner", "helm").list().getItems())
                .extracting(Secret::getType).containsOnly("helm.sh/release.v1").hasSize(2);
        assertThat(helm.list("default")).isEmpty();
    }

    @Test
    void uninstallRemovesTheReleaseAndItsRecords() throws Exception {
        helm.upgradeOrInstall(plan, base, charts, TIMEOUT);

        helm.uninstall("istio-base", NAMESPACE);

        assertThat(helm.list(NAMESPACE)).isEmpty();
        assertThat(session.client().secrets().inNamespace(NAMESPACE).withLabel("owner", "helm").list().getItems())
                .isEmpty();
        assertThat(session.client().rbac().clusterRoles().withName("istio-reader-clusterrole-istio-system").get())
                .isNull();
    }

    @Test
    void uninstallingAReleaseHelmDoesNotKnowFailsWithHelmsMessage() {
        assertThatThrownBy(() -> helm.uninstall("istiod", NAMESPACE))
                .isInstanceOf(HelmException.class).hasMessageContaining("istiod").hasMessageContaining("not found");
    }

    @Test
    void valuesTheChartCannotUseFailTheInstallWithHelmsMessageAndLeaveNoRelease() throws Exception {
        ChartRelease broken = TestPlans.release(Component.BASE, "global: [not, a, map]\n");

        assertThatThrownBy(() -> helm.upgradeOrInstall(plan, broken, charts, TIMEOUT))
                .isInstanceOf(HelmException.class).hasMessageStartingWith("istio-base: template: ")
                .hasMessageNotContaining("values-");
        assertThat(helm.list(NAMESPACE)).isEmpty();
    }

    @Test
    void anObjectTheServerRefusesFailsTheInstallWithTheServersMessageNamingTheField() {
        // Given gateway values whose label the API server refuses (a label value has no spaces or '!')
        ChartRelease gateway = TestPlans.release(Component.GATEWAY, "labels:\n  app: \"not valid!\"\n");

        // When / Then: Helm's error carries the 422 with the field and the value
        assertThatThrownBy(() -> helm.upgradeOrInstall(plan, gateway, charts, TIMEOUT))
                .isInstanceOf(HelmException.class).hasMessageStartingWith("istio-ingressgateway: ")
                .hasMessageContaining("is invalid: ")
                .hasMessageContaining("metadata.labels: Invalid value: \"not valid!\": a valid label must be an empty "
                        + "string or consist of alphanumeric characters");
    }
}
