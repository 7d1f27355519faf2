package dev.meshwizard.ui.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.connect.Kubeconfig;
import dev.meshwizard.job.SameThreadJobRunner;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kiali's state, install from a release folder and the Prometheus it reads, on the simulated API. */
class KialiAdminViewModelTest {

    @TempDir
    Path dir;
    private final SameThreadJobRunner jobs = new SameThreadJobRunner();
    private final SessionModel sessionModel = new SessionModel(jobs);
    private final PlanModel planModel = new PlanModel(jobs);
    private final AtomicInteger opened = new AtomicInteger();
    private SimulatedCluster cluster;
    private KialiAdminViewModel model;

    @BeforeEach
    void connect() throws Exception {
        cluster = SimulatedCluster.start().createNamespaces("istio-system", "monitoring");
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        sessionModel.connected(new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim"));
        model = new KialiAdminViewModel(jobs, planModel, sessionModel, opened::incrementAndGet);
    }

    @AfterEach
    void stop() {
        sessionModel.shutdown();
        cluster.close();
    }

    private static Path release() throws Exception {
        return Path.of(KialiAdminViewModelTest.class.getResource("/istio-release").toURI());
    }

    @Test
    void aClusterWithoutKialiSaysSoAndCannotOpenIt() {
        model.refresh();

        assertThat(model.statusProperty().get()).isEqualTo("Not installed");
        assertThat(model.installedProperty().get()).isFalse();
    }

    @Test
    void aPlanFromAnIstioReleaseFolderPrefillsTheFolder() throws Exception {
        InstallPlan plan = planModel.plan();

        planModel.publish(new InstallPlan(plan.profile(), plan.platform(), plan.revision(), plan.istioVersion(),
                ChartSourceSpec.istioRelease(release()), plan.releases()));

        assertThat(model.releaseFolderProperty().get()).isEqualTo(release().toString());
    }

    @Test
    void installingFromTheFolderShowsKialiReadyWithTheAddonsPrometheus() throws Exception {
        cluster.startControllers(Duration.ofMillis(20));
        model.releaseFolderProperty().set(release().toString());
        model.withPrometheusProperty().set(true);

        model.install();

        assertThat(model.messageProperty().get()).startsWith("Applied ServiceAccount istio-system/kiali")
                .contains("Service istio-system/prometheus")
                .contains("Deployment istio-system/kiali");
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!model.statusProperty().get().contains("1/1 pods ready") && System.nanoTime() < end) {
            Thread.sleep(50);
            model.refresh();
        }
        assertThat(model.statusProperty().get())
                .matches("Installed, 1/1 pods ready, Prometheus http://prometheus\\.istio-system:9090 \\(read at "
                        + "\\d{2}:\\d{2}(:\\d{2})?; Refresh reads again\\)");
        assertThat(model.installedProperty().get()).isTrue();
        assertThat(model.prometheusUrls()).containsExactly("http://prometheus.istio-system:9090");
        assertThat(model.prometheusUrlProperty().get()).isEqualTo("http://prometheus.istio-system:9090");
    }

    @Test
    void aFolderWithoutTheAddonSaysWhatIsMissing() {
        model.releaseFolderProperty().set(dir.toString());

        model.install();

        assertThat(model.messageProperty().get()).startsWith("Install failed: no ").contains("samples/addons/")
                .endsWith("(not an Istio release folder?)");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void pointingAtAnotherPrometheusChangesKialisConfigMap() throws Exception {
        model.releaseFolderProperty().set(release().toString());
        model.withPrometheusProperty().set(false);
        model.install();
        model.prometheusUrlProperty().set("http://kube-prometheus.monitoring:9090");

        model.pointAtPrometheus();

        assertThat(cluster.client().configMaps().inNamespace("istio-system").withName("kiali").get().getData()
                .get("config.yaml")).contains("http://kube-prometheus.monitoring:9090");
        assertThat(model.statusProperty().get()).contains("Prometheus http://kube-prometheus.monitoring:9090 (read at");
    }

    @Test
    void aPrometheusAddressThatIsNotAUrlIsRefused() throws Exception {
        model.releaseFolderProperty().set(release().toString());
        model.install();
        model.prometheusUrlProperty().set("prometheus:9090");

        model.pointAtPrometheus();

        assertThat(model.messageProperty().get()).isEqualTo("A Prometheus URL starts with http:// or https://");
        assertThat(cluster.client().configMaps().inNamespace("istio-system").withName("kiali").get().getData()
                .get("config.yaml")).doesNotContain("prometheus:9090\n").contains("http://prometheus.istio-system");
    }

    @Test
    void openKialiOpensTheTab() {
        model.open();

        assertThat(opened).hasValue(1);
    }

    @Test
    void readingTheStateAfterTheUrlFieldWasClearedToNothingListsThePrometheusServices() {
        // Given a Prometheus Service, and the URL field cleared as an editable ComboBox clears it (to null)
        cluster.client().services().inNamespace("istio-system").resource(new io.fabric8.kubernetes.api.model
                .ServiceBuilder().withNewMetadata().withName("prometheus").withNamespace("istio-system").endMetadata()
                .withNewSpec().addNewPort().withPort(9090).endPort().endSpec().build()).create();
        model.prometheusUrlProperty().set(null);

        // When
        model.refresh();

        // Then
        assertThat(model.prometheusUrls()).containsExactly("http://prometheus.istio-system:9090");
        assertThat(model.prometheusUrlProperty().get()).isEqualTo("http://prometheus.istio-system:9090");
    }

    @Test
    void whileTheConnectionIsLostTheStateSaysItMayBeStaleAndWhenItComesBackItIsReadAgain() throws Exception {
        // Given Kiali installed and its state read
        model.releaseFolderProperty().set(release().toString());
        model.withPrometheusProperty().set(false);
        model.install();
        assertThat(model.statusProperty().get()).startsWith("Installed, ").contains("Refresh reads again");

        // When the API server goes away, Kiali is deleted meanwhile, and the server comes back
        sessionModel.connectionLost();
        String whileLost = model.statusProperty().get();
        cluster.client().apps().deployments().inNamespace("istio-system").withName("kiali").delete();
        cluster.client().services().inNamespace("istio-system").withName("kiali").delete();
        sessionModel.connectionBack();

        // Then the state said how old it was while lost, and was read again without pressing Refresh
        assertThat(whileLost).startsWith("Installed, ")
                .matches(".*\\(read at \\d{2}:\\d{2}(:\\d{2})?; the connection is lost, this may be stale\\)");
        assertThat(model.statusProperty().get()).isEqualTo("Not installed");
        assertThat(model.installedProperty().get()).isFalse();
    }
}
