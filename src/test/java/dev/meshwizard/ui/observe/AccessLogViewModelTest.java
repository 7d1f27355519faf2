package dev.meshwizard.ui.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.connect.Kubeconfig;
import dev.meshwizard.job.SameThreadJobRunner;
import dev.meshwizard.testing.GatewayObjects;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestPods;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import io.fabric8.istio.api.telemetry.v1.Telemetry;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access-log switch and the followed proxy logs of the gateway and a workload, on the simulated API. */
class AccessLogViewModelTest {

    static final String OK = "[2025-01-15T10:00:01.123Z] \"GET /productpage HTTP/1.1\" 200 - via_upstream - \"-\" 0 "
            + "5289 32 31 \"10.244.0.1\" \"curl/8.5.0\" \"84961386\" \"192.168.49.2:31380\" "
            + "\"10.244.0.17:9080\" outbound|9080||productpage.default.svc.cluster.local 10.244.0.9:46520 "
            + "10.244.0.9:8080 10.244.0.1:51234 - -";
    static final String NO_HEALTHY = "[2025-01-15T10:00:02.000Z] \"GET /reviews/0 HTTP/1.1\" 503 UH "
            + "no_healthy_upstream - \"-\" 0 19 0 - \"-\" \"Python-urllib/3.12\" \"abc\" \"reviews:9080\" \"-\" "
            + "outbound|9080|v3|reviews.default.svc.cluster.local - 10.96.0.12:9080 10.244.0.17:40000 - default";

    @TempDir
    Path dir;
    private final SameThreadJobRunner jobs = new SameThreadJobRunner();
    private final SessionModel sessionModel = new SessionModel(jobs);
    private SimulatedCluster cluster;
    private AccessLogViewModel model;

    @BeforeEach
    void connect() throws Exception {
        cluster = SimulatedCluster.start().createNamespaces("istio-system", "bookinfo").installIstioCrds();
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        cluster.createAll(List.of(GatewayObjects.service("LoadBalancer", null), GatewayObjects.pod("gw-a"),
                TestPods.pod("bookinfo", "details-v1-y").container("details", "details:1").istioProxy().build(),
                TestPods.pod("bookinfo", "productpage-v1-x").container("productpage", "productpage:1").istioProxy()
                        .build()));
        sessionModel.connected(new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim"));
        model = new AccessLogViewModel(jobs, new PlanModel(jobs), sessionModel, Runnable::run);
    }

    @AfterEach
    void stop() {
        model.close();
        sessionModel.shutdown();
        cluster.close();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition reached in time").isTrue();
    }

    @Test
    void theWorkloadsWithASidecarAreListedAndTheProductPageIsChosen() {
        model.refresh();

        assertThat(model.workloads()).containsExactly("bookinfo/details-v1-y", "bookinfo/productpage-v1-x",
                "istio-system/gw-a");
        assertThat(model.workloadProperty().get()).isEqualTo("bookinfo/productpage-v1-x");
    }

    @Test
    void readingAgainAfterThePodListClearedTheChoiceToNothingChoosesTheProductPage() {
        // Given the choice cleared as an editable ComboBox clears it when its items are replaced (to null)
        model.refresh();
        model.workloadProperty().set(null);

        // When the state is read again (as when the connection comes back)
        model.refresh();

        // Then the product page is chosen again, and nothing was thrown on the way
        assertThat(model.workloadProperty().get()).isEqualTo("bookinfo/productpage-v1-x");
    }

    @Test
    void followingParsesTheGatewaysAndTheChosenPodsProxyLogs() throws Exception {
        cluster.podLog("istio-system", "gw-a", "istio-proxy", "2025-01-15T10:00:00Z info Envoy proxy is ready\n"
                + OK + "\n");
        cluster.podLog("bookinfo", "productpage-v1-x", "istio-proxy", NO_HEALTHY + "\n");
        model.workloadProperty().set("bookinfo/productpage-v1-x");

        model.follow();
        waitFor(() -> model.rows().size() == 3);

        assertThat(model.followStatusProperty().get()).contains("istio-system/gw-a")
                .contains("bookinfo/productpage-v1-x");
        LogRow failed = model.rows().stream().filter(r -> r.pod().equals("bookinfo/productpage-v1-x")).findFirst()
                .orElseThrow();
        assertThat(failed.status()).isEqualTo("503");
        assertThat(failed.flags()).isEqualTo("UH");
        assertThat(failed.upstream()).isEqualTo("outbound|9080|v3|reviews.default.svc.cluster.local");
        assertThat(failed.duration()).isEqualTo("0 ms");
        assertThat(failed.failed()).isTrue();
        assertThat(model.rows()).filteredOn(r -> r.pod().equals("istio-system/gw-a"))
                .extracting(LogRow::status).containsExactly("", "200");
    }

    @Test
    void selectingALineWithFlagsExplainsEachFlagWithItsHintAndTheRelatedChecks() throws Exception {
        cluster.podLog("istio-system", "gw-a", "istio-proxy", NO_HEALTHY + "\n");
        model.workloadProperty().set("");
        model.follow();
        waitFor(() -> model.rows().size() == 1);

        model.select(model.rows().get(0));

        assertThat(model.explanationProperty().get()).startsWith("UH – No healthy upstream: ")
                .contains("Fix: Make sure the destination's pods are running and ready")
                .contains("MW0103 A DestinationRule subset selects no pods").contains("MW0101 ");
    }

    @Test
    void aLineWithoutFlagsSaysTheRequestWentThrough() throws Exception {
        cluster.podLog("istio-system", "gw-a", "istio-proxy", OK + "\n");
        model.workloadProperty().set("");
        model.follow();
        waitFor(() -> model.rows().size() == 1);

        model.select(model.rows().get(0));

        assertThat(model.explanationProperty().get()).isEqualTo("No response flags: the request went through "
                + "(via_upstream).");
    }

    @Test
    void theSwitchAppliesAndDeletesTheMeshDefaultTelemetry() {
        model.refresh();
        assertThat(model.telemetryProperty().get()).isFalse();

        model.telemetryProperty().set(true);

        assertThat(telemetry()).isNotNull();
        assertThat(model.stateProperty().get()).startsWith("On: Telemetry mesh-default");

        model.telemetryProperty().set(false);

        assertThat(telemetry()).isNull();
        assertThat(model.stateProperty().get()).isEqualTo("Off");
    }

    @Test
    void aMeshConfigThatWritesAccessLogsToStdoutIsSaid() {
        cluster.client().configMaps().inNamespace("istio-system").resource(new ConfigMapBuilder().withNewMetadata()
                .withNamespace("istio-system").withName("istio").endMetadata()
                .addToData("mesh", "accessLogFile: /dev/stdout\n").build()).create();

        model.refresh();

        assertThat(model.meshConfigOnProperty().get()).isTrue();
        assertThat(model.telemetryProperty().get()).isFalse();
        assertThat(model.stateProperty().get()).contains("accessLogFile is /dev/stdout");
    }

    private Telemetry telemetry() {
        return cluster.client().resources(Telemetry.class).inNamespace("istio-system").withName("mesh-default").get();
    }
}
