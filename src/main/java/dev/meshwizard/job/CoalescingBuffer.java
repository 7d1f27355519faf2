package dev.meshwizard.job;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects changes keyed by {@code K} from any thread and hands them on in batches, at most once per interval,
 * through a delivery executor (in the application {@code Platform::runLater}, so that one batch is one UI
 * update). Between two flushes only the latest change of a key is kept: a later {@link #put} replaces an earlier
 * one, and a {@link #remove} after a {@link #put} replaces it with the removal. A change after a quiet interval
 * is delivered at once; further changes wait until the interval since the last flush has passed.
 *
 * <p>Batches reach the consumer in the order they were made. The buffer assumes nothing about what the consumer
 * holds: a removal may name a key the consumer never saw, and the consumer should ignore it then.
 *
 * <p>Thread-safe. With a same-thread delivery executor ({@code Runnable::run}) and {@link #flushNow()} it is
 * deterministic, which is how tests drive it.
 *
 * @param <K> key of an entry, e.g. a row's uid
 * @param <V> value of an entry, e.g. the row
 */
public final class CoalescingBuffer<K, V> implements AutoCloseable {

    /** The flush interval when none is given. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

    private static final Logger LOG = LoggerFactory.getLogger(CoalescingBuffer.class);

    /**
     * The changes of one flush, each key at most once in either part.
     *
     * @param upserts  entries added or changed, in the order their keys first changed
     * @param removals keys removed, in the same order
     */
    public record Batch<K, V>(Map<K, V> upserts, Set<K> removals) {

        public Batch {
            upserts = Collections.unmodifiableMap(new LinkedHashMap<>(upserts));
            removals = Collections.unmodifiableSet(new LinkedHashSet<>(removals));
        }

        /** Number of changes in the batch. */
        public int size() {
            return upserts.size() + removals.size();
        }
    }

    /** Schedules a task after a delay; returns a way to cancel it. Package-private so tests can drive time. */
    interface Timer {
        Runnable schedule(Runnable task, long delayNanos);
    }

    private final Consumer<? super Batch<K, V>> consumer;
    private final Executor delivery;
    private final long intervalNanos;
    private final Timer timer;
    private final LongSupplier clock;
    private final ScheduledExecutorService ownedScheduler;

    private final Object lock = new Object();
    private final Map<K, Optional<V>> pending = new LinkedHashMap<>();
    private Runnable cancelScheduled;
    private long lastFlushNanos;
    private boolean flushedBefore;
    private boolean closed;

    /** A buffer with the default interval and a daemon scheduler of its own, shut down by {@link #close()}. */
    public CoalescingBuffer(Consumer<? super Batch<K, V>> consumer, Executor delivery) {
        this(consumer, delivery, DEFAULT_INTERVAL);
    }

    /** A buffer with a daemon scheduler of its own, shut down by {@link #close()}. */
    public CoalescingBuffer(Consumer<? super Batch<K, V>> consumer, Executor delivery, Duration interval) {
        this(consumer, delivery, interval, ownScheduler(), true);
    }

    /**
     * A buffer that schedules its flushes on {@code scheduler}, which the caller owns and shuts down.
     *
     * @param consumer  receives each batch, on the delivery executor
     * @param delivery  runs the consumer, e.g. {@code Platform::runLater}
     * @param interval  the least time between two flushes
     * @param scheduler where flushes wait for their time
     */
    public CoalescingBuffer(Consumer<? super Batch<K, V>> consumer, Executor delivery, Duration interval,
                            ScheduledExecutorService scheduler) {
        this(consumer, delivery, interval, scheduler, false);
    }

    private CoalescingBuffer(Consumer<? super Batch<K, V>> consumer, Executor delivery, Duration interval,
                             ScheduledExecutorService scheduler, boolean owned) {
        this(consumer, delivery, interval, timerOn(scheduler), System::nanoTime, owned ? scheduler : null);
    }

    CoalescingBuffer(Consumer<? super Batch<K, V>> consumer, Executor delivery, Duration interval, Timer timer,
                     LongSupplier clock, ScheduledExecutorService ownedScheduler) {
        this.consumer = Objects.requireNonNull(consumer);
        this.delivery = Objects.requireNonNull(delivery);
        this.intervalNanos = interval.toNanos();
        this.timer = Objects.requireNonNull(timer);
        this.clock = Objects.requireNonNull(clock);
        this.ownedScheduler = ownedScheduler;
        if (intervalNanos < 0) {
            throw new IllegalArgumentException("negative interval " + interval);
        }
    }

    /** Records that {@code key} now has {@code value}. Ignored after {@link #close()}. */
    public void put(K key, V value) {
        change(Objects.requireNonNull(key), Optional.of(value));
    }

    /** Records that {@code key} is gone. Ignored after {@link #close()}. */
    public void remove(K key) {
        change(Objects.requireNonNull(key), Optional.empty());
    }

    /** Number of keys with a change not yet flushed. */
    public int pending() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /** Flushes pending changes now, whatever the interval; does nothing when there are none. */
    public void flushNow() {
        synchronized (lock) {
            cancelScheduledFlush();
            flushLocked();
        }
    }

    /** Drops pending changes and stops flushing. Safe to call more than once. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            cancelScheduledFlush();
            pending.clear();
        }
        if (ownedScheduler != null) {
            ownedScheduler.shutdownNow();
        }
    }

    private void change(K key, Optional<V> change) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            pending.put(key, change);
            if (cancelScheduled == null) {
                long now = clock.getAsLong();
                long delay = flushedBefore ? Math.max(0, lastFlushNanos + intervalNanos - now) : 0;
                try {
                    cancelScheduled = timer.schedule(this::scheduledFlush, delay);
                } catch (RejectedExecutionException e) {
                    LOG.debug("Scheduler refused a flush; changes wait for flushNow()", e);
                }
            }
        }
    }

    private void scheduledFlush() {
        synchronized (lock) {
            cancelScheduled = null;
            if (!closed) {
                flushLocked();
            }
        }
    }

    private void flushLocked() {
        if (pending.isEmpty()) {
            return;
        }
        Map<K, V> upserts = new LinkedHashMap<>();
        Set<K> removals = new LinkedHashSet<>();
        pending.forEach((key, change) -> {
            if (change.isPresent()) {
                upserts.put(key, change.get());
            } else {
                removals.add(key);
            }
        });
        pending.clear();
        lastFlushNanos = clock.getAsLong();
        flushedBefore = true;
        Batch<K, V> batch = new Batch<>(upserts, removals);
        // Submitted while holding the lock so that batches reach the executor in the order they were made.
        delivery.execute(() -> {
            try {
                consumer.accept(batch);
            } catch (RuntimeException e) {
                LOG.warn("Consumer failed on a batch of {} changes", batch.size(), e);
            }
        });
    }

    private void cancelScheduledFlush() {
        if (cancelScheduled != null) {
            cancelScheduled.run();
            cancelScheduled = null;
        }
    }

    private static Timer timerOn(ScheduledExecutorService scheduler) {
        Objects.requireNonNull(scheduler);
        return (task, delayNanos) -> {
            ScheduledFuture<?> future = scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }

    private static ScheduledExecutorService ownScheduler() {
        return Threads.daemonScheduler("coalescing-buffer");
    }
}
