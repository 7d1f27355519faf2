package dev.meshwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestCharts;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh-wizard install} into the simulated API with real Helm and the simulated controllers. */
class InstallCommandTest {

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private Path kubeconfig;
    private final Cli cli = new Cli();
    private final java.io.StringWriter out = cli.out;
    private final java.io.StringWriter err = cli.err;

    @BeforeEach
    void start() {
        cluster = SimulatedCluster.start();
        cluster.startControllers(Duration.ofMillis(20));
        kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private int install(String... args) {
        String[] all = new String[args.length + 6];
        all[0] = "--charts";
        all[1] = TestCharts.chartsFolder().toString();
        all[2] = "--kubeconfig";
        all[3] = kubeconfig.toString();
        all[4] = "--context";
        all[5] = "sim";
        System.arraycopy(args, 0, all, 6, args.length);
        return cli.run("install", all);
    }

    @Test
    void theDefaultProfileIsInstalledInOrderAndTheTableShowsHelmsRecords() {
        int exit = install("--timeout", "60s");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).containsSubsequence("istio-base", "DONE", "istiod", "DONE", "istio-ingressgateway",
                "DONE");
        assertThat(out.toString()).containsPattern("istio-base\\s+istio-system\\s+base\\s+\\S+\\s+1\\s+deployed")
                .containsPattern("istio-ingressgateway\\s+istio-system\\s+gateway\\s+\\S+\\s+1\\s+deployed");
    }

    @Test
    void aReleaseHelmRejectsStopsTheRunWithANonZeroExitAndKeepsWhatWasInstalled() {
        int exit = install("--set", "istio-ingressgateway.notAValue=1", "--timeout", "60s");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("notAValue");
        assertThat(out.toString()).contains("istio-base").contains("istiod").doesNotContain("istio-ingressgateway ");
    }

    @Test
    void anObjectTheServerFindsInvalidStopsTheRunWithExitOneAndTheFieldInTheError() {
        int exit = install("--set", "istio-ingressgateway.labels.app=not valid!", "--timeout", "60s");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("istio-ingressgateway").contains("is invalid")
                .contains("metadata.labels: Invalid value: \"not valid!\"");
    }

    @Test
    void aRevisionedInstallRunsASecondControlPlaneBesideTheFirstAndLeavesTheDefaultAlone() {
        // Given Istio installed without a revision
        assertThat(install("--timeout", "60s")).as(err.toString()).isZero();
        String firstVersion = deployment("istiod").getMetadata().getResourceVersion();

        // When the same profile is installed with a revision into the same cluster
        int exit = install("--revision", "1-30-3", "--timeout", "60s");

        // Then istiod-1-30-3 is a second release beside istiod, whose Deployment is untouched
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("istiod-1-30-3\\s+istio-system\\s+istiod\\s+\\S+\\s+1\\s+deployed");
        assertThat(cluster.client().apps().deployments().inNamespace("istio-system").list().getItems())
                .extracting(d -> d.getMetadata().getName()).contains("istiod", "istiod-1-30-3");
        assertThat(deployment("istiod").getMetadata().getResourceVersion()).isEqualTo(firstVersion);
        assertThat(deployment("istiod-1-30-3").getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("istio.io/rev", "1-30-3");
        // and configuration without a revision label is still validated by the first control plane
        assertThat(cluster.client().admissionRegistration().v1().validatingWebhookConfigurations()
                .withName("istiod-default-validator").get().getWebhooks().get(0).getClientConfig().getService()
                .getName()).isEqualTo("istiod");

        // and status lists both control planes as Helm releases
        out.getBuffer().setLength(0);
        assertThat(cli.run("status", "--kubeconfig", kubeconfig.toString(), "--context", "sim")).isZero();
        assertThat(out.toString()).containsPattern("(?m)^istiod\\s+istiod\\s+\\S+\\s+1\\s+deployed")
                .containsPattern("(?m)^istiod-1-30-3\\s+istiod\\s+\\S+\\s+1\\s+deployed");
    }

    private io.fabric8.kubernetes.api.model.apps.Deployment deployment(String name) {
        return cluster.client().apps().deployments().inNamespace("istio-system").withName(name).get();
    }

    @Test
    void dryRunRendersWithoutTouchingTheCluster() {
        int exit = install("--dry-run");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("istio-base: new release, 0 changed, ").contains("  + Deployment/")
                .contains("istiod: new release");
        assertThat(cluster.client().secrets().inNamespace("istio-system").list().getItems()).isEmpty();
    }

    @Test
    void dryRunAfterAnInstallShowsTheLinesThatWouldChange() {
        assertThat(install("--no-wait")).as(err.toString()).isZero();
        out.getBuffer().setLength(0);
        String installed = istiod().getMetadata().getResourceVersion();

        int exit = install("--dry-run", "--set", "istiod.pilot.autoscaleEnabled=false");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("istio-base: revision 1 → next, 0 changed, 0 added, 0 removed")
                .contains("istiod: revision 1 → next, 1 changed")
                .contains("  ~ Deployment/istio-system/istiod").contains("+  replicas: 1")
                .doesNotContain("  ~ Service/");
        assertThat(istiod().getMetadata().getResourceVersion()).as("a dry run changes nothing")
                .isEqualTo(installed);
    }

    private io.fabric8.kubernetes.api.model.apps.Deployment istiod() {
        return cluster.client().apps().deployments().inNamespace("istio-system").withName("istiod").get();
    }

    @Test
    void aTimeoutThatIsNotADurationIsBadInput() {
        assertThat(install("--timeout", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("--timeout soon");
    }
}
