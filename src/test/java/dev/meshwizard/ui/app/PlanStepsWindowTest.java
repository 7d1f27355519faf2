package dev.meshwizard.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.plan.Workspace;
import dev.meshwizard.render.RenderedObject;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.ui.common.YamlEditor;
import dev.meshwizard.ui.profile.ProfileStepViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Profile → Helm values → Preview, offline, on the project's Istio-shaped test charts. */
@ExtendWith({FailOnUncaughtExceptions.class, ApplicationExtension.class})
class PlanStepsWindowTest {

    private WindowFixture fixture;
    private Path workspace;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "plan-ui");
        Path istio = TestCharts.istioReleaseFolder(dir);
        workspace = dir.resolve("workspace");
        Workspace.open(workspace).save(Plans.forProfile(Profile.DEFAULT, ChartSourceSpec.istioRelease(istio),
                TestCharts.VERSION));
        fixture = WindowFixture.show(stage, settings -> settings.workspace(workspace));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void demoThenAFormEditOfTheGatewayServiceTypeReachesTheYamlThePreviewAndTheWorkspace(FxRobot robot)
            throws Exception {
        step(robot, 1);
        TableView<?> profiles = robot.lookup("#profiles").queryAs(TableView.class);
        waitFor(() -> profiles.getSelectionModel().getSelectedIndex() == 0);
        robot.interact(() -> profiles.getSelectionModel().select(1));

        step(robot, 2);
        TabPane tabs = robot.lookup("#values-tabs").queryAs(TabPane.class);
        waitFor(() -> tabs.getTabs().stream().anyMatch(t -> t.getId().equals("values-tab-istio-egressgateway")));
        Tab ingress = tabs.getTabs().stream().filter(t -> t.getId().equals("values-tab-istio-ingressgateway"))
                .findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(ingress));
        waitFor(() -> robot.lookup("#values-editor-istio-ingressgateway").tryQuery().isPresent());
        YamlEditor editor = robot.lookup("#values-editor-istio-ingressgateway").queryAs(YamlEditor.class);
        String before = editor.getText();
        assertThat(before).contains("type: LoadBalancer").contains("# Annotations for the cloud's load balancer");

        @SuppressWarnings("unchecked")
        ComboBox<String> type = robot.lookup("#field-istio-ingressgateway-service-type").queryAs(ComboBox.class);
        robot.interact(() -> type.setValue("NodePort"));

        waitFor(() -> editor.getText().contains("type: NodePort"));
        assertThat(editor.getText()).isEqualTo(before.replace("type: LoadBalancer", "type: NodePort"));

        step(robot, 3);
        waitFor(() -> robot.lookup("#preview-tree").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = robot.lookup("#preview-tree").queryAs(TreeView.class);
        waitFor(() -> gatewayService(tree) != null
                && ((RenderedObject) gatewayService(tree).getValue()).yaml().contains("NodePort"));
        robot.interact(() -> tree.getSelectionModel().select(gatewayService(tree)));
        YamlEditor preview = robot.lookup("#preview-yaml").queryAs(YamlEditor.class);
        waitFor(() -> preview.getText().contains("type: NodePort"));
        assertThat(robot.lookup("#preview-status").queryAs(Label.class).getText()).contains("rendered offline");

        waitFor(() -> Files.readString(workspace.resolve("values/istio-ingressgateway.yaml"))
                .contains("type: NodePort"));
        assertThat(Files.readString(workspace.resolve("mesh-wizard.yaml"))).contains("profile: demo");
    }

    @Test
    void aGatewayEditedOnDefaultSurvivesAmbientAndBackAndCtrlZUndoesTheSwitch(FxRobot robot) throws Exception {
        // Given the AWS NLB preset and 3 replicas on default's ingress gateway
        step(robot, 2);
        TabPane tabs = robot.lookup("#values-tabs").queryAs(TabPane.class);
        waitFor(() -> tabs.getTabs().stream().anyMatch(t -> t.getId().equals("values-tab-istio-ingressgateway")));
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getId().equals("values-tab-istio-ingressgateway")).findFirst().orElseThrow()));
        waitFor(() -> robot.lookup("#aws-nlb-preset").tryQuery().isPresent());
        javafx.scene.control.Button aws = robot.lookup("#aws-nlb-preset").queryAs(javafx.scene.control.Button.class);
        javafx.application.Platform.runLater(aws::fire);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("OK");
        YamlEditor editor = robot.lookup("#values-editor-istio-ingressgateway").queryAs(YamlEditor.class);
        waitFor(() -> editor.getText().contains("aws-load-balancer-type"));
        TextField replicas = robot.lookup("#field-istio-ingressgateway-replicaCount").queryAs(TextField.class);
        robot.interact(() -> {
            replicas.setText("3");
            replicas.getOnAction().handle(null);
        });
        waitFor(() -> editor.getText().contains("replicaCount: 3"));
        String edited = editor.getText();

        // When ambient is chosen, then default again
        step(robot, 1);
        @SuppressWarnings("unchecked")
        TableView<ProfileStepViewModel.ProfileLine> profiles = robot.lookup("#profiles").queryAs(TableView.class);
        robot.clickOn(cell(robot, profiles, Profile.AMBIENT));
        waitFor(() -> fixture.window().planModel().plan().profile().equals("ambient"));
        robot.clickOn(cell(robot, profiles, Profile.DEFAULT));
        waitFor(() -> fixture.window().planModel().plan().profile().equals("default"));

        // Then the gateway's values are the edited ones
        assertThat(fixture.window().planModel().plan().release("istio-ingressgateway").orElseThrow().valuesYaml())
                .isEqualTo(edited);

        // When Ctrl+Z is pressed (outside any text field)
        robot.interact(profiles::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        // Then the plan is ambient again, its gateway set aside with its values
        assertThat(fixture.window().planModel().plan().profile()).isEqualTo("ambient");
        assertThat(fixture.window().planModel().plan().setAside()).anySatisfy(r ->
                assertThat(r.valuesYaml()).isEqualTo(edited));
        assertThat(profiles.getSelectionModel().getSelectedItem().profile()).isEqualTo(Profile.AMBIENT);
    }

    private static javafx.scene.Node cell(FxRobot robot, TableView<ProfileStepViewModel.ProfileLine> table,
                                          Profile profile) {
        return robot.from(table).lookup(".table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                c.getTableRow() != null && c.getTableRow().getItem() instanceof ProfileStepViewModel.ProfileLine line
                        && line.profile() == profile).query();
    }

    private static TreeItem<Object> gatewayService(TreeView<Object> tree) {
        if (tree.getRoot() == null) {
            return null;
        }
        for (TreeItem<Object> release : tree.getRoot().getChildren()) {
            if (!release.getValue().toString().startsWith("istio-ingressgateway ")) {
                continue;
            }
            for (TreeItem<Object> kind : release.getChildren()) {
                for (TreeItem<Object> object : kind.getChildren()) {
                    if (object.getValue() instanceof RenderedObject o && o.kind().equals("Service")) {
                        return object;
                    }
                }
            }
        }
        return null;
    }

    private static void step(FxRobot robot, int index) {
        ListView<?> steps = robot.lookup("#steps").queryAs(ListView.class);
        robot.interact(() -> steps.getSelectionModel().select(index));
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }
}
