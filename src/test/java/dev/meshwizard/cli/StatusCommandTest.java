package dev.meshwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.Kubeconfig;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.testing.TestPlans;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mesh-wizard status} against the simulated API, with a release installed by real Helm. */
class StatusCommandTest {

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private Path kubeconfig;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

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
        CommandLine cli = new CommandLine(new MeshWizardCommand(() -> { }, new PrintWriter(err, true)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "status";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
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
}
