package dev.meshwizard.cluster.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.testing.SimulatedCluster;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When a pending Helm revision counts as abandoned: by the Lease of the client that started it, or by its age. */
class OperationLeasesTest {

    private static final String NAMESPACE = "istio-system";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private SimulatedCluster cluster;
    private OperationLeases leases;

    @BeforeEach
    void start() {
        cluster = SimulatedCluster.start().createNamespaces("istio-system");
        leases = new OperationLeases(cluster.client());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aRevisionWhoseClientOnThisHostIsAliveIsInProgress() {
        lease(ProcessHandle.current().parent().orElseThrow().pid(), host(), OffsetDateTime.now());

        assertThat(leases.abandoned(pending(OffsetDateTime.now()), TIMEOUT)).isEmpty();
    }

    @Test
    void aRevisionWhoseClientOnThisHostIsGoneIsAbandonedAtOnce() {
        lease(Long.MAX_VALUE - 1, host(), OffsetDateTime.now());

        assertThat(leases.abandoned(pending(OffsetDateTime.now()), TIMEOUT)).hasValueSatisfying(
                why -> assertThat(why).contains("is gone").contains(String.valueOf(Long.MAX_VALUE - 1)));
    }

    @Test
    void thisProcessHoldingTheLeaseMeansInProgressAndReleasingItMeansAbandoned() {
        OperationLeases.Held held = leases.begin("istiod", NAMESPACE, "install", TIMEOUT);

        assertThat(leases.abandoned(pending(OffsetDateTime.now()), TIMEOUT)).isEmpty();

        held.close();
        lease(ProcessHandle.current().pid(), host(), OffsetDateTime.now());
        assertThat(leases.abandoned(pending(OffsetDateTime.now()), TIMEOUT)).isPresent();
    }

    @Test
    void aLeaseFromAnotherHostCountsUntilItsDurationHasPassed() {
        lease(1, "elsewhere", OffsetDateTime.now());
        assertThat(leases.abandoned(pending(OffsetDateTime.now()), TIMEOUT)).isEmpty();

        lease(1, "elsewhere", OffsetDateTime.now().minusHours(1));
        assertThat(leases.abandoned(pending(OffsetDateTime.now()), TIMEOUT))
                .hasValueSatisfying(why -> assertThat(why).contains("has not finished"));
    }

    @Test
    void withoutALeaseOnlyARevisionOlderThanTheTimeoutIsAbandoned() {
        assertThat(leases.abandoned(pending(OffsetDateTime.now().minusMinutes(1)), TIMEOUT)).isEmpty();
        assertThat(leases.abandoned(pending(OffsetDateTime.now().minusMinutes(6)), TIMEOUT))
                .hasValueSatisfying(why -> assertThat(why).contains("longer ago than the timeout of 300 s"));
    }

    private static ReleaseRecord pending(OffsetDateTime started) {
        return new ReleaseRecord("istiod", NAMESPACE, 1, "pending-install", "istiod", "1.30.3", "1.30.3",
                Optional.of(started), "Initial install underway", "", null, null);
    }

    private void lease(long pid, String host, OffsetDateTime acquired) {
        cluster.client().leases().inNamespace(NAMESPACE).withName("mesh-wizard-helm.istiod").delete();
        cluster.client().leases().inNamespace(NAMESPACE).resource(new LeaseBuilder().withNewMetadata()
                .withName("mesh-wizard-helm.istiod").withNamespace(NAMESPACE)
                .withAnnotations(Map.of("mesh-wizard.dev/pid", String.valueOf(pid), "mesh-wizard.dev/host", host))
                .endMetadata().withNewSpec().withHolderIdentity("mesh-wizard/" + pid + "@" + host)
                .withAcquireTime(ZonedDateTime.ofInstant(acquired.toInstant(), ZoneOffset.UTC))
                .withLeaseDurationSeconds(360).endSpec().build()).create();
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return System.getenv("HOSTNAME");
        }
    }
}
