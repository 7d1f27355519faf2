package dev.meshwizard.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CoalescingBufferTest {

    private static final long MS = 1_000_000L;

    /** A clock and timer that move only when the test says so. */
    private static final class ManualTime implements CoalescingBuffer.Timer {
        long now;
        final List<Scheduled> tasks = new ArrayList<>();

        record Scheduled(long dueAt, Runnable task, boolean[] cancelled) {
        }

        @Override
        public Runnable schedule(Runnable task, long delayNanos) {
            Scheduled scheduled = new Scheduled(now + delayNanos, task, new boolean[1]);
            tasks.add(scheduled);
            return () -> scheduled.cancelled()[0] = true;
        }

        /** Moves the clock and runs what has come due. */
        void advanceMillis(long millis) {
            now += millis * MS;
            for (Scheduled scheduled : List.copyOf(tasks)) {
                if (scheduled.dueAt() <= now) {
                    tasks.remove(scheduled);
                    if (!scheduled.cancelled()[0]) {
                        scheduled.task().run();
                    }
                }
            }
        }

        long liveTasks() {
            return tasks.stream().filter(t -> !t.cancelled()[0]).count();
        }
    }

    private final List<CoalescingBuffer.Batch<String, String>> batches = new ArrayList<>();
    private final ManualTime time = new ManualTime();
    private final CoalescingBuffer<String, String> buffer = new CoalescingBuffer<>(batches::add, Runnable::run,
            Duration.ofMillis(100), time, () -> time.now, null);

    @Test
    void latestPutOfAKeyWins() {
        buffer.put("pod-a", "Pending");
        buffer.put("pod-a", "ContainerCreating");
        buffer.put("pod-a", "Running");

        buffer.flushNow();

        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).upserts()).containsExactly(Map.entry("pod-a", "Running"));
        assertThat(batches.get(0).removals()).isEmpty();
    }

    @Test
    void removeAfterPutCancelsThePut() {
        buffer.put("pod-a", "Running");
        buffer.put("pod-b", "Running");
        buffer.remove("pod-a");

        buffer.flushNow();

        assertThat(batches.get(0).upserts()).containsOnlyKeys("pod-b");
        assertThat(batches.get(0).removals()).containsExactly("pod-a");
    }

    @Test
    void putAfterRemoveBringsTheKeyBack() {
        buffer.remove("pod-a");
        buffer.put("pod-a", "Running");

        buffer.flushNow();

        assertThat(batches.get(0).upserts()).containsExactly(Map.entry("pod-a", "Running"));
        assertThat(batches.get(0).removals()).isEmpty();
    }

    @Test
    void flushWithNothingPendingDeliversNothing() {
        buffer.flushNow();
        buffer.put("pod-a", "Running");
        buffer.flushNow();
        buffer.flushNow();

        assertThat(batches).hasSize(1);
        assertThat(buffer.pending()).isZero();
    }

    @Test
    void firstChangeAfterAQuietSpellIsDeliveredAtOnce() {
        buffer.put("pod-a", "Running");

        time.advanceMillis(0);

        assertThat(batches).hasSize(1);
    }

    @Test
    void changesWithinAnIntervalAreFlushedTogetherAtMostOncePerInterval() {
        buffer.put("pod-a", "Running");
        time.advanceMillis(0);
        time.advanceMillis(10);
        buffer.put("pod-b", "Pending");
        time.advanceMillis(30);
        buffer.put("pod-c", "Pending");
        buffer.put("pod-b", "Running");

        time.advanceMillis(59);
        assertThat(batches).as("nothing before 100 ms since the first flush").hasSize(1);

        time.advanceMillis(1);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1).upserts()).containsExactly(Map.entry("pod-b", "Running"),
                Map.entry("pod-c", "Pending"));
        assertThat(time.liveTasks()).as("one scheduled flush served the whole interval").isZero();
    }

    @Test
    void aSteadyStreamOfChangesIsFlushedOncePerInterval() {
        for (int ms = 0; ms < 1000; ms += 5) {
            buffer.put("pod-" + (ms % 7), "tick " + ms);
            time.advanceMillis(5);
        }

        assertThat(batches).hasSizeBetween(10, 11);
    }

    @Test
    void flushNowCancelsTheScheduledFlushAndCountsAsAFlush() {
        buffer.put("pod-a", "Running");
        time.advanceMillis(0);
        buffer.put("pod-b", "Running");
        buffer.flushNow();
        buffer.put("pod-c", "Running");

        time.advanceMillis(99);
        assertThat(batches).hasSize(2);
        time.advanceMillis(1);
        assertThat(batches).hasSize(3);
        assertThat(batches.get(2).upserts()).containsOnlyKeys("pod-c");
    }

    @Test
    void closeDropsPendingChangesAndIgnoresLaterOnesAndMayBeRepeated() {
        buffer.put("pod-a", "Running");
        buffer.close();
        buffer.put("pod-b", "Running");
        buffer.remove("pod-c");
        time.advanceMillis(500);
        buffer.flushNow();
        buffer.close();

        assertThat(batches).isEmpty();
        assertThat(buffer.pending()).isZero();
    }

    @Test
    void batchesAreImmutableSnapshots() {
        buffer.put("pod-a", "Running");
        buffer.remove("pod-b");
        buffer.flushNow();

        CoalescingBuffer.Batch<String, String> batch = batches.get(0);
        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.removals()).isEqualTo(Set.of("pod-b"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> batch.upserts().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ownSchedulerDeliversThroughTheGivenExecutor() throws InterruptedException {
        BlockingQueue<CoalescingBuffer.Batch<String, String>> delivered = new ArrayBlockingQueue<>(10);
        List<Runnable> handedToExecutor = new ArrayList<>();
        try (CoalescingBuffer<String, String> real = new CoalescingBuffer<>(delivered::add, task -> {
            synchronized (handedToExecutor) {
                handedToExecutor.add(task);
            }
            task.run();
        })) {
            real.put("pod-a", "Running");

            CoalescingBuffer.Batch<String, String> batch = delivered.poll(5, TimeUnit.SECONDS);

            assertThat(batch).isNotNull();
            assertThat(batch.upserts()).containsOnlyKeys("pod-a");
            synchronized (handedToExecutor) {
                assertThat(handedToExecutor).hasSize(1);
            }
        }
    }
}
