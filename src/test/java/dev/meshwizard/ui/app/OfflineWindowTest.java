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
@ExtendWith(ApplicationExtension.class)
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
}
