package dev.meshwizard.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.cluster.apply.NamespaceInjection;
import dev.meshwizard.mesh.analysis.Finding;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.plan.Workspace;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.ui.common.YamlEditor;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.VirtualService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

/** Bookinfo deployed from the Sample step, then routed from the Routing step, on the simulated API. */
@ExtendWith({FailOnUncaughtExceptions.class, ApplicationExtension.class})
class SampleRoutingWindowTest {

    private SimulatedCluster cluster;
    private WindowFixture fixture;
    private Path workspace;

    @Start
    void start(Stage stage) throws Exception {
        cluster = SimulatedCluster.start().installIstioCrds();
        cluster.startControllers(Duration.ofMillis(20));
        Path dir = Files.createTempDirectory(Path.of("target"), "sample-ui");
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        workspace = dir.resolve("workspace");
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
    void bookinfoWithItsGatewayIsAppliedAndTheJasonRouteWithoutRulesPointsAtItsSubsetLine(FxRobot robot)
            throws Exception {
        // Given a connection to the simulated cluster
        waitFor(() -> robot.lookup("#connect").queryAs(Button.class).getText().equals("Connect to sim"));
        robot.clickOn("#connect");
        waitFor(() -> robot.lookup("#connection-state").queryAs(Label.class).getText().startsWith("Connected"));

        // When Bookinfo is applied with its Gateway from the Sample step
        ListView<?> steps = robot.lookup("#steps").queryAs(ListView.class);
        robot.interact(() -> steps.getSelectionModel().select(5));
        waitFor(() -> robot.lookup("#sample-gateway-note").tryQuery().isPresent()
                && robot.lookup("#sample-gateway-note").queryAs(Label.class).getText().startsWith("Gateway selector"));
        assertThat(robot.lookup("#sample-gateway-note").queryAs(Label.class).getText())
                .contains("istio=ingressgateway");
        robot.clickOn("#sample-preview");
        waitFor(() -> !robot.lookup("#sample-changes").queryAs(ListView.class).getItems().isEmpty());
        robot.clickOn("#sample-apply");
        waitFor(() -> robot.lookup("#sample-confirmation").query().isVisible());
        Button confirm = robot.lookup("#sample-confirmation-confirm").queryAs(Button.class);
        assertThat(confirm.getText()).matches("Apply \\d+ object\\(s\\) on context sim");
        assertThat(robot.lookup("#sample-confirmation-question").queryAs(Label.class).getText())
                .contains("namespace default").contains("object(s) created or changed by server-side apply");
        robot.interact(confirm::fire);
        waitFor(() -> robot.lookup("#sample-status").queryAs(Label.class).getText().startsWith("Applied"));

        // Then its Deployments and Gateway are in the cluster
        assertThat(cluster.client().apps().deployments().inNamespace("default").list().getItems())
                .extracting(d -> d.getMetadata().getName())
                .contains("productpage-v1", "reviews-v1", "reviews-v2", "reviews-v3");
        Gateway gateway = cluster.client().resources(Gateway.class).inNamespace("default")
                .withName("bookinfo-gateway").get();
        assertThat(gateway).isNotNull();
        assertThat(gateway.getSpec().getSelector()).containsEntry("istio", "ingressgateway");

        // When the jason route is applied alone from the Routing step
        robot.interact(() -> steps.getSelectionModel().select(6));
        waitFor(() -> robot.lookup("#routing-templates").tryQuery().isPresent());
        robot.clickOn("#routing-templates");
        robot.clickOn("#template-jason");
        Button preview = robot.lookup("#routing-preview").queryAs(Button.class);
        waitFor(() -> !preview.isDisabled());
        robot.clickOn("#routing-preview");
        Button apply = robot.lookup("#routing-apply").queryAs(Button.class);
        waitFor(() -> !apply.isDisabled());
        robot.clickOn("#routing-apply");
        waitFor(() -> robot.lookup("#routing-confirmation").query().isVisible());
        robot.interact(robot.lookup("#routing-confirmation-confirm").queryAs(Button.class)::fire);
        waitFor(() -> robot.lookup("#routing-apply-status").queryAs(Label.class).getText().startsWith("Applied"));
        assertThat(cluster.client().resources(VirtualService.class).inNamespace("default").withName("reviews").get())
                .isNotNull();
        assertThat(cluster.client().resources(DestinationRule.class).inNamespace("default").list().getItems())
                .isEmpty();

        // Then the analysis finds the undefined subset, and selecting the finding puts the caret on its line
        @SuppressWarnings("unchecked")
        TableView<Finding> findings = robot.lookup("#routing-findings").queryAs(TableView.class);
        robot.clickOn("Findings");
        waitFor(() -> findings.getItems().stream().anyMatch(f -> f.code().equals("MW0102")));
        Finding subset = findings.getItems().stream().filter(f -> f.code().equals("MW0102")).findFirst()
                .orElseThrow();
        assertThat(subset.object().name()).isEqualTo("reviews");
        assertThat(findings.getColumns().stream().filter(c -> "routing-findings-istio".equals(c.getId())).findFirst()
                .orElseThrow().getCellData(subset)).isEqualTo("IST0101 ReferencedResourceNotFound");
        robot.interact(() -> findings.getSelectionModel().select(subset));
        WaitForAsyncUtils.waitForFxEvents();
        YamlEditor editor = robot.lookup("#routing-editor").queryAs(YamlEditor.class);
        List<String> lines = editor.getText().lines().toList();
        String caretLine = lines.get(editor.caretLine() - 1);
        String named = subset.message().replaceFirst("^subset \"([^\"]+)\".*$", "$1");
        assertThat(caretLine.trim()).startsWith("subset:").contains(named);

        // And the document is kept in the workspace
        assertThat(workspace.resolve("routing/virtualservice-reviews.yaml")).exists();
    }

    @Test
    void enablingInjectionFromTheTableLabelsTheNamespaceAndKeepsItsRowSelected(FxRobot robot) throws Exception {
        // Given a namespace shop, a connection and the Sample step's namespace table
        cluster.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata().withName("shop").endMetadata().build()).create();
        waitFor(() -> robot.lookup("#connect").queryAs(Button.class).getText().equals("Connect to sim"));
        robot.clickOn("#connect");
        waitFor(() -> robot.lookup("#connection-state").queryAs(Label.class).getText().startsWith("Connected"));
        ListView<?> steps = robot.lookup("#steps").queryAs(ListView.class);
        robot.interact(() -> steps.getSelectionModel().select(5));
        @SuppressWarnings("unchecked")
        TableView<NamespaceInjection> table = robot.lookup("#injection-namespaces").queryAs(TableView.class);
        waitFor(() -> table.getItems().stream().anyMatch(n -> n.name().equals("shop")));

        // When injection is enabled in shop
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(n -> n.name().equals("shop")).findFirst().orElseThrow()));
        robot.clickOn("#enable-injection");
        waitFor(() -> robot.lookup("#injection-status").queryAs(Label.class).getText().startsWith("Injection enabled"));

        // Then the namespace is labelled, its row shows it and stays selected (and nothing was thrown)
        assertThat(cluster.client().namespaces().withName("shop").get().getMetadata().getLabels())
                .containsEntry("istio-injection", "enabled");
        assertThat(table.getSelectionModel().getSelectedItem().name()).isEqualTo("shop");
        assertThat(table.getSelectionModel().getSelectedItem().state()).isEqualTo(NamespaceInjection.State.ENABLED);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
