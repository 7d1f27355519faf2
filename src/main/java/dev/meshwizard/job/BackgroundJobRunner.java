package dev.meshwizard.job;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on a pool of daemon threads and delivers callbacks and listener events through
 * {@code callbackExecutor} (for the application: {@code Platform::runLater}).
 */
public final class BackgroundJobRunner implements JobRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobRunner.class);

    private final ExecutorService workers;
    private final java.util.concurrent.Executor callbackExecutor;
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();

    public BackgroundJobRunner(java.util.concurrent.Executor callbackExecutor) {
        this.callbackExecutor = Objects.requireNonNull(callbackExecutor);
        this.workers = Executors.newCachedThreadPool(daemonThreads());
    }

    @Override
    public <T> JobHandle run(Job<T> job) {
        RunningJob<T> running = new RunningJob<>(job);
        callbackExecutor.execute(() -> listeners.forEach(l -> l.started(running)));
        workers.execute(running::execute);
        return running;
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

    private final class RunningJob<T> implements JobHandle, JobContext {
        private final Job<T> job;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile double fraction = -1;
        private volatile String message = "";

        RunningJob(Job<T> job) {
            this.job = job;
        }

        void execute() {
            try {
                T value = job.execute(this);
                finish(() -> {
                    if (cancelled.get()) {
                        job.cancelled();
                    } else {
                        job.succeeded(value);
                    }
                });
            } catch (Exception | LinkageError e) {
                if (cancelled.get()) {
                    finish(job::cancelled);
                } else {
                    LOG.debug("Job '{}' failed", job.title(), e);
                    finish(() -> job.failed(e));
                }
            }
        }

        private void finish(Runnable callback) {
            done.set(true);
            callbackExecutor.execute(() -> {
                try {
                    callback.run();
                } finally {
                    listeners.forEach(l -> l.finished(this));
                }
            });
        }

        @Override
        public void progress(double value) {
            fraction = value;
            report();
        }

        @Override
        public void message(String text) {
            message = text == null ? "" : text;
            report();
        }

        private void report() {
            double f = fraction;
            String m = message;
            callbackExecutor.execute(() -> listeners.forEach(l -> l.progressed(this, f, m)));
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public String title() {
            return job.title();
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }

        @Override
        public boolean isDone() {
            return done.get();
        }
    }
}
