package dev.meshwizard.cluster.precheck;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.Kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.testing.AskedAccess;
import dev.meshwizard.testing.SimulatedCluster;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void theAccessReviewsAskToCreateEachKindWhereTheChartsCreateIt() {
        // When the precheck runs
        session.precheck("1.28");

        // Then every review asks about "create", cluster-wide kinds without a namespace, namespaced ones in Istio's
        List<AskedAccess> asked = cluster.askedAccess();
        assertThat(asked).isNotEmpty().allSatisfy(a -> assertThat(a.verb()).as(a.resource()).isEqualTo("create"));
        assertThat(asked).contains(
                new AskedAccess("create", "", "namespaces", ""),
                new AskedAccess("create", "apiextensions.k8s.io", "customresourcedefinitions", ""),
                new AskedAccess("create", "admissionregistration.k8s.io", "mutatingwebhookconfigurations", ""),
                new AskedAccess("create", "apps", "deployments", "istio-system"),
                new AskedAccess("create", "", "services", "istio-system"),
                new AskedAccess("create", "", "serviceaccounts", "istio-system"));
    }
}
