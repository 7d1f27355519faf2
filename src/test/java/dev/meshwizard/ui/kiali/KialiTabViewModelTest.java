package dev.meshwizard.ui.kiali;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.connect.Kubeconfig;
import dev.meshwizard.job.SameThreadJobRunner;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.ui.state.SessionModel;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kiali tab's forward and origin, through the simulated API's pod port-forward. */
class KialiTabViewModelTest {

    @TempDir
    Path dir;
    private final SameThreadJobRunner jobs = new SameThreadJobRunner();
    private final SessionModel sessionModel = new SessionModel(jobs);
    private SimulatedCluster cluster;
    private KialiPages pages;
    private KialiTabViewModel model;

    @BeforeEach
    void connect() throws Exception {
        cluster = SimulatedCluster.start().createNamespaces("istio-system");
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        sessionModel.connected(new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim"));
        model = new KialiTabViewModel(jobs, sessionModel, Runnable::run);
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

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition reached in time").isTrue();
    }

    @Test
    void aReadyKialiPodIsForwardedAndItsPageAddressIsOnTheLoopbackOrigin() throws Exception {
        pages = KialiPages.serve(cluster, "kiali-1", "https://istio.io/");

        model.open();
        waitFor(() -> !model.urlProperty().get().isEmpty());

        String url = model.urlProperty().get();
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/kiali");
        assertThat(model.stateProperty().get()).startsWith("Forwarding 127.0.0.1:").endsWith("to pod kiali-1");
        assertThat(model.forwardingProperty().get()).isTrue();
        String origin = url.substring(0, url.length() - "/kiali".length());
        assertThat(model.onOrigin(origin + "/kiali/console/graph/namespaces/")).isTrue();
        assertThat(model.onOrigin(origin.replace("127.0.0.1", "localhost") + "/kiali")).isTrue();
        assertThat(model.onOrigin("https://istio.io/")).isFalse();
        assertThat(model.onOrigin("http://127.0.0.1:1/kiali")).isFalse();
        assertThat(model.onOrigin("about:blank")).isTrue();
    }

    @Test
    void withoutAKialiPodTheForwardWaitsAndOffersRetry() throws Exception {
        model.open();
        waitFor(() -> model.stateProperty().get().startsWith("Waiting"));

        assertThat(model.stateProperty().get()).contains("Waiting for a ready Kiali pod in istio-system");
        assertThat(model.canRetryProperty().get()).isTrue();
        assertThat(model.urlProperty().get()).isEmpty();
    }

    @Test
    void aChangedConnectionClosesTheForward() throws Exception {
        pages = KialiPages.serve(cluster, "kiali-1", "https://istio.io/");
        model.open();
        waitFor(() -> model.forwardingProperty().get());

        sessionModel.offline();

        assertThat(model.urlProperty().get()).isEmpty();
        assertThat(model.forwardingProperty().get()).isFalse();
        assertThat(model.stateProperty().get()).startsWith("The cluster connection changed");
        assertThat(model.canRetryProperty().get()).isTrue();
        assertThat(model.onOrigin("http://127.0.0.1:20001/kiali")).isFalse();
    }

    @Test
    void aForwardThroughWhichKialiFailsShowsTheFailureWithRetryInsteadOfAPage() throws Exception {
        // Given a Kiali pod that answers 503 through its forward
        pages = KialiPages.failing(cluster, "kiali-1", 503);

        // When the tab opens
        model.open();
        waitFor(() -> model.stateProperty().get().startsWith("Kiali does not answer"));

        // Then it says why, offers Retry and loads no page
        assertThat(model.stateProperty().get()).contains("to pod kiali-1").contains("HTTP 503");
        assertThat(model.canRetryProperty().get()).isTrue();
        assertThat(model.urlProperty().get()).isEmpty();
    }
}
