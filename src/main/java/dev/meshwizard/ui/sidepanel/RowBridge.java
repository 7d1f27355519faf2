package dev.meshwizard.ui.sidepanel;

import dev.meshwizard.cluster.watch.Row;
import dev.meshwizard.cluster.watch.WatchListener;
import dev.meshwizard.cluster.watch.WatchState;
import dev.meshwizard.job.CoalescingBuffer;
import dev.meshwizard.job.CoalescingBuffer.Batch;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Carries watch events from informer threads to the FX thread: rows are coalesced by key and delivered in
 * one batch at most every {@value #INTERVAL_MS} ms; state changes are delivered at once.
 */
public final class RowBridge implements WatchListener, AutoCloseable {

    static final long INTERVAL_MS = 100;

    private final CoalescingBuffer<String, Row> buffer;
    private final Executor deliver;
    private final BiConsumer<WatchState, String> states;
    private final java.util.Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    RowBridge(Executor deliver, Consumer<Batch<String, Row>> batches, BiConsumer<WatchState, String> states) {
        this.deliver = deliver;
        this.states = states;
        this.buffer = new CoalescingBuffer<String, Row>(batch -> {
            if (!closed) {
                batches.accept(batch);
            }
        }, deliver, Duration.ofMillis(INTERVAL_MS));
    }

    /** Bridges onto the JavaFX application thread. */
    public static Factory onFxThread() {
        return on(Platform::runLater);
    }

    /** Bridges through {@code deliver}, which must run tasks one at a time in order (tests, measurements). */
    public static Factory on(Executor deliver) {
        return (batches, states) -> new RowBridge(deliver, batches, states);
    }

    @Override
    public void upserted(Row row) {
        known.add(row.key());
        buffer.put(row.key(), row);
    }

    @Override
    public void deleted(Row row) {
        known.remove(row.key());
        buffer.remove(row.key());
    }

    @Override
    public void replaced(java.util.List<Row> rows) {
        java.util.Set<String> now = new java.util.HashSet<>();
        rows.forEach(r -> now.add(r.key()));
        for (String key : java.util.List.copyOf(known)) {
            if (!now.contains(key)) {
                known.remove(key);
                buffer.remove(key);
            }
        }
        rows.forEach(this::upserted);
    }

    @Override
    public void stateChanged(WatchState state, String detail) {
        deliver.execute(() -> {
            if (!closed) {
                states.accept(state, detail);
            }
        });
    }

    /** Delivers what is pending now (tests). */
    void flushNow() {
        buffer.flushNow();
    }

    @Override
    public void close() {
        closed = true;
        buffer.close();
    }

    /** Makes a bridge for one watch. */
    @FunctionalInterface
    public interface Factory {
        RowBridge create(Consumer<Batch<String, Row>> batches, BiConsumer<WatchState, String> states);
    }
}
