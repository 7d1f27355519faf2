package dev.meshwizard.job;

/** The body of a job: runs off the UI thread and may report through its context. */
@FunctionalInterface
public interface Work<T> {
    T run(JobContext context) throws Exception;
}
