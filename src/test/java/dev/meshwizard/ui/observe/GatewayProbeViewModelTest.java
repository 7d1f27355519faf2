package dev.meshwizard.ui.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.forward.IngressProbe;
import dev.meshwizard.cluster.connect.Kubeconfig;
import dev.meshwizard.job.SameThreadJobRunner;
import dev.meshwizard.testing.BookinfoPages;
import dev.meshwizard.testing.GatewayObjects;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe through the gateway: address from the cluster, results per second and totals from a local server. */
class GatewayProbeViewModelTest {

    @TempDir
    Path dir;
    private final SameThreadJobRunner jobs = new SameThreadJobRunner();
    private final SessionModel sessionModel = new SessionModel(jobs);
    private SimulatedCluster cluster;
    private BookinfoPages pages;
    private GatewayProbeViewModel model;

    @BeforeEach
    void connect() throws Exception {
        cluster = SimulatedCluster.start().createNamespaces("istio-system", "bookinfo");
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        sessionModel.connected(new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim"));
        model = new GatewayProbeViewModel(jobs, new PlanModel(jobs), sessionModel, Runnable::run, new IngressProbe());
    }

    @AfterEach
    void stop() {
        model.close();
        sessionModel.shutdown();
        cluster.close();
        if (pages != null) {
            pages.close();
        }
    }

    @Test
    void theLoadBalancersAddressBecomesTheGatewayUrl() {
        cluster.createAll(List.of(GatewayObjects.service("LoadBalancer", "203.0.113.10")));

        model.findAddress();

        assertThat(model.gatewayUrlProperty().get()).isEqualTo("203.0.113.10:80");
        assertThat(model.forwardNeededProperty().get()).isFalse();
        assertThat(model.addressReasonProperty().get()).contains("Load balancer address");
    }

    @Test
    void aGatewayWithoutOutsideAddressOffersTheForward() {
        cluster.createAll(List.of(GatewayObjects.service("ClusterIP", null)));

        model.findAddress();

        assertThat(model.forwardNeededProperty().get()).isTrue();
        assertThat(model.gatewayUrlProperty().get()).isEmpty();
        assertThat(model.canStartProperty().get()).isFalse();
        assertThat(model.addressReasonProperty().get()).contains("port-forward");
    }

    @Test
    void eachResultIsCountedInItsSecondByStatusAndByReviewsVersion() {
        pages = BookinfoPages.start();
        model.gatewayUrlProperty().set(pages.hostPort());
        model.countProperty().set(8);
        model.rateProperty().set(20);

        model.start();

        ProbeChartViewModel chart = model.chart();
        assertThat(chart.byStatus()).containsExactly(new ProbeChartViewModel.Count("200", 6),
                new ProbeChartViewModel.Count("503", 2));
        assertThat(chart.byVersion()).containsExactly(new ProbeChartViewModel.Count("v1 (no stars)", 2),
                new ProbeChartViewModel.Count("v2 (black stars)", 2), new ProbeChartViewModel.Count("v3 (red stars)", 2));
        assertThat(chart.buckets()).isNotEmpty();
        assertThat(chart.buckets().stream().mapToInt(b -> b.byCode().values().stream().mapToInt(i -> i).sum()).sum())
                .isEqualTo(8);
        assertThat(chart.buckets()).extracting(ProbeChartViewModel.Bucket::second).isSorted().doesNotHaveDuplicates();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.summaryProperty().get()).startsWith("6 of 8 requests answered 200");
        assertThat(model.hintProperty().get()).isEmpty();
    }

    @Test
    void aProbeWithoutA200PointsToTheRoutingAnalysisAndTheAccessLog() {
        pages = BookinfoPages.start(List.of(503));
        model.gatewayUrlProperty().set(pages.hostPort());
        model.countProperty().set(3);
        model.rateProperty().set(20);

        model.start();

        assertThat(model.chart().byStatus()).containsExactly(new ProbeChartViewModel.Count("503", 3));
        assertThat(model.hintProperty().get()).contains("Routing").contains("access log");
    }

    @Test
    void aNewConnectionForgetsTheOldAddress() throws Exception {
        cluster.createAll(List.of(GatewayObjects.service("LoadBalancer", "203.0.113.10")));
        model.findAddress();

        sessionModel.offline();

        assertThat(model.gatewayUrlProperty().get()).isEmpty();
        assertThat(model.addressReasonProperty().get()).isEmpty();
    }
}
