package dev.meshwizard.job;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A unit of background work with callbacks. Build it, then hand it to a {@link JobRunner}:
 * <pre>{@code Job.of("Connecting", () -> connector.connect(ctx)).onSuccess(vm::connected).runWith(jobs);}</pre>
 * The runner decides where the work runs and on which thread the callbacks are delivered
 * (the JavaFX thread in the application, the calling thread in tests).
 */
public final class Job<T> {

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = value -> { };
    private Consumer<? super Throwable> onFailure = error -> { };
    private Runnable onCancelled = () -> { };

    private Job(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> Job<T> of(String title, Callable<T> work) {
        Objects.requireNonNull(work, "work");
        return new Job<>(title, context -> work.call());
    }

    public static <T> Job<T> of(String title, Work<T> work) {
        return new Job<>(title, work);
    }

    public static Job<Void> ofRunnable(String title, ThrowingRunnable work) {
        Objects.requireNonNull(work, "work");
        return new Job<>(title, context -> {
            work.run();
            return null;
        });
    }

    public Job<T> onSuccess(Consumer<? super T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    public Job<T> onFailure(Consumer<? super Throwable> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    public Job<T> onCancelled(Runnable callback) {
        this.onCancelled = Objects.requireNonNull(callback);
        return this;
    }

    public JobHandle runWith(JobRunner runner) {
        return runner.run(this);
    }

    public String title() {
        return title;
    }

    T execute(JobContext context) throws Exception {
        return work.run(context);
    }

    void succeeded(T value) {
        onSuccess.accept(value);
    }

    void failed(Throwable error) {
        onFailure.accept(error);
    }

    void cancelled() {
        onCancelled.run();
    }

    /** A runnable that may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
