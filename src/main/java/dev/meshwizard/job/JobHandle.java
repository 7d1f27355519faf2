package dev.meshwizard.job;

/** A job that was handed to a runner. */
public interface JobHandle {

    String title();

    /** Asks the job to stop; it stops at its next check of {@link JobContext#isCancelled()}. */
    void cancel();

    boolean isDone();
}
