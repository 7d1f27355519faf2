package dev.meshwizard.job;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs each job at once on the calling thread, callbacks included. Deterministic: used by tests and by
 * the command line, where there is no UI thread to keep free.
 */
public final class SameThreadJobRunner implements JobRunner {

    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public <T> JobHandle run(Job<T> job) {
        TrackedJob<T> tracked = new TrackedJob<>(job, Runnable::run, listeners);
        tracked.announce();
        tracked.execute();
        return tracked;
    }

    @Override
    public void addListener(JobListener listener) {
        listeners.add(listener);
    }
}
