package dev.meshwizard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stock kubectl writes to the simulated API as to a real one: it sends built-in kinds as protobuf, which the
 * simulation reads ({@link ProtobufObjects}). Needs {@code kubectl} on the PATH (the project's machines have it).
 */
class KubectlOnSimulatedClusterTest {

    private static SimulatedCluster cluster;
    @TempDir
    static Path dir;
    private static Path kubeconfig;

    @BeforeAll
    static void startCluster() {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        cluster = SimulatedCluster.start();
        kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig.yaml"), "simulated");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private record Run(int exit, String out) {
    }

    private static Run kubectl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    @Test
    void kubectlCreateConfigmapIsStoredWithItsData() throws Exception {
        Run run = kubectl("create", "configmap", "settings", "--from-literal=mode=fast", "-n", "default");

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(cluster.client().configMaps().inNamespace("default").withName("settings").get().getData())
                .containsEntry("mode", "fast");
    }

    @Test
    void kubectlCreateNamespaceAndDeploymentAreStoredWithTheServersDefaults() throws Exception {
        Run namespace = kubectl("create", "namespace", "shop");
        Run deployment = kubectl("create", "deployment", "web", "--image=nginx:1.27", "--port=8080", "-n", "shop");

        assertThat(namespace.exit()).as(namespace.out()).isZero();
        assertThat(deployment.exit()).as(deployment.out()).isZero();
        Deployment stored = cluster.client().apps().deployments().inNamespace("shop").withName("web").get();
        assertThat(stored.getSpec().getSelector().getMatchLabels()).containsEntry("app", "web");
        assertThat(stored.getSpec().getReplicas()).isEqualTo(1);
        assertThat(stored.getSpec().getTemplate().getSpec().getContainers()).singleElement().satisfies(c -> {
            assertThat(c.getImage()).isEqualTo("nginx:1.27");
            assertThat(c.getImagePullPolicy()).isEqualTo("IfNotPresent");
            assertThat(c.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8080));
        });
    }

    @Test
    void anInvalidNameIsRefusedWithTheServersMessage() throws Exception {
        Run run = kubectl("create", "deployment", "Bad_Name", "--image=nginx:1.27", "-n", "default");

        assertThat(run.exit()).isNotZero();
        assertThat(run.out()).contains("Deployment.apps \"Bad_Name\" is invalid: metadata.name: Invalid value: "
                + "\"Bad_Name\": a lowercase RFC 1123 subdomain");
    }
}
