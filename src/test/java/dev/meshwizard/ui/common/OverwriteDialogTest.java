package dev.meshwizard.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dialog that asks before a write replaces what the user made. */
@ExtendWith(ApplicationExtension.class)
class OverwriteDialogTest {

    private final OverwriteQuestion question = new OverwriteQuestion();
    private final AtomicInteger writes = new AtomicInteger();

    @Start
    void start(Stage stage) {
        StackPane root = new StackPane();
        OverwriteDialog.attach(root, question);
        stage.setScene(new Scene(root, 300, 200));
        stage.show();
    }

    @Test
    void theDialogListsTheFilesAndWritesOnlyWhenOverwriteIsChosen(FxRobot robot) throws Exception {
        // When a write is refused
        Platform.runLater(() -> question.ask("/tmp/export", List.of("NOTES.md", "install.sh"),
                writes::incrementAndGet));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#overwrite-files").tryQuery().isPresent());

        // Then the dialog lists the files, and nothing is written until Overwrite
        ListView<?> list = robot.lookup("#overwrite-files").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(String::valueOf).containsExactly("NOTES.md", "install.sh");
        assertThat(writes).hasValue(0);
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        ButtonType overwrite = pane.getButtonTypes().stream().filter(b -> b.getText().equals("Overwrite"))
                .findFirst().orElseThrow();
        robot.interact(() -> ((Button) pane.lookupButton(overwrite)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(writes).hasValue(1);
        assertThat(question.filesProperty().get()).isEmpty();
    }

    @Test
    void cancellingWritesNothing(FxRobot robot) throws Exception {
        Platform.runLater(() -> question.ask("/tmp/export", List.of("NOTES.md"), writes::incrementAndGet));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#overwrite-files").tryQuery().isPresent());

        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CANCEL)).fire());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(writes).hasValue(0);
        assertThat(question.filesProperty().get()).isEmpty();
    }
}
