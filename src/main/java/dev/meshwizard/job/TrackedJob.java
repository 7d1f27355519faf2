package dev.meshwizard.job;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job in flight: its handle, its context, and the delivery of its outcome and progress to the job's
 * callbacks and the runner's listeners through the runner's callback executor.
 */
final class TrackedJob<T> implements JobHandle, JobContext {

    private static final Logger LOG = LoggerFactory.getLogger(TrackedJob.class);

    private final Job<T> job;
    private final Executor callbacks;
    private final List<JobListener> listeners;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile double fraction = -1;
    private volatile String message = "";

    TrackedJob(Job<T> job, Executor callbacks, List<JobListener> listeners) {
        this.job = job;
        this.callbacks = callbacks;
        this.listeners = listeners;
    }

    void announce() {
        callbacks.execute(() -> listeners.forEach(l -> l.started(this)));
    }

    /** Runs the work on the calling thread and delivers the outcome. */
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

    /** Gives up before running: reported as cancelled. */
    void abandon() {
        cancelled.set(true);
        finish(job::cancelled);
    }

    private void finish(Runnable callback) {
        done.set(true);
        callbacks.execute(() -> {
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
        callbacks.execute(() -> listeners.forEach(l -> l.progressed(this, f, m)));
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
