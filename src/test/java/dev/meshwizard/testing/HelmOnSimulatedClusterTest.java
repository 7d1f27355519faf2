package dev.meshwizard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import dev.meshwizard.plan.Component;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Helm (helm-java) against the simulated API: what the simulation must offer for Helm to install. */
class HelmOnSimulatedClusterTest {

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private String kubeconfig;

    @BeforeEach
    void start() throws Exception {
        cluster = SimulatedCluster.start();
        kubeconfig = Files.readString(cluster.writeKubeconfig(dir.resolve("config"), "sim"));
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void helmInstallsTheBaseChartAndListsItAsDeployedRevisionOne() {
        Release installed = Helm.install(TestCharts.chart(Component.BASE).toString())
                .withName("istio-base").withNamespace("istio-system").createNamespace()
                .withKubeConfigContents(kubeconfig).call();

        List<Release> releases = Helm.list().withNamespace("istio-system").withKubeConfigContents(kubeconfig).call();

        assertThat(installed.getStatus()).isEqualTo("deployed");
        assertThat(releases).singleElement().satisfies(release -> {
            assertThat(release.getName()).isEqualTo("istio-base");
            assertThat(release.getStatus()).isEqualTo("deployed");
            assertThat(release.getRevision()).isEqualTo("1");
        });
    }

    @Test
    void helmsReleaseRecordIsStoredAsTheSecretARealServerWouldHold() throws Exception {
        Helm.install(TestCharts.chart(Component.BASE).toString()).withName("istio-base")
                .withNamespace("istio-system").createNamespace().withKubeConfigContents(kubeconfig).call();

        Secret record = cluster.client().secrets().inNamespace("istio-system")
                .withName("sh.helm.release.v1.istio-base.v1").get();

        assertThat(record.getType()).isEqualTo("helm.sh/release.v1");
        assertThat(record.getMetadata().getLabels()).containsEntry("owner", "helm").containsEntry("name", "istio-base")
                .containsEntry("status", "deployed").containsEntry("version", "1");
        byte[] helmEncoded = Base64.getDecoder().decode(record.getData().get("release"));
        byte[] gzipped = Base64.getDecoder().decode(helmEncoded);
        try (GZIPInputStream json = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertThat(new String(json.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"name\":\"istio-base\"", "\"namespace\":\"istio-system\"");
        }
    }

    @Test
    void helmUpgradesTheBaseChartToRevisionTwo() {
        String chart = TestCharts.chart(Component.BASE).toString();
        Helm.install(chart).withName("istio-base").withNamespace("istio-system").createNamespace()
                .withKubeConfigContents(kubeconfig).call();

        Release upgraded = Helm.upgrade(chart).install().withName("istio-base").withNamespace("istio-system")
                .set("global.istioNamespace", "istio-system").set("defaultRevision", "canary")
                .withKubeConfigContents(kubeconfig).call();

        assertThat(upgraded.getStatus()).isEqualTo("deployed");
        assertThat(upgraded.getRevision()).isEqualTo("2");
        List<Release> releases = Helm.list().all().withNamespace("istio-system").withKubeConfigContents(kubeconfig)
                .call();
        assertThat(releases).singleElement().satisfies(release -> assertThat(release.getRevision()).isEqualTo("2"));
        assertThat(cluster.client().admissionRegistration().v1().validatingWebhookConfigurations()
                .withName("istiod-default-validator").get().getWebhooks()).singleElement().satisfies(webhook -> {
                    assertThat(webhook.getClientConfig().getService().getName()).isEqualTo("istiod-canary");
                    assertThat(webhook.getRules()).isNotEmpty();
                });
    }
}
