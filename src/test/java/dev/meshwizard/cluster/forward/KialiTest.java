package dev.meshwizard.cluster.forward;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.Kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwizard.testing.SimulatedCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kiali on the simulated API, installed from a small release folder that has the addon's objects. */
class KialiTest {

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private ClusterSession session;
    private Kiali kiali;

    @BeforeEach
    void connect() throws Exception {
        cluster = SimulatedCluster.start().createNamespaces("istio-system", "monitoring");
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        session = new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim");
        kiali = session.kiali();
    }

    @AfterEach
    void stop() {
        session.close();
        cluster.close();
    }

    private static Path release() throws Exception {
        return Path.of(KialiTest.class.getResource("/istio-release").toURI());
    }

    private String config() {
        ConfigMap map = cluster.client().configMaps().inNamespace("istio-system").withName("kiali").get();
        return map.getData().get("config.yaml");
    }

    @Test
    void aClusterWithoutKialiSaysItIsNotInstalled() {
        KialiStatus status = kiali.status();

        assertThat(status.installed()).isFalse();
        assertThat(status.ready()).isFalse();
        assertThat(status.prometheusUrl()).isEmpty();
    }

    @Test
    void installingFromTheReleaseFolderAppliesTheAddonAndKialiBecomesReady() throws Exception {
        cluster.startControllers(Duration.ofMillis(50));

        List<String> applied = kiali.install(release(), true);

        assertThat(applied).containsExactly("ServiceAccount istio-system/kiali", "ConfigMap istio-system/kiali",
                "ClusterRole kiali", "Service istio-system/prometheus", "Service istio-system/kiali",
                "Deployment istio-system/prometheus", "Deployment istio-system/kiali");
        assertThat(cluster.client().rbac().clusterRoles().withName("kiali").get()).isNotNull();
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!kiali.status().ready() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        KialiStatus status = kiali.status();
        assertThat(status.ready()).isTrue();
        assertThat(status.readyPods()).isEqualTo(1);
        assertThat(status.prometheusUrl()).isEqualTo("http://prometheus.istio-system:9090");
    }

    @Test
    void applyingAgainUpdatesWhatExists() throws Exception {
        kiali.install(release(), false);
        cluster.client().configMaps().inNamespace("istio-system").withName("kiali")
                .edit(map -> {
                    map.getData().put("config.yaml", "changed: true\n");
                    return map;
                });

        kiali.install(release(), false);

        assertThat(config()).contains("web_root: /kiali").doesNotContain("changed: true");
    }

    @Test
    void aReleaseFolderWithoutTheAddonIsAnError() {
        assertThatThrownBy(() -> kiali.install(dir, false)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("kiali.yaml");
    }

    @Test
    void prometheusServicesAreListedAsUrlsWithThoseOnPort9090First() throws Exception {
        kiali.install(release(), true);
        cluster.client().services().inNamespace("monitoring").resource(new ServiceBuilder().withNewMetadata()
                .withNamespace("monitoring").withName("metrics-server").addToLabels("app", "prometheus").endMetadata()
                .withNewSpec().addNewPort().withName("web").withPort(80).endPort().endSpec().build()).create();
        cluster.client().services().inNamespace("monitoring").resource(new ServiceBuilder().withNewMetadata()
                .withNamespace("monitoring").withName("grafana").endMetadata()
                .withNewSpec().addNewPort().withName("http").withPort(3000).endPort().endSpec().build()).create();

        List<String> urls = kiali.prometheusUrls();

        assertThat(urls).containsExactly("http://prometheus.istio-system:9090", "http://metrics-server.monitoring:80");
    }

    @Test
    void pointingAtAnotherPrometheusChangesOnlyItsUrlAndRestartsKiali() throws Exception {
        kiali.install(release(), false);
        String before = config();

        kiali.pointAtPrometheus("http://kube-prometheus.monitoring:9090");

        String after = config();
        assertThat(after).isEqualTo(before.replace("http://prometheus.istio-system:9090",
                "http://kube-prometheus.monitoring:9090"));
        assertThat(after).contains("# Kiali settings for the demo").contains("# the addon's Prometheus");
        ConfigMap map = cluster.client().configMaps().inNamespace("istio-system").withName("kiali").get();
        assertThat(map.getData()).containsEntry("extra.txt", "kept as it is");
        assertThat(kiali.prometheusUrl()).hasValue("http://kube-prometheus.monitoring:9090");
        Deployment deployment = cluster.client().apps().deployments().inNamespace("istio-system").withName("kiali")
                .get();
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsKey(Kiali.RESTARTED_AT);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("app", "kiali");
    }

    @Test
    void pointingAtPrometheusWithoutKialiIsRefused() {
        assertThatThrownBy(() -> kiali.pointAtPrometheus("http://p:9090")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist");
    }
}
