package dev.meshwizard.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts a simulated Kubernetes API with the sample objects, writes a kubeconfig for it and keeps a little churn
 * going until Ctrl-C, so the UI can be tried without a cluster:
 * {@code mvn -q test-compile exec:java@simulate [-Dexec.args="--port 6443 --kubeconfig FILE --quiet --no-istio"]}.
 */
public final class Simulate {

    private static final String USAGE = "Usage: Simulate [--port N] [--kubeconfig FILE] [--quiet] [--no-istio]\n"
            + "  --port N          port of the simulated API server (default 6443, 0 for a free one)\n"
            + "  --kubeconfig FILE where to write the kubeconfig (default target/simulated-kubeconfig.yaml)\n"
            + "  --quiet           no churn: objects change only when a client changes them\n"
            + "  --no-istio        nothing in istio-system, so that Istio can be installed there with Helm";

    private static final long CHURN_SECONDS = 3;

    /** How long the simulated controllers take to make a new workload's pods ready. */
    private static final Duration CONTROLLER_DELAY = Duration.ofSeconds(2);

    private Simulate() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 6443;
        Path kubeconfig = Path.of("target", "simulated-kubeconfig.yaml");
        boolean quiet = false;
        boolean istio = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--kubeconfig" -> kubeconfig = Path.of(value(args, ++i));
                case "--quiet" -> quiet = true;
                case "--no-istio" -> istio = false;
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    System.err.println("Unknown argument " + args[i] + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }

        SimulatedCluster cluster = SimulatedCluster.start(port).seedSample(istio);
        cluster.startControllers(CONTROLLER_DELAY);
        Path file = cluster.writeKubeconfig(kubeconfig, "simulated").toAbsolutePath();
        ScheduledExecutorService churn = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "simulated-churn");
            thread.setDaemon(true);
            return thread;
        });
        if (!quiet) {
            Churn ticks = new Churn(cluster);
            churn.scheduleWithFixedDelay(ticks::tick, CHURN_SECONDS, CHURN_SECONDS, TimeUnit.SECONDS);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            churn.shutdownNow();
            cluster.close();
            stopped.countDown();
        }, "simulated-shutdown"));

        System.out.println(banner(cluster, file, quiet));
        stopped.await();
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            System.err.println("Missing value for " + args[index - 1] + "\n" + USAGE);
            System.exit(2);
        }
        return args[index];
    }

    private static String banner(SimulatedCluster cluster, Path kubeconfig, boolean quiet) {
        String rule = "=".repeat(100);
        return String.join("\n",
                rule,
                "  SIMULATED Kubernetes API for trying the Mesh Wizard UI. This is NOT a cluster:",
                "  nothing runs here, pods are only records that this program and its clients write.",
                "",
                "  API server  " + cluster.url() + "  (reports Kubernetes " + cluster.gitVersion()
                        + ", self-signed TLS)",
                "  Kubeconfig  " + kubeconfig + "  (context \"simulated\")",
                "  Namespaces  istio-system, default, bookinfo (sample pods and services)",
                "  Churn       " + (quiet ? "off (--quiet)"
                        : "every " + CHURN_SECONDS + " s reviews-v2 changes readiness and ratings restarts"),
                "  Controllers CRDs are established at once; Deployments and DaemonSets get ready pods after "
                        + CONTROLLER_DELAY.toSeconds() + " s",
                "",
                "  Try the UI:  KUBECONFIG=" + kubeconfig + " java -jar target/mesh-wizard.jar",
                "  Or kubectl:  KUBECONFIG=" + kubeconfig + " kubectl get pods -A",
                "",
                "  Ctrl-C stops it.",
                rule);
    }

    /** Changes a few sample pods the way a live cluster would. */
    private static final class Churn {
        private final SimulatedCluster cluster;
        private int tick;
        private int ratingsRestarts = 5;

        Churn(SimulatedCluster cluster) {
            this.cluster = cluster;
        }

        void tick() {
            try {
                tick++;
                KubernetesClient client = cluster.client();
                replaceStatus(client, SampleCluster.reviewsV2(tick % 2 == 0));
                if (tick % 2 == 1) {
                    boolean up = tick % 4 == 1;
                    if (up) {
                        ratingsRestarts++;
                    }
                    replaceStatus(client, SampleCluster.ratings(up, ratingsRestarts));
                }
                if (tick % 20 == 0) {
                    cluster.forgetRecordedRequests();
                }
            } catch (RuntimeException e) {
                System.err.println("Churn step failed: " + e);
            }
        }

        private static void replaceStatus(KubernetesClient client, Pod desired) {
            client.pods().inNamespace(desired.getMetadata().getNamespace()).withName(desired.getMetadata().getName())
                    .edit(current -> new PodBuilder(current).withStatus(desired.getStatus()).build());
        }
    }
}
