package dev.meshwizard.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Observe step is the wizard's last step; the Kiali tab comes and goes beside the wizard. */
@ExtendWith({FailOnUncaughtExceptions.class, ApplicationExtension.class})
class ObserveWindowTest {

    private WindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WindowFixture.show(stage, settings -> { });
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void offlineTheObserveStepShowsItsTabsWithNothingToProbe(FxRobot robot) throws Exception {
        ListView<?> steps = robot.lookup("#steps").queryAs(ListView.class);

        robot.interact(() -> steps.getSelectionModel().select(steps.getItems().size() - 1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#observe-tabs").tryQuery().isPresent());

        assertThat(robot.lookup("#probe-start").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#find-gateway").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#open-kiali").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void theKialiTabOpensBesideTheWizardAndClosingItLeavesTheWizardAlone(FxRobot robot) throws Exception {
        MainWindow window = robot.lookup("#main-window").queryAs(MainWindow.class);
        assertThat(window.getCenter()).isInstanceOf(SplitPane.class);

        robot.interact(window::openKiali);

        TabPane tabs = robot.lookup("#main-tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(tab -> tab.getText()).containsExactly("Wizard", "Kiali");
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Kiali");
        assertThat(robot.lookup("#kiali-forward-state").queryAs(Label.class).getText()).startsWith("Not connected");
        assertThat(robot.lookup("#kiali-retry").queryAs(Button.class).isVisible()).isTrue();

        robot.clickOn(".tab-close-button");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.getCenter() instanceof SplitPane);
        assertThat(robot.lookup("#kiali-forward-state").tryQuery()).isEmpty();
    }
}
