package dev.meshwizard.cluster.forward;

import java.util.Objects;

/**
 * A local port forwarded to the newest ready pod of a label, re-opened on another pod when that one goes away, as
 * {@code istioctl dashboard} does. Owned by the session that opened it; closing either stops it.
 */
public interface PodForward extends AutoCloseable {

    /** The local port on the loopback address; it stays the same when the forward moves to another pod. */
    int localPort();

    /** The last state reported. */
    State state();

    /** Stops forwarding and watching pods. Safe to call more than once. */
    @Override
    void close();

    /** What the forward is doing. */
    enum Kind {
        /** Forwarding to {@link State#pod()}. */
        FORWARDING,
        /** No ready pod: waiting for one. */
        WAITING_FOR_POD,
        /** Opening the forward failed; another pod event makes it try again. */
        FAILED,
        /** Closed. */
        CLOSED
    }

    /**
     * A state of the forward.
     *
     * @param kind      what it is doing
     * @param pod       the pod forwarded to, empty unless {@link Kind#FORWARDING} (or the pod that failed)
     * @param localPort the local port
     * @param reason    why, in plain words (empty when forwarding)
     */
    record State(Kind kind, String pod, int localPort, String reason) {

        public State {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(reason, "reason");
        }

        /** {@code http://localhost:<port>} followed by {@code path}. */
        public String url(String path) {
            return "http://localhost:" + localPort + path;
        }
    }

    /** Gets each state change. Called on the forward's own thread; must not block. */
    @FunctionalInterface
    interface Listener {
        void stateChanged(State state);
    }
}
