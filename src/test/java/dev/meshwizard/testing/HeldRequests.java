package dev.meshwizard.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Requests the simulated API server keeps waiting, so a test can act while a client is in the middle of an
 * operation (e.g. kill it while Helm's record says {@code pending-install}). A held request is answered normally
 * once released, or after a minute at the latest, so that a forgotten hold cannot hang the server.
 */
public final class HeldRequests {

    private static final Duration LONGEST = Duration.ofMinutes(1);

    private final List<Hold> holds = new CopyOnWriteArrayList<>();

    /** Holds every request with this method whose path (without query) matches {@code pathRegex}. */
    Hold hold(String method, String pathRegex) {
        Hold hold = new Hold(method, Pattern.compile(pathRegex));
        holds.add(hold);
        return hold;
    }

    /** Called for each request: waits while a hold matches it. */
    void pass(String method, String path) {
        for (Hold hold : holds) {
            if (hold.method.equals(method) && hold.path.matcher(path).matches() && hold.released.getCount() > 0) {
                hold.arrived.countDown();
                try {
                    hold.released.await(LONGEST.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** One hold: it tells when a request arrived, and lets it (and all later ones) go when released. */
    public static final class Hold implements AutoCloseable {

        private final String method;
        private final Pattern path;
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(String method, Pattern path) {
            this.method = method;
            this.path = path;
        }

        /** Waits until a matching request is being held; false when none came within {@code timeout}. */
        public boolean awaitArrival(Duration timeout) throws InterruptedException {
            return arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Lets the held requests go on; later ones are no longer held. */
        public void release() {
            released.countDown();
        }

        @Override
        public void close() {
            release();
        }
    }
}
