package dev.meshwizard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.testing.SimulatedCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The precheck end to end: kubeconfig → connect → access reviews answered by the simulated API. */
class PrecheckOnSimulatedClusterTest {

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private ClusterSession session;

    @BeforeEach
    void connect() throws Exception {
        cluster = SimulatedCluster.start(0, "v1.33.1");
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        session = new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim");
    }

    @AfterEach
    void close() {
        session.close();
        cluster.close();
    }

    @Test
    void anAdminOnASupportedVersionWithNoIstioPassesEveryCheck() {
        PrecheckReport report = session.precheck("1.28");

        assertThat(report.items()).allSatisfy(item -> assertThat(item.status())
                .as(item.title() + ": " + item.detail()).isEqualTo(PrecheckItem.Status.PASS));
    }

    @Test
    void aDeniedWebhookPermissionFailsThePermissionsCheckAndNamesIt() {
        cluster.denyAccess("admissionregistration.k8s.io", "mutatingwebhookconfigurations");

        PrecheckReport report = session.precheck("1.28");

        assertThat(report.hasFailures()).isTrue();
        assertThat(report.items()).filteredOn(i -> i.status() == PrecheckItem.Status.FAIL).singleElement()
                .satisfies(item -> {
                    assertThat(item.detail()).contains("mutatingwebhookconfigurations")
                            .doesNotContain("validatingwebhookconfigurations");
                    assertThat(item.fix()).contains("cluster-admin");
                });
    }
}
