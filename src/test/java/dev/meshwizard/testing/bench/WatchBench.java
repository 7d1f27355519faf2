package dev.meshwizard.testing.bench;

import static dev.meshwizard.testing.TestPods.pod;
import static dev.meshwizard.testing.TestPods.running;
import static dev.meshwizard.testing.TestPods.terminated;

import dev.meshwizard.cluster.watch.ClusterWatch;
import dev.meshwizard.cluster.watch.PodRow;
import dev.meshwizard.cluster.watch.Row;
import dev.meshwizard.cluster.watch.WatchListener;
import dev.meshwizard.cluster.watch.WatchScope;
import dev.meshwizard.cluster.watch.WatchState;
import dev.meshwizard.testing.SimulatedCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Measures the side panel's data path on a simulated API server holding many pods: how long a
 * {@link ClusterWatch} over all namespaces takes to deliver every pod as a row, how long {@code kubectl get pods
 * -A} takes against the same server, and the memory held with the rows. Not a test; it asserts nothing. Run it
 * in a JVM of its own: {@code mvn -q test-compile exec:exec@bench-watch} (arguments: {@code --pods N
 * --namespaces N --runs N}).
 *
 * <p>Server and client share this JVM and the machine's cores, so the times include the server's work.
 */
public final class WatchBench {

    private WatchBench() {
    }

    public static void main(String[] args) throws Exception {
        int pods = 5000;
        int namespaces = 20;
        int runs = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--pods" -> pods = Integer.parseInt(args[i + 1]);
                case "--namespaces" -> namespaces = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        List<String[]> table = new ArrayList<>();
        try (SimulatedCluster cluster = SimulatedCluster.start()) {
            KubernetesClient client = cluster.client();
            long seedStart = System.nanoTime();
            seed(cluster, pods, namespaces);
            table.add(row("Store " + pods + " pods in " + namespaces + " namespaces (directly, no HTTP)",
                    format(millisSince(seedStart)) + " ms"));
            long listStart = System.nanoTime();
            int listed = client.pods().inAnyNamespace().list().getItems().size();
            table.add(row("Plain client list of all " + listed + " pods (first call)",
                    format(millisSince(listStart)) + " ms"));

            List<Double> syncTimes = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Counting listener = new Counting(pods);
                long start = System.nanoTime();
                ClusterWatch timed = ClusterWatch.start(client, WatchScope.all(), listener);
                try {
                    listener.awaitAll();
                    syncTimes.add(millisSince(start));
                } finally {
                    timed.close();
                }
            }
            table.add(row("ClusterWatch start → " + pods + " PodRows, runs (ms)",
                    String.join(", ", syncTimes.stream().map(WatchBench::format).toList())));
            table.add(row("ClusterWatch start → " + pods + " PodRows, median", format(median(syncTimes)) + " ms"));

            Memory idle = Memory.measure();
            Counting holder = new Counting(pods);
            ClusterWatch watch = ClusterWatch.start(client, WatchScope.all(), holder);
            holder.awaitAll();
            Memory watching = Memory.measure();
            watch.close();
            watch = null;
            Memory rowsOnly = Memory.measure();
            int held = holder.rows.size();
            holder = null;
            Memory released = Memory.measure();
            table.add(row("Heap after GC: server with " + pods + " pods, client warmed up, no watch",
                    mb(idle.heap())));
            table.add(row("Heap after GC: watching, " + held + " rows held", mb(watching.heap())));
            table.add(row("  of which informer caches + rows", mb(watching.heap() - idle.heap())));
            table.add(row("Heap after GC: watch closed, rows still held", mb(rowsOnly.heap())));
            table.add(row("  of which rows (per row)", mb(rowsOnly.heap() - released.heap()) + " ("
                    + (rowsOnly.heap() - released.heap()) / Math.max(1, held) + " bytes)"));
            table.add(row("Heap after GC: rows released too", mb(released.heap())));
            table.add(row("Process RSS (VmRSS) while watching, rows held", mb(watching.rss())));

            Path kubectl = Path.of("/usr/bin/kubectl");
            if (Files.isExecutable(kubectl)) {
                Path dir = Files.createTempDirectory("watch-bench");
                Path kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig.yaml"), "bench");
                List<Double> kubectlTimes = new ArrayList<>();
                int lines = 0;
                for (int run = 0; run < 3; run++) {
                    long start = System.nanoTime();
                    lines = runKubectl(kubectl, kubeconfig, dir.resolve("cache"));
                    kubectlTimes.add(millisSince(start));
                }
                table.add(row("kubectl get pods -A (" + lines + " lines), runs (ms)",
                        String.join(", ", kubectlTimes.stream().map(WatchBench::format).toList())));
                table.add(row("kubectl get pods -A, median", format(median(kubectlTimes)) + " ms"));
            } else {
                table.add(row("kubectl get pods -A", "skipped: no /usr/bin/kubectl"));
            }
        }
        print("Watch benchmark", table);
        System.exit(0);
    }

    /** Keeps PodRows by key until all expected have arrived. */
    private static final class Counting implements WatchListener {
        final Map<String, Row> rows = new ConcurrentHashMap<>();
        private final CountDownLatch allRows = new CountDownLatch(1);
        private final int expected;

        Counting(int expected) {
            this.expected = expected;
        }

        void awaitAll() throws InterruptedException {
            if (!allRows.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Only " + rows.size() + " rows after 120 s");
            }
        }

        @Override
        public void upserted(Row row) {
            if (row instanceof PodRow) {
                rows.put(row.key(), row);
                if (rows.size() >= expected) {
                    allRows.countDown();
                }
            }
        }

        @Override
        public void deleted(Row row) {
            rows.remove(row.key());
        }

        @Override
        public void stateChanged(WatchState state, String detail) {
        }
    }

    static void seed(SimulatedCluster cluster, int pods, int namespaces) {
        List<HasMetadata> objects = new ArrayList<>();
        for (int n = 0; n < namespaces; n++) {
            objects.add(new NamespaceBuilder().withNewMetadata().withName(namespace(n)).endMetadata().build());
        }
        for (int i = 0; i < pods; i++) {
            objects.add(benchPod(namespace(i % namespaces), i));
        }
        cluster.createAll(objects);
    }

    static Pod benchPod(String namespace, int i) {
        String app = "app-" + (i % 50);
        return pod(namespace, app + "-7d9f8c6b5-" + String.format(Locale.ROOT, "%05d", i)).node("node-" + (i % 10))
                .label("app", app).label("version", "v1").label("pod-template-hash", "7d9f8c6b5")
                .annotation("sidecar.istio.io/status", "{\"containers\":[\"istio-proxy\"]}")
                .initContainer("istio-init", "docker.io/istio/proxyv2:1.24.0")
                .container(app, "registry.example.com/" + app + ":1.0." + (i % 7)).istioProxy()
                .phase("Running").initStatuses(terminated("istio-init", 0, "Completed", 0))
                .statuses(running(app, true, i % 3), running("istio-proxy", true, 0)).scheduledConditions(true)
                .build();
    }

    static int runKubectl(Path kubectl, Path kubeconfig, Path cache) throws IOException,
            InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(kubectl.toString(), "get", "pods", "-A")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().put("KUBECACHEDIR", cache.toString());
        Process process = builder.start();
        int lines;
        try (var reader = process.inputReader()) {
            lines = (int) reader.lines().count();
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("kubectl failed with exit code " + process.exitValue());
        }
        return lines;
    }

    record Memory(long heap, long rss) {
        static Memory measure() throws IOException, InterruptedException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long rssKb = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(-1L);
            return new Memory(heap, rssKb * 1024);
        }
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    static String namespace(int n) {
        return String.format(Locale.ROOT, "bench-%02d", n);
    }

    static double millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static String format(double millis) {
        return String.format(Locale.ROOT, "%.0f", millis);
    }

    static String[] row(String what, String value) {
        return new String[] {what, value};
    }

    static void print(String title, List<String[]> table) {
        int width = table.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        System.out.println();
        System.out.println(title + " (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)");
        System.out.println("-".repeat(width + 30));
        for (String[] r : table) {
            System.out.println(String.format(Locale.ROOT, "%-" + width + "s  %s", r[0], r[1]));
        }
        System.out.println("-".repeat(width + 30));
    }
}
