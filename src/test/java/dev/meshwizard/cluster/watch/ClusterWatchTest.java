package dev.meshwizard.cluster.watch;

import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.KubeContext;

import static dev.meshwizard.testing.TestPods.pod;
import static dev.meshwizard.testing.TestPods.running;
import static dev.meshwizard.testing.TestPods.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TcpRelay;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClusterWatchTest {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(15);

    private static SimulatedCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void startCluster() {
        cluster = SimulatedCluster.start();
        client = cluster.client();
        for (String namespace : List.of("shop", "billing", "scoped-in", "scoped-out", "closing", "outage", "relist")) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                    .build()).create();
        }
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    /** Records what a watch reports, for awaiting it with a timeout. */
    private static final class Recorder implements WatchListener {
        record Upserted(Row row) {
        }

        record Deleted(Row row) {
        }

        record State(WatchState state, String detail) {
        }

        record Replaced(List<Row> rows) {
        }

        private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        final List<Object> seen = new ArrayList<>();

        @Override
        public void upserted(Row row) {
            events.add(new Upserted(row));
        }

        @Override
        public void deleted(Row row) {
            events.add(new Deleted(row));
        }

        @Override
        public void stateChanged(WatchState state, String detail) {
            events.add(new State(state, detail));
        }

        @Override
        public void replaced(List<Row> rows) {
            events.add(new Replaced(List.copyOf(rows)));
        }

        /** Waits for the next event of a type that matches, keeping every event seen on the way. */
        <T> T await(Class<T> type, Predicate<T> matching) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT_NANOS;
            while (true) {
                Object event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    return fail("No matching %s within the timeout; seen: %s", type.getSimpleName(), seen);
                }
                seen.add(event);
                if (type.isInstance(event) && matching.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
        }

        State awaitState(WatchState state) throws InterruptedException {
            return await(State.class, s -> s.state() == state);
        }

        /** Finds a pod row among the events seen so far or waits for it: rows and states come on different threads. */
        PodRow awaitPod(String namespace, String name, Predicate<PodRow> matching) throws InterruptedException {
            Predicate<Upserted> wanted = u -> u.row() instanceof PodRow p && p.namespace().equals(namespace)
                    && p.name().equals(name) && matching.test(p);
            for (Object event : seen) {
                if (event instanceof Upserted u && wanted.test(u)) {
                    return (PodRow) u.row();
                }
            }
            return (PodRow) await(Upserted.class, wanted).row();
        }

        /** Everything already delivered, without waiting. */
        List<Object> drain() {
            events.drainTo(seen);
            return seen;
        }
    }

    private static Pod appPod(String namespace, String name) {
        return pod(namespace, name).container("app", "example/app:1").phase("Pending")
                .statuses(waiting("app", "ContainerCreating", 0)).build();
    }

    @Test
    void podRowsAppearChangeAndDisappearWithThePods() throws Exception {
        Recorder recorder = new Recorder();
        try (ClusterWatch watch = ClusterWatch.start(client, WatchScope.all(), recorder, Duration.ofMillis(100))) {
            assertThat(recorder.awaitState(WatchState.SYNCING).detail()).contains("all namespaces");
            recorder.awaitState(WatchState.WATCHING);

            client.resource(appPod("shop", "cart")).create();
            PodRow created = recorder.awaitPod("shop", "cart", p -> true);
            assertThat(created.status()).isEqualTo("ContainerCreating");
            assertThat(created.total()).isEqualTo(1);

            client.pods().inNamespace("shop").withName("cart").edit(p -> new PodBuilder(p).editStatus()
                    .withPhase("Running").withContainerStatuses(running("app", true, 0)).endStatus().build());
            PodRow changed = recorder.awaitPod("shop", "cart", p -> p.status().equals("Running"));
            assertThat(changed.key()).isEqualTo(created.key());
            assertThat(changed.ready()).isEqualTo(1);

            client.pods().inNamespace("shop").withName("cart").delete();
            Recorder.Deleted deleted = recorder.await(Recorder.Deleted.class,
                    d -> d.row().key().equals(created.key()));
            assertThat(deleted.row()).isInstanceOf(PodRow.class);
            assertThat(watch.state()).isEqualTo(WatchState.WATCHING);
        }
    }

    @Test
    void serviceRowsFollowTheLoadBalancerAddress() throws Exception {
        Recorder recorder = new Recorder();
        try (ClusterWatch watch = ClusterWatch.start(client, WatchScope.of(Set.of("billing")), recorder,
                Duration.ofMillis(100))) {
            recorder.awaitState(WatchState.WATCHING);
            Service service = new ServiceBuilder().withNewMetadata().withNamespace("billing").withName("gateway")
                    .endMetadata().withNewSpec().withType("LoadBalancer").withClusterIP("10.96.1.2")
                    .addNewPort().withName("http2").withPort(80).withTargetPort(new IntOrString(8080))
                    .withNodePort(31380).endPort()
                    .endSpec().build();

            client.resource(service).create();
            ServiceRow pending = (ServiceRow) recorder.await(Recorder.Upserted.class,
                    u -> u.row() instanceof ServiceRow s && s.name().equals("gateway")).row();
            client.services().inNamespace("billing").withName("gateway").edit(s -> new ServiceBuilder(s)
                    .withNewStatus().withNewLoadBalancer().addNewIngress().withHostname("lb.example.com")
                    .endIngress().endLoadBalancer().endStatus().build());
            ServiceRow assigned = (ServiceRow) recorder.await(Recorder.Upserted.class,
                    u -> u.row() instanceof ServiceRow s && s.external().equals("lb.example.com")).row();

            assertThat(pending.external()).isEqualTo("pending");
            assertThat(pending.ports()).isEqualTo("http2 80→8080/31380");
            assertThat(assigned.key()).isEqualTo(pending.key());
            assertThat(watch.state()).isEqualTo(WatchState.WATCHING);
        }
    }

    @Test
    void namespaceScopeLeavesOtherNamespacesOut() throws Exception {
        client.resource(appPod("scoped-out", "before")).create();
        client.resource(appPod("scoped-in", "before")).create();
        Recorder recorder = new Recorder();
        try (ClusterWatch watch = ClusterWatch.start(client, WatchScope.of(Set.of("scoped-in")), recorder,
                Duration.ofMillis(100))) {
            recorder.awaitPod("scoped-in", "before", p -> true);
            recorder.awaitState(WatchState.WATCHING);

            client.resource(appPod("scoped-out", "after")).create();
            client.resource(appPod("scoped-in", "after")).create();
            recorder.awaitPod("scoped-in", "after", p -> true);

            assertThat(recorder.drain()).filteredOn(e -> e instanceof Recorder.Upserted)
                    .extracting(e -> ((Recorder.Upserted) e).row().namespace()).containsOnly("scoped-in");
            assertThat(watch.state()).isEqualTo(WatchState.WATCHING);
        }
    }

    @Test
    void closedWatchDeliversNothingMoreAndMayBeClosedTwice() throws Exception {
        Recorder closedOne = new Recorder();
        Recorder witness = new Recorder();
        ClusterWatch watch = ClusterWatch.start(client, WatchScope.of(Set.of("closing")), closedOne);
        try (ClusterWatch witnessWatch = ClusterWatch.start(client, WatchScope.of(Set.of("closing")), witness)) {
            closedOne.awaitState(WatchState.WATCHING);
            witness.awaitState(WatchState.WATCHING);

            watch.close();
            watch.close();
            client.resource(appPod("closing", "late")).create();
            witness.awaitPod("closing", "late", p -> true);

            assertThat(closedOne.drain()).noneMatch(e -> e instanceof Recorder.Upserted u
                    && u.row().name().equals("late"));
            assertThat(witnessWatch.state()).isEqualTo(WatchState.WATCHING);
        }
    }

    @Test
    void outageIsReportedAsLostAndChangesMadeMeanwhileArriveWhenTheWatchIsBack() throws Exception {
        Recorder recorder = new Recorder();
        try (TcpRelay relay = TcpRelay.to(cluster.port());
             KubernetesClient viaRelay = new KubernetesClientBuilder().withConfig(new ConfigBuilder(cluster.config())
                     .withMasterUrl("https://localhost:" + relay.port()).withWatchReconnectInterval(100).build())
                     .build();
             ClusterWatch watch = ClusterWatch.start(viaRelay, WatchScope.of(Set.of("outage")), recorder,
                     Duration.ofMillis(100))) {
            recorder.awaitState(WatchState.WATCHING);

            relay.cut();
            assertThat(recorder.awaitState(WatchState.LOST).detail()).contains("namespace outage");
            client.resource(appPod("outage", "during-outage")).create();
            relay.restore();

            recorder.awaitState(WatchState.WATCHING);
            recorder.awaitPod("outage", "during-outage", p -> true);
            assertThat(watch.state()).isEqualTo(WatchState.WATCHING);
        }
    }

    @Test
    void aWatchThatComesBackListsAgainAndHandsOverEveryRowThereIsNow() throws Exception {
        Recorder recorder = new Recorder();
        client.resource(appPod("relist", "stays")).create();
        client.resource(appPod("relist", "goes")).create();
        try (TcpRelay relay = TcpRelay.to(cluster.port());
             KubernetesClient viaRelay = new KubernetesClientBuilder().withConfig(new ConfigBuilder(cluster.config())
                     .withMasterUrl("https://localhost:" + relay.port()).withWatchReconnectInterval(100).build())
                     .build();
             ClusterWatch watch = ClusterWatch.start(viaRelay, WatchScope.of(Set.of("relist")), recorder,
                     Duration.ofMillis(100))) {
            // Given a watch that lost its connection while a pod was deleted
            recorder.awaitState(WatchState.WATCHING);
            relay.cut();
            recorder.awaitState(WatchState.LOST);
            client.pods().inNamespace("relist").withName("goes").delete();

            // When the connection is back
            relay.restore();

            // Then the watch lists again and hands over the complete rows before it says it is watching
            Recorder.Replaced replaced = recorder.await(Recorder.Replaced.class, r -> true);
            assertThat(replaced.rows()).filteredOn(r -> r instanceof PodRow).extracting(r -> ((PodRow) r).name())
                    .containsExactly("stays");
            recorder.awaitState(WatchState.WATCHING);
        }
    }

    @Test
    void refusedListIsLostForGoodWithTheServersReason() throws Exception {
        try (SimulatedCluster strict = SimulatedCluster.start()) {
            strict.refuse("/api/v1/pods", 403);
            Recorder recorder = new Recorder();
            try (ClusterWatch watch = ClusterWatch.start(strict.client(), WatchScope.all(), recorder,
                    Duration.ofMillis(100))) {
                Recorder.State lost = recorder.awaitState(WatchState.LOST);

                assertThat(lost.detail()).contains("Stopped watching").contains("pods is forbidden").contains("403");
                assertThat(watch.state()).isEqualTo(WatchState.LOST);
            }
        }
    }

    @Test
    void closingTheSessionClosesItsWatch(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Recorder inSession = new Recorder();
        Recorder witness = new Recorder();
        ClusterSession session = new dev.meshwizard.cluster.ClusterConnector().connect(
                dev.meshwizard.cluster.connect.Kubeconfig.loadFile(cluster.writeKubeconfig(dir.resolve("config"),
                        "sim")), "sim");
        session.watch(WatchScope.of(Set.of("closing")), inSession);
        try (ClusterWatch witnessWatch = ClusterWatch.start(client, WatchScope.of(Set.of("closing")), witness)) {
            inSession.awaitState(WatchState.WATCHING);
            witness.awaitState(WatchState.WATCHING);

            session.close();
            client.resource(appPod("closing", "after-session")).create();
            witness.awaitPod("closing", "after-session", p -> true);

            assertThat(inSession.drain()).noneMatch(e -> e instanceof Recorder.Upserted u
                    && u.row().name().equals("after-session"));
            assertThat(witnessWatch.state()).isEqualTo(WatchState.WATCHING);
        }
    }

    @Test
    void emptyNamespaceSetWatchesNothingAndSaysSo() throws Exception {
        Recorder recorder = new Recorder();
        try (ClusterWatch watch = ClusterWatch.start(client, WatchScope.of(Set.of()), recorder)) {
            recorder.awaitState(WatchState.WATCHING);
            assertThat(watch.state()).isEqualTo(WatchState.WATCHING);
        }
    }
}
