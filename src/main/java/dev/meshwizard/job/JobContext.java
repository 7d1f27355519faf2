package dev.meshwizard.job;

/**
 * What a running job can tell the world: its progress and message, and whether it was asked to stop.
 * Implementations are thread-safe; a job calls them from its own worker thread.
 */
public interface JobContext {

    /** Progress between 0 and 1, or a negative value for "indeterminate". */
    void progress(double fraction);

    /** A short line saying what the job is doing now. */
    void message(String text);

    /** True once {@link JobHandle#cancel()} was called; long jobs check it between steps. */
    boolean isCancelled();

    /** A context that reports nowhere and is never cancelled. */
    JobContext NONE = new JobContext() {
        @Override
        public void progress(double fraction) {
        }

        @Override
        public void message(String text) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
