package dev.meshwizard.job;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs jobs on a pool of daemon threads and delivers callbacks and listener events through
 * {@code callbackExecutor} (for the application: {@code Platform::runLater}).
 */
public final class BackgroundJobRunner implements JobRunner, AutoCloseable {

    private final ExecutorService workers;
    private final java.util.concurrent.Executor callbackExecutor;
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();

    public BackgroundJobRunner(java.util.concurrent.Executor callbackExecutor) {
        this.callbackExecutor = Objects.requireNonNull(callbackExecutor);
        this.workers = Executors.newCachedThreadPool(daemonThreads());
    }

    @Override
    public <T> JobHandle run(Job<T> job) {
        TrackedJob<T> tracked = new TrackedJob<>(job, callbackExecutor, listeners);
        tracked.announce();
        try {
            workers.execute(tracked::execute);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the runner was closed (the window is going away): the job does not run and says it was cancelled
            tracked.abandon();
        }
        return tracked;
    }

    @Override
    public void addListener(JobListener listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "job-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
