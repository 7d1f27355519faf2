package dev.meshwizard.cluster.watch;

import dev.meshwizard.job.Threads;

import dev.meshwizard.cluster.ClusterSession;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Informers on pods and services that turn every event into an immutable {@link Row}.
 *
 * <p>One informer pair watches all namespaces, or one pair per namespace of a {@link WatchScope}. Handlers
 * convert the informer's object to a row at once and pass it on; they never block and never change cached
 * objects. Events arrive on the client's informer threads, so the listener must be thread-safe (in the
 * application it feeds a {@link dev.meshwizard.job.CoalescingBuffer}).
 *
 * <p>Connection state: {@link WatchState#SYNCING} when started, {@link WatchState#WATCHING} once every informer
 * has listed and is watching, {@link WatchState#LOST} when a watch fails or stays down (reconnects continue in
 * the background), and {@link WatchState#WATCHING} again when all are back. An informer refused for good
 * (401, 403, or objects it cannot read) stays {@link WatchState#LOST}. The initial rows may still be arriving
 * when {@link WatchState#WATCHING} is reported.
 */
public final class ClusterWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterWatch.class);
    private static final Duration DEFAULT_POLL = Duration.ofMillis(500);
    /** Polls in a row without a watch before a quiet reconnect counts as lost (a routine re-watch is quick). */
    private static final int POLLS_BEFORE_LOST = 3;

    private final WatchListener listener;
    private final String scopeText;
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private final List<java.util.function.Supplier<List<Row>>> listers = new ArrayList<>();
    private final List<CompletableFuture<Void>> starts = new ArrayList<>();
    private final ScheduledExecutorService monitor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<Throwable> lastError = new AtomicReference<>();
    private volatile Throwable fatal;
    private volatile WatchState state = WatchState.SYNCING;
    private boolean synced;
    private int pollsWithoutWatch;

    private ClusterWatch(WatchScope scope, WatchListener listener) {
        this.listener = Objects.requireNonNull(listener);
        this.scopeText = describe(scope);
        this.monitor = Threads.daemonScheduler("cluster-watch-state");
    }

    /**
     * Starts informers on pods and services in {@code scope}. Returns at once; {@code listener} hears
     * {@link WatchState#SYNCING} before this returns, then rows and state changes on informer threads. The
     * application calls this through {@link ClusterSession#watch}, which closes the watch with the session.
     */
    public static ClusterWatch start(KubernetesClient client, WatchScope scope, WatchListener listener) {
        return start(client, scope, listener, DEFAULT_POLL);
    }

    static ClusterWatch start(KubernetesClient client, WatchScope scope, WatchListener listener, Duration poll) {
        ClusterWatch watch = new ClusterWatch(scope, listener);
        watch.report(WatchState.SYNCING, "Listing pods and services in " + watch.scopeText);
        if (scope.allNamespaces()) {
            watch.add(client.pods().inAnyNamespace(), () -> client.pods().inAnyNamespace().list().getItems(),
                    Rows::pod);
            watch.add(client.services().inAnyNamespace(),
                    () -> client.services().inAnyNamespace().list().getItems(), Rows::service);
        } else {
            for (String namespace : scope.namespaces()) {
                watch.add(client.pods().inNamespace(namespace),
                        () -> client.pods().inNamespace(namespace).list().getItems(), Rows::pod);
                watch.add(client.services().inNamespace(namespace),
                        () -> client.services().inNamespace(namespace).list().getItems(), Rows::service);
            }
        }
        for (SharedIndexInformer<?> informer : watch.informers) {
            CompletableFuture<Void> started = informer.start().toCompletableFuture();
            watch.starts.add(started);
            started.whenComplete((ignored, error) -> watch.evaluateSoon());
            informer.stopped().whenComplete((ignored, error) -> {
                if (error != null && !watch.closed.get()) {
                    watch.fatal = error;
                    watch.evaluateSoon();
                }
            });
        }
        long millis = Math.max(1, poll.toMillis());
        watch.monitor.scheduleWithFixedDelay(watch::evaluate, millis, millis, TimeUnit.MILLISECONDS);
        watch.evaluateSoon();
        return watch;
    }

    /** The state last reported to the listener. */
    public WatchState state() {
        return state;
    }

    /** Stops every informer and the state checks; no events follow. Safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (SharedIndexInformer<?> informer : informers) {
            try {
                informer.stop();
            } catch (RuntimeException e) {
                LOG.debug("Stopping an informer failed", e);
            }
        }
        monitor.shutdownNow();
    }

    private <T extends HasMetadata> void add(Informable<T> source, java.util.function.Supplier<List<T>> lister,
                                             Function<T, Row> toRow) {
        listers.add(() -> lister.get().stream().map(toRow).toList());
        SharedIndexInformer<T> informer = source.runnableInformer(0);
        informer.exceptionHandler(this::retryAfter);
        informer.addEventHandler(new RowHandler<>(toRow));
        informers.add(informer);
    }

    /** Keeps reconnecting through outages; gives up on refusals and objects that cannot be read. */
    private boolean retryAfter(boolean started, Throwable error) {
        if (closed.get()) {
            return false;
        }
        int code = httpCode(error);
        boolean retry = code != 401 && code != 403 && !ExceptionHandler.isDeserializationException(error);
        LOG.debug("Watch failed (started={}, HTTP {}), {}", started, code, retry ? "retrying" : "giving up", error);
        if (!retry) {
            fatal = error;
        }
        lastError.set(error);
        evaluateSoon();
        return retry;
    }

    private void evaluateSoon() {
        try {
            monitor.execute(this::evaluate);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    /** Runs on the monitor thread only. */
    private void evaluate() {
        if (closed.get()) {
            return;
        }
        if (fatal != null) {
            report(WatchState.LOST, "Stopped watching pods and services in " + scopeText + ": " + message(fatal));
            return;
        }
        Throwable error = lastError.get();
        if (!synced) {
            synced = starts.stream().allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
            if (!synced) {
                if (error != null) {
                    report(WatchState.LOST, "Cannot list pods and services in " + scopeText + ", retrying: "
                            + message(error));
                }
                return;
            }
        }
        boolean watching = informers.stream().allMatch(SharedIndexInformer::isWatching);
        if (watching && state == WatchState.LOST && !relist()) {
            return;
        }
        if (watching) {
            pollsWithoutWatch = 0;
            lastError.set(null);
            report(WatchState.WATCHING, "Watching pods and services in " + scopeText);
            return;
        }
        pollsWithoutWatch++;
        if (error != null || pollsWithoutWatch >= POLLS_BEFORE_LOST) {
            report(WatchState.LOST, "Lost the watch on " + scopeText + ", reconnecting"
                    + (error != null ? ": " + message(error) : ""));
        }
    }

    /**
     * After an outage the informers may resume from where they were and keep rows of objects that went away
     * meanwhile (a restarted API server, a restored cluster): list everything again and hand the listener the
     * complete rows. False (and still lost) when the list fails.
     */
    private boolean relist() {
        try {
            List<Row> rows = new ArrayList<>();
            for (java.util.function.Supplier<List<Row>> lister : listers) {
                rows.addAll(lister.get());
            }
            if (!closed.get()) {
                listener.replaced(rows);
            }
            return true;
        } catch (RuntimeException e) {
            LOG.debug("Listing again after the watch came back failed", e);
            lastError.set(e);
            return false;
        }
    }

    private void report(WatchState next, String detail) {
        if (next == state && next != WatchState.SYNCING) {
            return;
        }
        state = next;
        LOG.info("Cluster watch {}: {}", next, detail);
        try {
            listener.stateChanged(next, detail);
        } catch (RuntimeException e) {
            LOG.warn("Watch listener failed on state {}", next, e);
        }
    }

    private static int httpCode(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KubernetesClientException && ((KubernetesClientException) t).getCode() > 0) {
                return ((KubernetesClientException) t).getCode();
            }
        }
        return 0;
    }

    private static String message(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KubernetesClientException k && k.getStatus() != null
                    && k.getStatus().getMessage() != null) {
                return shorten(k.getStatus().getMessage() + " (HTTP " + k.getCode() + ")");
            }
        }
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t
                && (t.getMessage() == null || t instanceof java.util.concurrent.CompletionException)) {
            t = t.getCause();
        }
        return shorten(t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
    }

    private static String shorten(String message) {
        String text = message.lines().findFirst().orElse(message).trim();
        return text.length() > 200 ? text.substring(0, 199) + "…" : text;
    }

    private static String describe(WatchScope scope) {
        if (scope.allNamespaces()) {
            return "all namespaces";
        }
        if (scope.namespaces().isEmpty()) {
            return "no namespaces";
        }
        return (scope.namespaces().size() == 1 ? "namespace " : "namespaces ")
                + String.join(", ", scope.namespaces());
    }

    /** Turns informer events into rows; drops them once the watch is closed. */
    private final class RowHandler<T extends HasMetadata> implements ResourceEventHandler<T> {
        private final Function<T, Row> toRow;

        RowHandler(Function<T, Row> toRow) {
            this.toRow = toRow;
        }

        @Override
        public void onAdd(T object) {
            deliver(object, false);
        }

        @Override
        public void onUpdate(T oldObject, T newObject) {
            deliver(newObject, false);
        }

        @Override
        public void onDelete(T object, boolean finalStateUnknown) {
            deliver(object, true);
        }

        private void deliver(T object, boolean deleted) {
            if (closed.get()) {
                return;
            }
            try {
                Row row = toRow.apply(object);
                if (deleted) {
                    listener.deleted(row);
                } else {
                    listener.upserted(row);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not pass on {} of {}/{}", deleted ? "deletion" : "change",
                        object.getMetadata() != null ? object.getMetadata().getNamespace() : "?",
                        object.getMetadata() != null ? object.getMetadata().getName() : "?", e);
            }
        }
    }
}
