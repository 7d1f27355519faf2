package dev.meshwizard.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.plan.Workspace;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.ui.common.Views;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Routing step's buttons stay where the pointer is while the findings change, offline. */
@ExtendWith({FailOnUncaughtExceptions.class, ApplicationExtension.class})
class RoutingLayoutWindowTest {

    private WindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "routing-layout");
        Path workspace = dir.resolve("workspace");
        Workspace.open(workspace).save(Plans.forProfile(Profile.DEFAULT,
                ChartSourceSpec.chartsFolder(TestCharts.chartsFolder()), TestCharts.VERSION));
        fixture = WindowFixture.show(stage, settings -> settings.workspace(workspace));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theActionBarDoesNotMoveWhenFindingsAppearOrOneIsSelected(FxRobot robot) throws Exception {
        // Given the Routing step with no documents
        ListView<?> steps = robot.lookup("#steps").queryAs(ListView.class);
        robot.interact(() -> steps.getSelectionModel().select(6));
        waitFor(() -> robot.lookup("#routing-actions").tryQuery().isPresent());
        Node bar = robot.lookup("#routing-actions").query();
        WaitForAsyncUtils.waitForFxEvents();
        double before = top(bar);

        // When the jason route is added (findings and status lines appear)
        robot.clickOn("#routing-templates");
        robot.clickOn("#template-jason");
        TableView<?> findings = robot.lookup("#routing-findings").queryAs(TableView.class);
        waitFor(() -> !findings.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        double withFindings = top(bar);

        // And a finding is selected (its whole text appears under the table)
        robot.interact(() -> findings.getSelectionModel().select(0));
        waitFor(() -> !robot.lookup("#routing-finding-details").queryAs(Label.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        // Then the bar stayed where it was, and no findings column is narrower than its title
        assertThat(withFindings).isEqualTo(before);
        assertThat(top(bar)).isEqualTo(before);
        for (TableColumn<?, ?> column : findings.getColumns()) {
            assertThat(column.getWidth()).as(column.getText()).isGreaterThanOrEqualTo(
                    column.getText().isEmpty() ? 0 : Math.min(Views.titleWidth(column.getText()), 160));
        }
    }

    private static double top(Node node) {
        return node.localToScene(node.getBoundsInLocal()).getMinY();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }
}
