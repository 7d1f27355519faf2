package dev.meshwizard.testing.bench;

import dev.meshwizard.testing.SimulatedCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures the side panel as a user meets it, on a simulated API holding 5,000 pods: the time from Connect to
 * a filled pod table, the longest stall of the FX thread while 500 pod updates a second flow for 10 s, and the
 * app's heap and RSS. The window runs in a JVM of its own ({@link UiProbe}, JavaFX on Monocle, software
 * rendering) so its memory is not mixed with the server's. Not a test; it asserts nothing.
 * Run: {@code mvn -q test-compile exec:exec@bench-ui}.
 */
public final class SidePanelBench {

    private static final int PODS = 5000;
    private static final int NAMESPACES = 20;
    private static final int UPDATES_PER_SECOND = 500;
    private static final int UPDATE_SECONDS = 10;

    /** CPU for the app when set (e.g. "1"); run the bench itself under "taskset -c 0" to keep them apart. */
    private static final String PROBE_CPU = System.getenv("UI_PROBE_CPU");

    private SidePanelBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String[]> table = new ArrayList<>();
        try (SimulatedCluster cluster = SimulatedCluster.start()) {
            WatchBench.seed(cluster, PODS, NAMESPACES);
            Path dir = Files.createTempDirectory("ui-bench");
            Path kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig.yaml"), "bench");

            Path kubectl = Path.of("/usr/bin/kubectl");
            if (Files.isExecutable(kubectl)) {
                List<Double> times = new ArrayList<>();
                for (int run = 0; run < 3; run++) {
                    long start = System.nanoTime();
                    WatchBench.runKubectl(kubectl, kubeconfig, dir.resolve("cache"));
                    times.add(WatchBench.millisSince(start));
                }
                table.add(WatchBench.row("kubectl get pods -A, median of 3", WatchBench.format(
                        WatchBench.median(times)) + " ms"));
            }

            List<String> command = new ArrayList<>();
            if (PROBE_CPU != null) {
                command.addAll(List.of("taskset", "-c", PROBE_CPU));
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
            String extra = System.getenv("UI_PROBE_JVM_OPTIONS");
            if (extra != null && !extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            command.addAll(List.of( "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                    UiProbe.class.getName(), kubeconfig.toString(), "bench", Integer.toString(PODS),
                    Integer.toString(UPDATE_SECONDS + 2)));
            Process probe = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(probe.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.equals("FILLED")) {
                        Thread churn = new Thread(() -> churn(cluster), "bench-churn");
                        churn.setDaemon(true);
                        churn.start();
                    } else if (line.startsWith("RESULT ")) {
                        String[] parts = line.substring(7).split("\t", 2);
                        table.add(WatchBench.row(parts[0], parts[1]));
                    }
                }
            }
            probe.waitFor(60, TimeUnit.SECONDS);
        }
        WatchBench.print("Side panel benchmark, server JVM; the app ran in its own JVM", table);
        System.exit(0);
    }

    /** Replaces {@value #UPDATES_PER_SECOND} pods a second, in ten slices a second, flipping their readiness. */
    private static void churn(SimulatedCluster cluster) {
        List<Pod> pods = new ArrayList<>(cluster.client().pods().inAnyNamespace().list().getItems());
        int slice = UPDATES_PER_SECOND / 10;
        long next = System.nanoTime();
        int cursor = 0;
        for (int tick = 0; tick < UPDATE_SECONDS * 10; tick++) {
            List<Pod> updates = new ArrayList<>(slice);
            for (int i = 0; i < slice; i++) {
                int index = cursor++ % pods.size();
                Pod pod = pods.get(index);
                boolean ready = tick % 2 == 0;
                Pod changed = new PodBuilder(pod).editMetadata().withResourceVersion(null).endMetadata()
                        .editOrNewStatus().withPhase("Running")
                        .withContainerStatuses(pod.getStatus().getContainerStatuses().stream()
                                .map(c -> new io.fabric8.kubernetes.api.model.ContainerStatusBuilder(c)
                                        .withReady(ready).withRestartCount(c.getRestartCount() + 1).build())
                                .toList())
                        .endStatus().build();
                pods.set(index, changed);
                updates.add(changed);
            }
            cluster.replaceAll(updates);
            next += TimeUnit.MILLISECONDS.toNanos(100);
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
