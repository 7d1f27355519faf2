package dev.meshwizard.cluster.forward;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.Kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.cluster.forward.PodForward.Kind;
import dev.meshwizard.cluster.forward.PodForward.State;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forward that follows the newest ready Kiali pod, on the simulated API. The part that opens a forward to a named
 * pod is replaced by one that binds the local port, so that a forward not closed before the next one shows as a
 * failure to bind.
 */
class PortForwardsTest {

    /** How long a user waits for a forward's next state before calling it broken. */
    private static final int USER_PATIENCE_SECONDS = 5;

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private ClusterSession session;
    private final BlockingQueue<State> states = new LinkedBlockingQueue<>();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<ServerSocket> sockets = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        cluster = SimulatedCluster.start().createNamespaces("istio-system", "bookinfo");
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        session = new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim");
    }

    @AfterEach
    void stop() {
        session.close();
        cluster.close();
    }

    private PortForwards forwards() {
        return new PortForwards(session.forwardOwner(), session.client(), (namespace, pod, remotePort, localPort) -> {
            ServerSocket socket = new ServerSocket(localPort, 50, InetAddress.getLoopbackAddress());
            sockets.add(socket);
            opened.add(namespace + "/" + pod + ":" + remotePort);
            return socket;
        });
    }

    private static Pod kiali(String name, boolean ready) {
        return TestPods.pod(Kiali.NAMESPACE, name).label("app", "kiali").node("n1").phase("Running")
                .scheduledConditions(ready).statuses(TestPods.running("kiali", ready, 0)).build();
    }

    private void create(Pod pod) {
        session.client().pods().inNamespace(Kiali.NAMESPACE).resource(pod).create();
    }

    private void delete(String name) {
        session.client().pods().inNamespace(Kiali.NAMESPACE).withName(name).delete();
    }

    /** Waits a bounded quiet period on the state that must not come; fails as soon as it does. */
    private void noStateOf(Kind kind, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (long left = millis; left > 0; left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())) {
            State state = states.poll(left, TimeUnit.MILLISECONDS);
            assertThat(state == null ? null : state.kind()).as("state while no pod is ready").isNotEqualTo(kind);
        }
    }

    /** The next state of {@code kind}, waiting as long as a user would: a few seconds. */
    private State next(Kind kind) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(USER_PATIENCE_SECONDS);
        while (System.nanoTime() < end) {
            State state = states.poll(200, TimeUnit.MILLISECONDS);
            if (state != null && state.kind() == kind) {
                return state;
            }
        }
        throw new AssertionError("no " + kind + " state within " + USER_PATIENCE_SECONDS + " s; last states: "
                + states);
    }

    private PodForward openKiali() {
        return forwards().open(Kiali.NAMESPACE, "app", "kiali", Kiali.PORT, 0, states::add);
    }

    @Test
    void theNewestReadyPodIsForwardedTo() throws Exception {
        create(kiali("kiali-1", true));
        create(kiali("kiali-2", true));
        create(kiali("kiali-3", false));

        PodForward forward = openKiali();

        State state = next(Kind.FORWARDING);
        assertThat(state.pod()).isEqualTo("kiali-2");
        assertThat(state.localPort()).isEqualTo(forward.localPort()).isPositive();
        assertThat(state.url("/kiali")).isEqualTo("http://localhost:" + forward.localPort() + "/kiali");
        assertThat(opened).containsExactly("istio-system/kiali-2:20001");
    }

    @Test
    void whenThePodGoesAwayTheForwardMovesToAnotherOnTheSameLocalPort() throws Exception {
        create(kiali("kiali-1", true));
        create(kiali("kiali-2", true));
        PodForward forward = openKiali();
        next(Kind.FORWARDING);

        delete("kiali-2");

        State moved = next(Kind.FORWARDING);
        assertThat(moved.pod()).isEqualTo("kiali-1");
        assertThat(moved.localPort()).isEqualTo(forward.localPort());
        assertThat(sockets.get(0).isClosed()).isTrue();
        assertThat(opened).containsExactly("istio-system/kiali-2:20001", "istio-system/kiali-1:20001");
    }

    @Test
    void withoutAReadyPodItWaitsAndForwardsOnceOneBecomesReady() throws Exception {
        create(kiali("kiali-1", true));
        PodForward forward = openKiali();
        next(Kind.FORWARDING);

        delete("kiali-1");
        State waiting = next(Kind.WAITING_FOR_POD);
        create(kiali("kiali-2", false));
        noStateOf(Kind.FORWARDING, 500);
        assertThat(forward.state().kind()).isEqualTo(Kind.WAITING_FOR_POD);
        session.client().pods().inNamespace(Kiali.NAMESPACE).resource(kiali("kiali-2", true)).update();

        State forwarding = next(Kind.FORWARDING);
        assertThat(waiting.reason()).contains("No ready pod with app=kiali");
        assertThat(forwarding.pod()).isEqualTo("kiali-2");
    }

    @Test
    void aForwardThatCannotOpenReportsWhyAndTriesAgainOnTheNextChange() throws Exception {
        create(kiali("kiali-1", true));
        List<String> tries = new CopyOnWriteArrayList<>();
        PortForwards failing = new PortForwards(session.forwardOwner(), session.client(), (namespace, pod, remote, local) -> {
            tries.add(pod);
            if (pod.equals("kiali-1")) {
                throw new IOException("pod is not running yet");
            }
            return () -> { };
        });
        failing.open(Kiali.NAMESPACE, "app", "kiali", Kiali.PORT, 0, states::add);

        State failed = next(Kind.FAILED);
        create(kiali("kiali-2", true));

        assertThat(failed.reason()).contains("kiali-1").contains("pod is not running yet");
        assertThat(next(Kind.FORWARDING).pod()).isEqualTo("kiali-2");
        assertThat(tries).filteredOn("kiali-1"::equals).hasSizeGreaterThan(1);
    }

    @Test
    void aLocalPortStillHeldForAMomentIsTriedAgainWithoutReportingAFailure() throws Exception {
        create(kiali("kiali-1", true));
        List<String> tries = new CopyOnWriteArrayList<>();
        PortForwards busyOnce = new PortForwards(session.forwardOwner(), session.client(), (namespace, pod, remote, local) -> {
            tries.add(pod);
            if (tries.size() == 1) {
                throw new IOException("Address already in use");
            }
            return () -> { };
        });
        List<State> seen = new CopyOnWriteArrayList<>();
        busyOnce.open(Kiali.NAMESPACE, "app", "kiali", Kiali.PORT, 0, state -> {
            seen.add(state);
            states.add(state);
        });

        assertThat(next(Kind.FORWARDING).pod()).isEqualTo("kiali-1");
        assertThat(seen).extracting(State::kind).doesNotContain(Kind.FAILED);
        assertThat(tries).containsExactly("kiali-1", "kiali-1");
    }

    @Test
    void closingTheSessionClosesTheForwardAndFreesTheLocalPort() throws Exception {
        create(kiali("kiali-1", true));
        PodForward forward = openKiali();
        next(Kind.FORWARDING);

        session.close();

        assertThat(next(Kind.CLOSED)).isNotNull();
        assertThat(forward.state().kind()).isEqualTo(Kind.CLOSED);
        assertThat(sockets).allMatch(ServerSocket::isClosed);
    }

    @Test
    void aBusyPreferredPortGivesAnotherFreePort() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = PortForwards.freePort(busy.getLocalPort());

            assertThat(port).isPositive().isNotEqualTo(busy.getLocalPort());
        }
    }
}
