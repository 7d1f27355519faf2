package dev.meshwizard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobRunnerTest {

    private final ExecutorService callbackThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "callbacks"));
    private final BackgroundJobRunner background = new BackgroundJobRunner(callbackThread);

    @AfterEach
    void stop() {
        background.close();
        callbackThread.shutdownNow();
    }

    @Test
    void workRunsOffTheCallbackThreadAndTheResultComesBackOnIt() throws Exception {
        BlockingQueue<String> threads = new ArrayBlockingQueue<>(2);

        Job.of("work", () -> {
            threads.add("work:" + Thread.currentThread().getName());
            return 42;
        }).onSuccess(value -> threads.add("success:" + Thread.currentThread().getName() + ":" + value))
                .runWith(background);

        assertThat(threads.poll(5, TimeUnit.SECONDS)).startsWith("work:job-");
        assertThat(threads.poll(5, TimeUnit.SECONDS)).isEqualTo("success:callbacks:42");
    }

    @Test
    void aFailureReachesOnFailureWithTheOriginalException() throws Exception {
        BlockingQueue<Throwable> failures = new ArrayBlockingQueue<>(1);

        Job.of("fails", () -> {
            throw new IllegalStateException("cluster went away");
        }).onSuccess(v -> failures.add(new AssertionError("no success expected")))
                .onFailure(failures::add)
                .runWith(background);

        assertThat(failures.poll(5, TimeUnit.SECONDS))
                .isInstanceOf(IllegalStateException.class).hasMessage("cluster went away");
    }

    @Test
    void aCancelledJobReportsCancellationInsteadOfItsResult() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        BlockingQueue<String> outcome = new ArrayBlockingQueue<>(1);

        JobHandle handle = Job.<Integer>of("long", context -> {
            started.countDown();
            while (!context.isCancelled()) {
                Thread.sleep(5);
            }
            return 1;
        }).onSuccess(v -> outcome.add("success")).onCancelled(() -> outcome.add("cancelled")).runWith(background);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        handle.cancel();

        assertThat(outcome.poll(5, TimeUnit.SECONDS)).isEqualTo("cancelled");
        assertThat(handle.isDone()).isTrue();
    }

    @Test
    void aJobHandedToAClosedRunnerIsReportedCancelledInsteadOfThrowing() throws Exception {
        BlockingQueue<String> outcome = new ArrayBlockingQueue<>(1);
        background.close();

        JobHandle handle = Job.of("late", () -> 1).onSuccess(v -> outcome.add("success"))
                .onCancelled(() -> outcome.add("cancelled")).runWith(background);

        assertThat(outcome.poll(5, TimeUnit.SECONDS)).isEqualTo("cancelled");
        assertThat(handle.isDone()).isTrue();
    }

    @Test
    void listenersSeeStartProgressAndFinishInOrder() {
        SameThreadJobRunner runner = new SameThreadJobRunner();
        List<String> events = new CopyOnWriteArrayList<>();
        runner.addListener(new JobListener() {
            @Override
            public void started(JobHandle job) {
                events.add("started " + job.title());
            }

            @Override
            public void progressed(JobHandle job, double fraction, String message) {
                events.add("progress " + fraction + " " + message);
            }

            @Override
            public void finished(JobHandle job) {
                events.add("finished " + job.title());
            }
        });

        Job.of("install", context -> {
            context.message("base");
            context.progress(0.5);
            return null;
        }).runWith(runner);

        assertThat(events).containsExactly("started install", "progress -1.0 base", "progress 0.5 base",
                "finished install");
    }

    @Test
    void theSameThreadRunnerDeliversTheResultBeforeReturning() {
        List<Integer> results = new CopyOnWriteArrayList<>();

        Job.of("now", () -> 7).onSuccess(results::add).runWith(new SameThreadJobRunner());

        assertThat(results).containsExactly(7);
    }
}
