package dev.meshwizard.cluster.forward;

import dev.meshwizard.job.Threads;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PodForward} that watches the label's pods through an informer and, on every change, makes sure the
 * forward goes to the newest ready pod: it re-opens on the same local port when that pod changes, and waits when
 * there is none. The work runs on one thread of its own, so informer threads never block.
 *
 * <p>While the informer has no watch (it lost it and reconnects with a growing back-off, up to half a minute), the
 * forward lists the pods itself every {@link #UNWATCHED_LIST_SECONDS} seconds, so a replaced pod is followed within
 * seconds rather than after the informer's next attempt.
 */
final class FollowingForward implements PodForward {

    private static final Logger LOG = LoggerFactory.getLogger(FollowingForward.class);
    private static final Comparator<Pod> NEWEST_FIRST = Comparator
            .comparing((Pod p) -> Optional.ofNullable(p.getMetadata().getCreationTimestamp()).orElse(""))
            .thenComparing(p -> p.getMetadata().getName()).reversed();

    /** How often opening a forward is tried before the state says it failed, and the pause between tries. */
    private static final int OPEN_ATTEMPTS = 10;
    private static final long RETRY_PAUSE_MS = 200;
    /** How often the pods are listed directly while the informer's watch is down. */
    static final long UNWATCHED_LIST_SECONDS = 1;

    private final KubernetesClient client;
    private final String namespace;
    private final String labelKey;
    private final String labelValue;
    private final int remotePort;
    private final int localPort;
    private final PortForwards.Opener opener;
    private final PodForward.Listener listener;
    private final Consumer<AutoCloseable> onClose;
    private final ScheduledExecutorService worker;
    private volatile SharedIndexInformer<Pod> informer;
    private volatile State state;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The open forward and its pod; touched only on the worker thread. */
    private AutoCloseable current;
    private String currentPod = "";

    FollowingForward(KubernetesClient client, String namespace, String labelKey, String labelValue, int remotePort,
                     int localPort, PortForwards.Opener opener, PodForward.Listener listener,
                     Consumer<AutoCloseable> onClose) {
        this.client = client;
        this.namespace = namespace;
        this.labelKey = labelKey;
        this.labelValue = labelValue;
        this.remotePort = remotePort;
        this.localPort = localPort;
        this.opener = opener;
        this.listener = listener;
        this.onClose = onClose;
        this.state = new State(Kind.WAITING_FOR_POD, "", localPort, "Looking for a ready pod with " + labelKey + "="
                + labelValue + " in " + namespace);
        this.worker = Threads.daemonScheduler("port-forward-" + labelValue);
    }

    void start() {
        informer = client.pods().inNamespace(namespace).withLabel(labelKey, labelValue)
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Pod pod) {
                        changed();
                    }

                    @Override
                    public void onUpdate(Pod before, Pod after) {
                        changed();
                    }

                    @Override
                    public void onDelete(Pod pod, boolean finalStateUnknown) {
                        changed();
                    }
                });
        changed();
        worker.scheduleWithFixedDelay(this::followWhileUnwatched, UNWATCHED_LIST_SECONDS, UNWATCHED_LIST_SECONDS,
                TimeUnit.SECONDS);
    }

    /** Lists the pods directly and follows them when the informer has no watch. Runs on the worker. */
    private void followWhileUnwatched() {
        SharedIndexInformer<Pod> watching = informer;
        if (closed.get() || watching == null || watching.isWatching()) {
            return;
        }
        try {
            followAmong(client.pods().inNamespace(namespace).withLabel(labelKey, labelValue).list().getItems());
        } catch (RuntimeException e) {
            // e.g. the API server is unreachable too; the next round tries again, and a failure must not end them
            LOG.debug("Listing the pods of {}={} while unwatched failed: {}", labelKey, labelValue, e.getMessage());
        }
    }

    @Override
    public int localPort() {
        return localPort;
    }

    @Override
    public State state() {
        return state;
    }

    private void changed() {
        if (!closed.get()) {
            try {
                worker.execute(this::follow);
            } catch (RejectedExecutionException e) {
                LOG.debug("Forward closed while pods changed");
            }
        }
    }

    /** Points the forward at the newest ready pod, or waits when there is none. Runs on the worker. */
    private void follow() {
        if (closed.get() || informer == null) {
            return;
        }
        followAmong(informer.getStore().list());
    }

    /** Points the forward at the newest ready pod of {@code pods}, or waits when there is none. On the worker. */
    private void followAmong(List<Pod> pods) {
        if (closed.get()) {
            return;
        }
        Optional<Pod> newest = pods.stream().filter(PortForwards::isReady).min(NEWEST_FIRST);
        String target = newest.map(p -> p.getMetadata().getName()).orElse("");
        if (target.equals(currentPod) && (current != null || target.isEmpty())) {
            return;
        }
        closeCurrent();
        if (target.isEmpty()) {
            report(new State(Kind.WAITING_FOR_POD, "", localPort, "No ready pod with " + labelKey + "=" + labelValue
                    + " in " + namespace));
            return;
        }
        Exception failure = null;
        for (int attempt = 1; attempt <= OPEN_ATTEMPTS && !closed.get(); attempt++) {
            try {
                current = opener.open(namespace, target, remotePort, localPort);
                currentPod = target;
                report(new State(Kind.FORWARDING, target, localPort, ""));
                return;
            } catch (Exception e) {
                // the old forward may still hold the local port for a moment after it was closed
                failure = e;
                LOG.debug("Forward to {} not open yet (attempt {}): {}", target, attempt, e.getMessage());
                if (!pause()) {
                    break;
                }
            }
        }
        currentPod = target;
        if (failure != null) {
            report(new State(Kind.FAILED, target, localPort, "Cannot forward to pod " + target + ": "
                    + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage())));
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                LOG.debug("Closing the forward to {} failed", currentPod, e);
            }
        }
        current = null;
        currentPod = "";
    }

    private void report(State next) {
        if (next.equals(state) && next.kind() != Kind.FAILED) {
            return;
        }
        state = next;
        try {
            listener.stateChanged(next);
        } catch (RuntimeException e) {
            LOG.warn("A port-forward listener failed", e);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        SharedIndexInformer<Pod> watching = informer;
        if (watching != null) {
            watching.close();
        }
        worker.execute(() -> {
            closeCurrent();
            State last = new State(Kind.CLOSED, "", localPort, "Closed");
            state = last;
            listener.stateChanged(last);
        });
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onClose.accept(this);
    }
}
