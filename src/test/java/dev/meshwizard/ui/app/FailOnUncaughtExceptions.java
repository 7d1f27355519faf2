package dev.meshwizard.ui.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Fails a window test when any thread, the FX thread included, let an exception escape while it ran: such an
 * exception reaches the user only as the status line's error, so the test would otherwise pass over it. Register
 * it before TestFX's extension so that it also sees what the window does while it is being shown.
 */
public final class FailOnUncaughtExceptions implements BeforeEachCallback, AfterEachCallback {

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previous;

    @Override
    public void beforeEach(ExtensionContext context) {
        uncaught.clear();
        // TestFX sets its own default handler when its WaitForAsyncUtils is first used: let it do so now, then
        // record every exception before passing it on to TestFX's handler
        WaitForAsyncUtils.clearExceptions();
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            uncaught.add(new AssertionError("Uncaught on thread " + thread.getName() + ": " + error, error));
            if (previous != null) {
                previous.uncaughtException(thread, error);
            }
        });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Thread.setDefaultUncaughtExceptionHandler(previous);
        if (!uncaught.isEmpty()) {
            AssertionError failure = new AssertionError(uncaught.size() + " uncaught exception(s) while "
                    + context.getDisplayName() + " ran; the first is the cause", uncaught.get(0));
            uncaught.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
