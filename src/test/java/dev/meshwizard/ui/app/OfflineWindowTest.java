package dev.meshwizard.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** With no kubeconfig anywhere the window opens offline and stays usable. */
@ExtendWith({FailOnUncaughtExceptions.class, ApplicationExtension.class})
class OfflineWindowTest {

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
    void withoutAnyKubeconfigTheWindowWorksOffline(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#kubeconfig-source").queryAs(Label.class).getText().contains("working offline"));

        assertThat(robot.lookup("#connection-state").queryAs(Label.class).getText()).startsWith("Offline");
        assertThat(robot.lookup("#connect").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#watch-status").queryAs(Label.class).getText()).startsWith("Offline");
        assertThat(robot.lookup("#status-connection").queryAs(Label.class).getText()).startsWith("Offline");
    }

    @Test
    void anExceptionNoCodeCaughtIsShownInTheStatusLineUntilClicked(FxRobot robot) throws Exception {
        // Given the window's last-resort handler (called directly: installing it would hide exceptions from the test)
        UncaughtErrors handler = new UncaughtErrors(fixture.window()::showError);
        Thread worker = new Thread(() -> { }, "worker");

        // When a background thread lets an exception escape
        handler.uncaughtException(worker, new IllegalStateException("wrapped", new NullPointerException("no url")));
        WaitForAsyncUtils.waitForFxEvents();

        // Then the status line names its innermost cause
        Label error = robot.lookup("#status-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("Unexpected error (NullPointerException: no url)");

        // And a click dismisses it
        robot.clickOn(error);
        assertThat(error.isVisible()).isFalse();
    }

    @Test
    void aButtonThatDisablesItselfDoesNotPassTheFocusToTheSidePanelsNamespacesField(FxRobot robot) {
        // Given the focus on the last button of the Cluster step (as Roll back is the Releases tab's last)
        Button button = new Button("Work");
        javafx.scene.layout.Pane row = robot.lookup((javafx.scene.Node n) ->
                n instanceof dev.meshwizard.ui.cluster.ClusterStepView).query();
        robot.interact(() -> {
            row.getChildren().add(button);
            button.requestFocus();
        });
        assertThat(button.isFocused()).isTrue();

        // When the button is disabled while its work runs
        robot.interact(() -> button.setDisable(true));
        WaitForAsyncUtils.waitForFxEvents();

        // Then the Namespaces field did not take the focus
        javafx.scene.Node owner = button.getScene().getFocusOwner();
        assertThat(owner).isNotSameAs(robot.lookup("#watch-namespaces").query());
        assertThat(robot.lookup("#side-panel").queryParent().lookupAll("*")).doesNotContain(owner);
        assertThat(owner).isNotNull();
    }
}
