package dev.meshwizard.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.connect.Kubeconfig;
import dev.meshwizard.job.SameThreadJobRunner;
import dev.meshwizard.testing.SimulatedCluster;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection's coming back is told once per outage, and only while connected. */
class SessionModelTest {

    @TempDir
    Path dir;
    private final SessionModel session = new SessionModel(new SameThreadJobRunner());
    private final AtomicInteger refreshed = new AtomicInteger();
    private SimulatedCluster cluster;

    @BeforeEach
    void listen() {
        session.onReconnect(refreshed::incrementAndGet);
    }

    @AfterEach
    void stop() {
        session.shutdown();
        if (cluster != null) {
            cluster.close();
        }
    }

    private void connect() throws Exception {
        cluster = SimulatedCluster.start();
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        session.connected(new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim"));
    }

    @Test
    void aWatchThatComesBackAfterALossRefreshesOnceAndClearsTheLoss() throws Exception {
        // Given a connection that was lost
        connect();
        session.connectionLost();
        assertThat(session.lostProperty().get()).isTrue();

        // When it comes back (and a routine re-watch reports it again)
        session.connectionBack();
        session.connectionBack();

        // Then the steps were asked to read again once
        assertThat(refreshed).hasValue(1);
        assertThat(session.lostProperty().get()).isFalse();
    }

    @Test
    void theFirstWatchIsNoReconnectAndOfflineNothingIsLost() throws Exception {
        // Given no connection, a loss means nothing
        session.connectionLost();
        assertThat(session.lostProperty().get()).isFalse();

        // When connected and the first watch starts
        connect();
        session.connectionBack();

        // Then nothing refreshed (the new session already made the steps read)
        assertThat(refreshed).hasValue(0);
    }

    @Test
    void goingOfflineForgetsALoss() throws Exception {
        connect();
        session.connectionLost();

        session.offline();

        assertThat(session.lostProperty().get()).isFalse();
    }
}
