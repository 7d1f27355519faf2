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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status --history}, {@code rollback} and {@code uninstall} against releases installed by real Helm. */
class ReleaseCommandsTest {

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private Path kubeconfig;
    private final Cli cli = new Cli();

    @BeforeEach
    void installBaseTwice() throws Exception {
        cluster = SimulatedCluster.start();
        kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        ChartSourceSpec source = ChartSourceSpec.chartsFolder(TestCharts.chartsFolder());
        InstallPlan plan = TestPlans.plan(Profile.MINIMAL, source);
        try (ClusterSession session = new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim")) {
            ChartSource charts = ChartSource.open(source, dir.resolve("cache"));
            session.helm().upgradeOrInstall(plan, TestPlans.release(Component.BASE, ""), charts, Duration.ofMinutes(1));
            session.helm().upgradeOrInstall(plan, TestPlans.release(Component.BASE, ""), charts, Duration.ofMinutes(1));
        }
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private int run(String command, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--kubeconfig", kubeconfig.toString(), "--context", "sim"}, 0, all,
                args.length, 4);
        return cli.run(command, all);
    }

    @Test
    void statusHistoryShowsEveryRevisionWithItsStatus() {
        int exit = run("status", "--history", "istio-base");

        assertThat(exit).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("REVISION").containsPattern("(?m)^1\\s+\\S+ \\S+Z\\s+superseded")
                .containsPattern("(?m)^2\\s+\\S+ \\S+Z\\s+deployed\\s+base-" + TestCharts.VERSION.replace(".", "\\."));
    }

    @Test
    void rollbackMakesRevisionThreeAndAnUnknownRevisionFailsWithHelmsRecords() {
        assertThat(run("rollback", "istio-base", "1")).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("istio-base rolled back to revision 1: now revision 3 deployed");

        assertThat(run("rollback", "istio-base", "7")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("has no revision 7").contains("[1, 2, 3]");
    }

    @Test
    void rollbackOfAReleaseThatDoesNotExistIsBadInputNamingTheReleasesThatDo() {
        int exit = run("rollback", "istiod", "1");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err.toString()).contains("no release istiod in namespace istio-system")
                .contains("releases there: istio-base");
    }

    @Test
    void uninstallOfAReleaseThatDoesNotExistIsBadInputNamingTheReleasesThatDoAndRemovesNothing() {
        int exit = run("uninstall", "--release", "istiod");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err.toString()).contains("no release istiod in namespace istio-system")
                .contains("releases there: istio-base");
        assertThat(cli.out.toString()).doesNotContain("Nothing to uninstall");
        assertThat(run("status")).isZero();
        assertThat(cli.out.toString()).contains("istio-base");
    }

    @Test
    void aNamespaceKubernetesWouldRefuseIsBadInputForStatusRollbackAndUninstallAndRemovesNothing() {
        for (String[] command : List.of(new String[] {"status", "-n", "Istio_System"},
                new String[] {"rollback", "istio-base", "1", "-n", "Istio_System"},
                new String[] {"uninstall", "-n", "Istio_System"})) {
            assertThat(run(command[0], java.util.Arrays.copyOfRange(command, 1, command.length))).isEqualTo(2);
            assertThat(cli.err.toString()).contains("--namespace Istio_System: namespace \"Istio_System\" is not a"
                    + " DNS-1123 label");
        }
        assertThat(run("status")).isZero();
        assertThat(cli.out.toString()).containsPattern("istio-base\\s+base\\s+\\S+\\s+2\\s+deployed");
    }

    @Test
    void aReleaseNamedInAnEmptyNamespaceIsBadInputSayingHelmHasNone() {
        assertThat(run("rollback", "istiod", "1", "-n", "elsewhere")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("no release istiod in namespace elsewhere")
                .contains("Helm has no releases there");
    }

    @Test
    void uninstallRemovesTheReleaseAndKeepsTheCrdsUnlessAsked() {
        int exit = run("uninstall");

        assertThat(exit).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("removed istio-base");
        assertThat(cluster.client().apiextensions().v1().customResourceDefinitions()
                .withName("gateways.networking.istio.io").get()).isNotNull();

        assertThat(run("uninstall", "--delete-crds")).isZero();
        assertThat(cli.out.toString()).contains("removed Istio CRDs");
        assertThat(cluster.client().apiextensions().v1().customResourceDefinitions()
                .withName("gateways.networking.istio.io").get()).isNull();
    }
}
