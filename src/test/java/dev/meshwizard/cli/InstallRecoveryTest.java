package dev.meshwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.Main;
import dev.meshwizard.testing.HeldRequests;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestCharts;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise that running {@code install} again continues after anything, here after the client was
 * killed with SIGKILL while Helm's record of a release said pending: a real second JVM runs the command line
 * against the simulated API, is killed while Helm is mid-operation, and an install in this JVM then completes.
 */
class InstallRecoveryTest {

    private static final String NAMESPACE = "istio-system";
    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/istio-system/deployments";

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private Path kubeconfig;
    private final Cli cli = new Cli();

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

    @Test
    void aClientKilledDuringAFirstInstallLeavesPendingInstallAndInstallingAgainCompletesIt() throws Exception {
        // Given a client killed with SIGKILL while Helm creates istiod's Deployment (istiod pending-install)
        try (HeldRequests.Hold hold = cluster.hold("POST", DEPLOYMENTS)) {
            killWhenHeld(hold, installArgs());
        }
        assertThat(status("istiod")).isEqualTo("pending-install");

        // When install runs again
        int exit = cli.run("install", installArgs().toArray(String[]::new));

        // Then it marks the abandoned revision failed, says so, and every release is deployed
        assertThat(exit).as(cli.err.toString()).isZero();
        assertThat(cli.err.toString()).contains("istiod").contains("revision 1 was left pending-install")
                .contains("is gone").contains("marked it failed");
        assertThat(cli.out.toString()).containsPattern("istio-base\\s+istio-system\\s+base\\s+\\S+\\s+\\d+\\s+deployed")
                .containsPattern("istiod\\s+istio-system\\s+istiod\\s+\\S+\\s+2\\s+deployed")
                .containsPattern("istio-ingressgateway\\s+istio-system\\s+gateway\\s+\\S+\\s+1\\s+deployed");
        assertThat(status("istiod")).isEqualTo("deployed");
    }

    @Test
    void aClientKilledDuringAnUpgradeLeavesPendingUpgradeAndInstallingAgainCompletesTheUpgrade() throws Exception {
        // Given Istio installed, and a client killed while Helm patches istiod's Deployment in an upgrade
        assertThat(cli.run("install", installArgs().toArray(String[]::new))).as(cli.err.toString()).isZero();
        List<String> upgrade = installArgs();
        upgrade.addAll(List.of("--set", "istiod.pilot.traceSampling=10"));
        try (HeldRequests.Hold hold = cluster.hold("PATCH", DEPLOYMENTS + "/istiod")) {
            killWhenHeld(hold, upgrade);
        }
        assertThat(status("istiod")).isEqualTo("pending-upgrade");

        // When install runs again
        cli.err.getBuffer().setLength(0);
        int exit = cli.run("install", upgrade.toArray(String[]::new));

        // Then the upgrade is completed: revision 2 failed, revision 3 deployed with the new values
        assertThat(exit).as(cli.err.toString()).isZero();
        assertThat(cli.err.toString()).contains("revision 2 was left pending-upgrade").contains("marked it failed");
        assertThat(status("istiod")).isEqualTo("deployed");
        assertThat(cluster.client().apps().deployments().inNamespace(NAMESPACE).withName("istiod").get().getSpec()
                .getTemplate().getSpec().getContainers().get(0).getEnv())
                .anySatisfy(env -> {
                    assertThat(env.getName()).isEqualTo("PILOT_TRACE_SAMPLING");
                    assertThat(env.getValue()).isEqualTo("10");
                });
    }

    private List<String> installArgs() {
        return new ArrayList<>(List.of("--charts", TestCharts.chartsFolder().toString(),
                "--kubeconfig", kubeconfig.toString(), "--context", "sim", "--timeout", "60s"));
    }

    /** Runs {@code mesh-wizard install} in a child JVM and kills it (SIGKILL) once the hold has caught it. */
    private void killWhenHeld(HeldRequests.Hold hold, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path")));
        for (String property : List.of("jna.tmpdir", "user.home", "meshwizard.config.dir", "meshwizard.cache.dir")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.add(Main.class.getName());
        command.add("install");
        command.addAll(args);
        Path output = dir.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertThat(hold.awaitArrival(Duration.ofMinutes(2)))
                    .as(() -> "the child never reached the held request: " + read(output)).isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    }

    /** The status Helm's newest record of a release holds. */
    private String status(String release) {
        return cluster.client().secrets().inNamespace(NAMESPACE).withLabel("owner", "helm")
                .withLabel("name", release).list().getItems().stream()
                .max(java.util.Comparator.comparingInt(s -> Integer.parseInt(s.getMetadata().getLabels()
                        .get("version"))))
                .map(Secret::getMetadata).map(m -> m.getLabels().get("status")).orElse("none");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.getMessage();
        }
    }
}
