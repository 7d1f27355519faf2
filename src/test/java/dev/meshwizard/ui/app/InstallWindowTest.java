package dev.meshwizard.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.cluster.helm.InstallEvent;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.plan.Workspace;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.ui.install.InstallStepViewModel;
import dev.meshwizard.ui.install.ReleasesViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Install step runs the plan with real Helm against the simulated API and shows each release done. */
@ExtendWith({FailOnUncaughtExceptions.class, ApplicationExtension.class})
class InstallWindowTest {

    private SimulatedCluster cluster;
    private WindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        cluster = SimulatedCluster.start();
        cluster.startControllers(Duration.ofMillis(20));
        Path dir = Files.createTempDirectory(Path.of("target"), "install-ui");
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        Path workspace = dir.resolve("workspace");
        Workspace.open(workspace).save(Plans.forProfile(Profile.DEFAULT,
                ChartSourceSpec.chartsFolder(TestCharts.chartsFolder()), TestCharts.VERSION));
        fixture = WindowFixture.show(stage, settings -> {
            settings.kubeconfigFile(kubeconfig);
            settings.workspace(workspace);
        });
    }

    @AfterEach
    void close() {
        fixture.close();
        cluster.close();
    }

    @Test
    void installingTheDefaultProfileShowsEveryReleaseDoneInOrder(FxRobot robot) throws Exception {
        openInstallStepConnected(robot);
        robot.clickOn("#install");

        // it asks first, naming the context, the server, the namespace and the counts
        Button confirm = robot.lookup("#install-confirmation-confirm").queryAs(Button.class);
        waitFor(() -> robot.lookup("#install-confirmation").query().isVisible());
        assertThat(confirm.getText()).isEqualTo("Install or upgrade 3 Istio release(s) on context sim");
        assertThat(robot.lookup("#install-confirmation-question").queryAs(Label.class).getText())
                .contains("Context sim, API server ").contains(":" + cluster.port()).contains("namespace istio-system")
                .contains("3 release(s) installed, 0 upgraded");
        robot.clickOn(confirm);

        @SuppressWarnings("unchecked")
        TableView<InstallStepViewModel.ReleaseLine> lines = robot.lookup("#install-releases").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !lines.getItems().isEmpty() && lines.getItems().stream()
                .allMatch(line -> line.phase() == InstallEvent.Phase.DONE));
        assertThat(lines.getItems()).extracting(InstallStepViewModel.ReleaseLine::release)
                .containsExactly("istio-base", "istiod", "istio-ingressgateway");
        waitFor(() -> robot.lookup("#cancel-install").queryAs(Button.class).isDisabled());
        assertThat(cluster.client().apps().deployments().inNamespace("istio-system").withName("istiod").get())
                .isNotNull();
        @SuppressWarnings("unchecked")
        ListView<String> log = robot.lookup("#install-log").queryAs(ListView.class);
        assertThat(log.getItems()).anyMatch(line -> line.contains("istiod done"));

        // the simulated API is a local context: the question may be turned off for it, then an upgrade runs at once
        robot.clickOn("#install");
        waitFor(() -> robot.lookup("#install-confirmation").query().isVisible());
        robot.clickOn("#install-confirmation-dont-ask");
        robot.clickOn("#install-confirmation-cancel");
        robot.clickOn("#install");
        waitFor(() -> robot.lookup("#install-confirmation").query().isVisible());
        robot.clickOn("#install-confirmation-dont-ask");
        robot.interact(robot.lookup("#install-confirmation-confirm").queryAs(Button.class)::fire);
        waitUntilIdle(robot);
        robot.clickOn("#install");
        waitUntilIdle(robot);
        assertThat(robot.lookup("#install-confirmation").query().isVisible()).isFalse();
        assertThat(cluster.client().secrets().inNamespace("istio-system").list().getItems())
                .anyMatch(secret -> secret.getMetadata().getName().equals("sh.helm.release.v1.istiod.v3"));
    }

    @Test
    void releasesPanelShowsHelmsRecordsRollsBackAndUninstallAsksAboutCrds(FxRobot robot) throws Exception {
        openInstallStepConnected(robot);
        installConfirmed(robot);
        waitUntilIdle(robot);
        installConfirmed(robot);
        waitUntilIdle(robot);

        robot.clickOn("Changes");
        waitFor(() -> robot.lookup("#changes-status").queryAs(Label.class).getText()
                .startsWith("Installing now changes nothing"));
        assertThat(robot.lookup("#changes-objects").queryAs(ListView.class).getItems()).hasSize(3);

        robot.clickOn("Releases");
        @SuppressWarnings("unchecked")
        TableView<ReleasesViewModel.ReleaseRow> releases = robot.lookup("#releases-table").queryAs(TableView.class);
        waitFor(() -> releases.getItems().size() == 3);
        assertThat(releases.getItems()).extracting(r -> r.name() + "@" + r.revision() + " " + r.status())
                .containsExactlyInAnyOrder("istio-base@2 deployed", "istiod@2 deployed",
                        "istio-ingressgateway@2 deployed");
        assertThat(releases.getItems()).allSatisfy(r -> assertThat(r.updated()).isNotBlank());

        robot.interact(() -> releases.getSelectionModel().select(releases.getItems().stream()
                .filter(r -> r.name().equals("istiod")).findFirst().orElseThrow()));
        waitFor(() -> robot.lookup("#releases-history").queryAs(TableView.class).getItems().size() == 2);
        Button rollback = robot.lookup("#rollback").queryAs(Button.class);
        waitFor(() -> rollback.getText().equals("Roll back istiod to revision 1…") && !rollback.isDisabled());
        robot.clickOn("#rollback");
        Button confirmRollback = robot.lookup("#rollback-confirmation-confirm").queryAs(Button.class);
        assertThat(confirmRollback.getText()).isEqualTo("Roll back istiod to revision 1 on context sim");
        assertThat(robot.lookup("#rollback-confirmation-question").queryAs(Label.class).getText())
                .contains("istiod (now revision 2) gets revision 3 with revision 1's chart");
        robot.interact(confirmRollback::fire);
        waitFor(() -> releases.getItems().stream().anyMatch(r -> r.name().equals("istiod") && r.revision() == 3));

        robot.clickOn("#uninstall");
        assertThat(robot.lookup("#uninstall-confirmation").query().isVisible()).isTrue();
        robot.clickOn("#uninstall-crds");
        robot.clickOn("#confirm-uninstall");
        waitUntilIdle(robot);
        waitFor(() -> releases.getItems().isEmpty());
        assertThat(cluster.client().apiextensions().v1().customResourceDefinitions().list().getItems()).isEmpty();
        assertThat(cluster.client().namespaces().withName("istio-system").get()).isNotNull();
    }

    private static void openInstallStepConnected(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#connect").queryAs(Button.class).getText().equals("Connect to sim"));
        robot.clickOn("#connect");
        waitFor(() -> robot.lookup("#connection-state").queryAs(Label.class).getText().startsWith("Connected"));
        ListView<?> steps = robot.lookup("#steps").queryAs(ListView.class);
        robot.interact(() -> steps.getSelectionModel().select(4));
        waitFor(() -> robot.lookup("#install").tryQuery().isPresent()
                && !robot.lookup("#install").queryAs(Button.class).isDisabled());
    }

    private static void installConfirmed(FxRobot robot) throws Exception {
        robot.clickOn("#install");
        Button confirm = robot.lookup("#install-confirmation-confirm").queryAs(Button.class);
        waitFor(() -> robot.lookup("#install-confirmation").query().isVisible());
        robot.clickOn(confirm);
    }

    private static void waitUntilIdle(FxRobot robot) throws Exception {
        Button cancel = robot.lookup("#cancel-install").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !cancel.isDisabled());
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, cancel::isDisabled);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
