package dev.meshwizard.job;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs each job at once on the calling thread, callbacks included. Deterministic: used by tests and by
 * the command line, where there is no UI thread to keep free.
 */
public final class SameThreadJobRunner implements JobRunner {

    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public <T> JobHandle run(Job<T> job) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        JobHandle handle = new JobHandle() {
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
        };
        JobContext context = new JobContext() {
            private double fraction = -1;
            private String message = "";

            @Override
            public void progress(double value) {
                fraction = value;
                listeners.forEach(l -> l.progressed(handle, fraction, message));
            }

            @Override
            public void message(String text) {
                message = text == null ? "" : text;
                listeners.forEach(l -> l.progressed(handle, fraction, message));
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        listeners.forEach(l -> l.started(handle));
        try {
            T value = job.execute(context);
            done.set(true);
            if (cancelled.get()) {
                job.cancelled();
            } else {
                job.succeeded(value);
            }
        } catch (Exception | LinkageError e) {
            done.set(true);
            job.failed(e);
        } finally {
            listeners.forEach(l -> l.finished(handle));
        }
        return handle;
    }

    @Override
    public void addListener(JobListener listener) {
        listeners.add(listener);
    }
}
