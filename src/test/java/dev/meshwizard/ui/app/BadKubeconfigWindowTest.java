package dev.meshwizard.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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

/** A broken kubeconfig is reported in the Cluster step with its file and line; the window stays usable. */
@ExtendWith({FailOnUncaughtExceptions.class, ApplicationExtension.class})
class BadKubeconfigWindowTest {

    private Path broken;
    private WindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        broken = Files.createTempFile(Path.of("target"), "broken-kubeconfig", ".yaml");
        Files.writeString(broken, "apiVersion: v1\nkind: Config\ncontexts:\n- name: a\n  context: [unclosed\n");
        fixture = WindowFixture.show(stage, settings -> settings.kubeconfigFile(broken));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aMalformedKubeconfigShowsFileAndLineAndLeavesTheAppOffline(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#cluster-error").queryAs(Label.class).getText().isEmpty());

        String error = robot.lookup("#cluster-error").queryAs(Label.class).getText();
        assertThat(error).contains(broken.toString() + ":").containsPattern(":[56]: ");
        assertThat(robot.lookup("#connection-state").queryAs(Label.class).getText()).startsWith("Offline");
        assertThat(robot.lookup("#go-offline").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#reload-kubeconfig").queryAs(Button.class).isDisabled()).isFalse();
    }
}
