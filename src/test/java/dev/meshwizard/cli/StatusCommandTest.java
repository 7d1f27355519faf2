package dev.meshwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.Kubeconfig;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.testing.TestPlans;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh-wizard status} against the simulated API, with a release installed by real Helm. */
class StatusCommandTest {

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private Path kubeconfig;
    private final Cli cli = new Cli();
    private final java.io.StringWriter out = cli.out;
    private final java.io.StringWriter err = cli.err;

    @BeforeEach
    void installBase() throws Exception {
        cluster = SimulatedCluster.start();
        kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        ChartSourceSpec source = ChartSourceSpec.chartsFolder(TestCharts.chartsFolder());
        InstallPlan plan = TestPlans.plan(Profile.MINIMAL, source);
        try (ClusterSession session = new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim")) {
            session.helm().upgradeOrInstall(plan, TestPlans.release(Component.BASE, ""),
                    ChartSource.open(source, dir.resolve("cache")), Duration.ofMinutes(1));
        }
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private int status(String... args) {
        return cli.run("status", args);
    }

    @Test
    void theInstalledReleaseIsListedFromHelmsOwnRecords() {
        int exit = status("--kubeconfig", kubeconfig.toString(), "--context", "sim");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("NAME").containsPattern("istio-base\\s+base\\s+"
                + TestCharts.VERSION.replace(".", "\\.") + "\\s+1\\s+deployed");
    }

    @Test
    void aNamespaceWithoutReleasesSaysSo() {
        int exit = status("--kubeconfig", kubeconfig.toString(), "--context", "sim", "-n", "default");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("No Helm releases in namespace default");
    }

    @Test
    void anUnknownContextIsBadInputNamingTheFile() {
        int exit = status("--kubeconfig", kubeconfig.toString(), "--context", "nope");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("nope").contains(kubeconfig.toString());
    }

    @Test
    void controlCharactersInWhatStatusPrintsAreEscaped() {
        int exit = status("--kubeconfig", kubeconfig.toString(), "--context", "nope\u001b]0;owned\u0007");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("nope\\e]0;owned\\x07").doesNotContain("\u001b").doesNotContain("\u0007");
    }
}
