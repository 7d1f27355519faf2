package dev.meshwizard.ui.app;


import dev.meshwizard.testing.SimulatedCluster;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window as a user meets it: a kubeconfig pointing at the simulated API, connect, watch, filter. */
@ExtendWith({FailOnUncaughtExceptions.class, ApplicationExtension.class})
class MainWindowTest {

    private static SimulatedCluster cluster;
    private static Path kubeconfig;
    private WindowFixture fixture;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = SimulatedCluster.start().createNamespaces("istio-system", "bookinfo");
        Path dir = Files.createDirectories(Path.of("target", "ui-test"));
        kubeconfig = dir.resolve("kubeconfig-" + ProcessHandle.current().pid() + ".yaml");
        cluster.writeKubeconfig(kubeconfig, "simulated");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        fixture = WindowFixture.show(stage, settings -> settings.kubeconfigFile(kubeconfig));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void choosingAContextAndConnectingShowsItsPodsLive(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#connect").queryAs(Button.class).getText().equals("Connect to simulated"));

        robot.clickOn("#connect");

        waitFor(() -> text(robot, "#connection-state").startsWith("Connected to simulated"));
        org.assertj.core.api.Assertions.assertThat(text(robot, "#connection-state"))
                .contains("a simulated API for trying the UI, not a cluster");
        waitFor(() -> text(robot, "#watch-status").startsWith("Live"));

        cluster.client().pods().inNamespace("istio-system").resource(new PodBuilder()
                .withNewMetadata().withName("istiod-7d4f9c").withNamespace("istio-system").endMetadata()
                .withNewSpec().addNewContainer().withName("discovery").withImage("istio/pilot").endContainer()
                .endSpec()
                .withNewStatus().withPhase("Running").endStatus()
                .build()).create();

        TableView<?> pods = robot.lookup("#pods-table").queryAs(TableView.class);
        waitFor(() -> pods.getItems().stream().anyMatch(row -> row.toString().contains("istiod-7d4f9c")));
    }

    @Test
    void theFilterNarrowsThePodTable(FxRobot robot) throws Exception {
        for (String name : new String[] {"ratings-v1-abc", "reviews-v2-def"}) {
            cluster.client().pods().inNamespace("istio-system").resource(new PodBuilder()
                    .withNewMetadata().withName(name).withNamespace("istio-system").endMetadata()
                    .withNewSpec().addNewContainer().withName("app").withImage("app").endContainer().endSpec()
                    .build()).createOr(existing -> existing.update());
        }
        waitFor(() -> robot.lookup("#connect").queryAs(Button.class).getText().equals("Connect to simulated"));
        robot.clickOn("#connect");
        TableView<?> pods = robot.lookup("#pods-table").queryAs(TableView.class);
        waitFor(() -> pods.getItems().size() >= 2);

        robot.clickOn("#filter").write("ratings");

        waitFor(() -> pods.getItems().size() == 1 && pods.getItems().get(0).toString().contains("ratings-v1-abc"));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }
}
