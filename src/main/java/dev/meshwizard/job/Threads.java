package dev.meshwizard.job;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The one place outside the job runner where threads are made: named daemon threads for readers and
 * schedulers that live as long as the resource they serve (a log tail, a port-forward, a watch).
 */
public final class Threads {

    private Threads() {
    }

    /** Starts {@code task} on a new daemon thread called {@code name}. */
    public static Thread startDaemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** A single daemon thread called {@code name} that runs scheduled tasks; shut it down with its owner. */
    public static ScheduledExecutorService daemonScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
