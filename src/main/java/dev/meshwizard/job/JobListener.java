package dev.meshwizard.job;

/**
 * Observes every job of a runner, e.g. for a status bar. Called on the runner's callback thread.
 */
public interface JobListener {

    void started(JobHandle job);

    /** The latest progress (negative: indeterminate) and message of a job. */
    void progressed(JobHandle job, double fraction, String message);

    void finished(JobHandle job);
}
