package dev.meshwizard.ui.app;

import dev.meshwizard.ui.state.AppSettings;

import dev.meshwizard.job.BackgroundJobRunner;
import dev.meshwizard.ui.sidepanel.RowBridge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** The main window on a TestFX stage, with real background jobs and fresh settings of its own. */
final class WindowFixture {

    private final BackgroundJobRunner jobs = new BackgroundJobRunner(Platform::runLater);
    private final MainWindow window;

    private WindowFixture(Stage stage, AppSettings settings) {
        MeshWizardApp.applyTheme(false);
        window = new MainWindow(settings, jobs, RowBridge.onFxThread(), dark -> { });
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(MeshWizardApp.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    /** Shows the window; {@code prepare} may adjust the settings first (e.g. which kubeconfig to open). */
    static WindowFixture show(Stage stage, Consumer<AppSettings> prepare) throws Exception {
        Path file = Files.createTempFile(Path.of("target"), "settings", ".properties");
        Files.delete(file);
        AppSettings settings = AppSettings.load(file);
        prepare.accept(settings);
        return new WindowFixture(stage, settings);
    }

    MainWindow window() {
        return window;
    }

    void close() {
        Platform.runLater(window::close);
        WaitForAsyncUtils.waitForFxEvents();
        jobs.close();
    }
}
