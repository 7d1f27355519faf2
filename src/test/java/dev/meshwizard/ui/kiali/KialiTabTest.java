package dev.meshwizard.ui.kiali;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.connect.Kubeconfig;
import dev.meshwizard.job.BackgroundJobRunner;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.ui.app.FailOnUncaughtExceptions;
import dev.meshwizard.ui.state.SessionModel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.web.WebEngine;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Kiali tab shows the forwarded page in its web view and keeps navigation on that origin. */
@ExtendWith({FailOnUncaughtExceptions.class, ApplicationExtension.class})
class KialiTabTest {

    private final BackgroundJobRunner jobs = new BackgroundJobRunner(Platform::runLater);
    private final List<String> openedInBrowser = new CopyOnWriteArrayList<>();
    private SimulatedCluster cluster;
    private SessionModel sessionModel;
    private HttpServer elsewhere;
    private KialiPages pages;
    private KialiTab tab;

    @Start
    void start(Stage stage) throws Exception {
        cluster = SimulatedCluster.start().createNamespaces("istio-system");
        Path dir = Files.createTempDirectory(Path.of("target"), "kiali-tab");
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        elsewhere.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        elsewhere.start();
        pages = KialiPages.serve(cluster, "kiali-1", elsewhereUrl());
        sessionModel = new SessionModel(jobs);
        sessionModel.connected(new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim"));
        tab = new KialiTab(new KialiTabViewModel(jobs, sessionModel, Platform::runLater), openedInBrowser::add);
        stage.setScene(new Scene(new TabPane(tab), 1000, 700));
        stage.show();
    }

    private String elsewhereUrl() {
        return "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/docs";
    }

    @AfterEach
    void close() {
        Platform.runLater(() -> tab.model().close());
        WaitForAsyncUtils.waitForFxEvents();
        sessionModel.shutdown();
        jobs.close();
        pages.close();
        elsewhere.stop(0);
        cluster.close();
    }

    private WebEngine engine() {
        return tab.webView().getEngine();
    }

    private void waitForPage(String url) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                url.equals(engine().getLocation()) && engine().getLoadWorker().getState() == Worker.State.SUCCEEDED)
                .get());
    }

    @Test
    void theForwardedKialiPageLoadsInTheWebView(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !tab.model().urlProperty().get().isEmpty());
        String url = tab.model().urlProperty().get();

        waitForPage(url);

        Object title = WaitForAsyncUtils.asyncFx(() -> engine().executeScript("document.title")).get();
        assertThat(title).isEqualTo(KialiPages.TITLE);
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/kiali");
        assertThat(tab.model().stateProperty().get()).endsWith("to pod kiali-1");
    }

    @Test
    void aLinkToAnotherOriginOpensInTheBrowserAndTheViewStaysOnKiali(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !tab.model().urlProperty().get().isEmpty());
        String url = tab.model().urlProperty().get();
        waitForPage(url);

        robot.interact(() -> engine().executeScript("document.getElementById('out').click()"));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> openedInBrowser.contains(elsewhereUrl()));
        waitForPage(url);
        Object heading = WaitForAsyncUtils.asyncFx(() -> engine().executeScript(
                "document.querySelector('h1').textContent")).get();
        assertThat(heading).isEqualTo("Served by kiali-1");
        assertThat(openedInBrowser).containsExactly(elsewhereUrl());
    }
}
