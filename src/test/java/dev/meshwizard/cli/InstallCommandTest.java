package dev.meshwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestCharts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mesh-wizard install} into the simulated API with real Helm and the simulated controllers. */
class InstallCommandTest {

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private Path kubeconfig;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

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
        CommandLine cli = new CommandLine(new MeshWizardCommand(() -> { }, new PrintWriter(err, true)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 7];
        all[0] = "install";
        all[1] = "--charts";
        all[2] = TestCharts.chartsFolder().toString();
        all[3] = "--kubeconfig";
        all[4] = kubeconfig.toString();
        all[5] = "--context";
        all[6] = "sim";
        System.arraycopy(args, 0, all, 7, args.length);
        return cli.execute(all);
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
    void dryRunRendersWithoutTouchingTheCluster() {
        int exit = install("--dry-run");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("would be installed or upgraded");
        assertThat(cluster.client().secrets().inNamespace("istio-system").list().getItems()).isEmpty();
    }

    @Test
    void aTimeoutThatIsNotADurationIsBadInput() {
        assertThat(install("--timeout", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("--timeout soon");
    }
}
