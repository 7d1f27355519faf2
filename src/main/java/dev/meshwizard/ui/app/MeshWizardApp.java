package dev.meshwizard.ui.app;

import dev.meshwizard.ui.state.AppSettings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.meshwizard.job.BackgroundJobRunner;
import dev.meshwizard.ui.sidepanel.RowBridge;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The JavaFX application: one window, its theme, and the settings it remembers. */
public final class MeshWizardApp extends Application {

    static final String STYLESHEET =
            Objects.requireNonNull(MeshWizardApp.class.getResource("/dev/meshwizard/ui/app.css")).toExternalForm();

    private AppSettings settings;
    private BackgroundJobRunner jobs;
    private MainWindow window;

    // held so the level set below is not lost when the logger is collected
    private static final java.util.logging.Logger PLATFORM_LOG =
            java.util.logging.Logger.getLogger("javafx");

    /** Opens the window and returns when it is closed. */
    public static void launchApp() {
        // JavaFX warns about running from the class path (how the jar runs it); keep its real errors only
        PLATFORM_LOG.setLevel(java.util.logging.Level.SEVERE);
        Application.launch(MeshWizardApp.class);
    }

    @Override
    public void start(Stage stage) {
        settings = AppSettings.load();
        jobs = new BackgroundJobRunner(Platform::runLater);
        applyTheme(settings.darkTheme());
        window = new MainWindow(settings, jobs, RowBridge.onFxThread(), MeshWizardApp::applyTheme,
                getHostServices()::showDocument);
        UncaughtErrors.install(window::showError);
        // the default size, but never more than the screen has room for (a 1366x768 laptop)
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(1360, screen.getWidth()), Math.min(840, screen.getHeight() - 32));
        scene.getStylesheets().add(STYLESHEET);
        stage.setTitle("Mesh Wizard");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = MeshWizardApp.class.getResource("/dev/meshwizard/ui/icons/mesh-wizard-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
        stage.setScene(scene);
        restoreBounds(stage);
        if (settings.windowBounds().isEmpty()) {
            stage.setX(screen.getMinX() + (screen.getWidth() - scene.getWidth()) / 2);
            stage.setY(screen.getMinY() + Math.max(0, (screen.getHeight() - scene.getHeight()) / 2));
        }
        stage.setOnCloseRequest(e -> rememberBounds(stage));
        if ("1".equals(System.getenv("MESH_WIZARD_EXIT_AFTER_SHOWN"))) {
            // for measuring the start-up time and for training the class-data archive: quit once drawn
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    Platform.runLater(Platform::exit);
                }
            });
        }
        stage.show();
    }

    /** Applies the light or dark AtlantaFX theme to every window. */
    static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void restoreBounds(Stage stage) {
        settings.windowBounds().ifPresent(b -> {
            boolean visible = Screen.getScreens().stream()
                    .anyMatch(s -> s.getVisualBounds().intersects(new Rectangle2D(b[0], b[1], b[2], b[3])));
            stage.setWidth(b[2]);
            stage.setHeight(b[3]);
            if (visible) {
                stage.setX(b[0]);
                stage.setY(b[1]);
            }
        });
        stage.setMaximized(settings.maximized());
    }

    private void rememberBounds(Stage stage) {
        settings.maximized(stage.isMaximized());
        if (!stage.isMaximized()) {
            settings.windowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
    }

    @Override
    public void stop() {
        if (settings != null) {
            settings.save();
        }
        if (window != null) {
            window.close();
        }
        if (jobs != null) {
            jobs.close();
        }
    }
}
