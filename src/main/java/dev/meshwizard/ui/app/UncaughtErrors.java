package dev.meshwizard.ui.app;

import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort for an exception no code caught, on the FX thread or any other: it is logged with its stack
 * trace and its one-line description goes to the status line, so that a failed click is never silent.
 */
final class UncaughtErrors implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UncaughtErrors.class);

    private final Consumer<String> statusLine;

    UncaughtErrors(Consumer<String> statusLine) {
        this.statusLine = statusLine;
    }

    /** Makes this the handler of every thread without one of its own, the FX thread among them. */
    static void install(Consumer<String> statusLine) {
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtErrors(statusLine));
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Uncaught exception on thread {}", thread.getName(), error);
        String text = describe(error);
        if (Platform.isFxApplicationThread()) {
            statusLine.accept(text);
        } else {
            Platform.runLater(() -> statusLine.accept(text));
        }
    }

    /** One line for the status bar: the innermost cause's type and message. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null || root.getMessage().isBlank() ? ""
                : ": " + root.getMessage().lines().findFirst().orElse("");
        return "Unexpected error (" + root.getClass().getSimpleName() + message + "), logged to standard error";
    }
}
