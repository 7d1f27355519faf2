package dev.meshwizard.job;

/**
 * The one way to run work off the UI thread. The application uses a {@link BackgroundJobRunner}
 * delivering callbacks on the JavaFX thread; tests and the command line use {@link SameThreadJobRunner}.
 */
public interface JobRunner {

    <T> JobHandle run(Job<T> job);

    void addListener(JobListener listener);
}
