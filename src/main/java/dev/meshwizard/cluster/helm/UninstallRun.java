package dev.meshwizard.cluster.helm;


import dev.meshwizard.cluster.helm.InstallEvent.Phase;
import dev.meshwizard.cluster.helm.InstallResult.Outcome;
import dev.meshwizard.job.JobContext;
import dev.meshwizard.plan.Component;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uninstalls the Istio releases of a namespace in the reverse of their install order (gateways, ztunnel, istiod,
 * cni, base), then, only when asked, the Istio CRDs (every CRD of a group ending in {@code istio.io}; deleting
 * them deletes every Istio object in the cluster) and the namespace. Releases of charts that are not Istio's are
 * left alone. A failure stops the run; running it again continues with what is left. Blocking: call from a
 * background job.
 */
public final class UninstallRun {

    /** The event name of the CRD step. */
    public static final String CRDS = "Istio CRDs";

    private static final Logger LOG = LoggerFactory.getLogger(UninstallRun.class);

    private final HelmInstaller helm;
    private final KubernetesClient client;

    /**
     * What to remove besides the releases.
     *
     * @param deleteCrds      delete the Istio CRDs, and with them every Istio object in the cluster
     * @param deleteNamespace delete the namespace, and everything else in it
     * @param only            release names to uninstall; empty for every Istio release in the namespace
     */
    public record Options(boolean deleteCrds, boolean deleteNamespace, Set<String> only) {
        public Options {
            only = Set.copyOf(only);
        }

        /** The releases only, CRDs and namespace kept. */
        public static Options releasesOnly() {
            return new Options(false, false, Set.of());
        }
    }

    /**
     * How the run ended.
     *
     * @param outcome     succeeded, failed or cancelled
     * @param uninstalled the releases it uninstalled, in order
     * @param message     a summary; on failure Helm's or the server's message
     */
    public record Result(Outcome outcome, List<String> uninstalled, String message) {
        public Result {
            uninstalled = List.copyOf(uninstalled);
        }

        public boolean succeeded() {
            return outcome == Outcome.SUCCEEDED;
        }
    }

    /** Uninstalls through {@code helm} on {@code client}'s cluster. */
    public UninstallRun(HelmInstaller helm, KubernetesClient client) {
        this.helm = helm;
        this.client = client;
    }

    /**
     * The Istio releases of {@code namespace} in the order they would be uninstalled.
     *
     * @throws HelmException when Helm's records cannot be read, or ({@link HelmException#notFound()}) when a
     *                       release named in the options does not exist or is not of an Istio chart; the message
     *                       names the releases that do exist
     */
    public List<HelmRelease> releases(String namespace, Options options) throws HelmException {
        List<HelmRelease> all = helm.list(namespace);
        for (String named : new java.util.TreeSet<>(options.only())) {
            Optional<HelmRelease> found = all.stream().filter(r -> r.name().equals(named)).findFirst();
            if (found.isEmpty()) {
                throw HelmException.notFound(named, "there is no release " + named + " in namespace " + namespace
                        + " (" + helm.existing(namespace) + ")");
            }
            if (component(found.get().chart()) == null) {
                throw HelmException.notFound(named, named + " is a release of chart " + found.get().chart()
                        + ", not of an Istio chart; uninstall it with helm");
            }
        }
        return all.stream()
                .filter(r -> component(r.chart()) != null)
                .filter(r -> options.only().isEmpty() || options.only().contains(r.name()))
                .sorted(Comparator.comparing((HelmRelease r) -> component(r.chart()).ordinal()).reversed()
                        .thenComparing(HelmRelease::name))
                .toList();
    }

    /**
     * Uninstalls in reverse install order. Never throws for a cluster or Helm failure: it is reported as a
     * {@link Phase#FAILED} event and a failed result.
     */
    public Result run(String namespace, Options options, Consumer<InstallEvent> listener, JobContext job) {
        List<HelmRelease> releases;
        try {
            releases = releases(namespace, options);
        } catch (HelmException e) {
            return new Result(Outcome.FAILED, List.of(), e.getMessage());
        }
        List<String> steps = new ArrayList<>(releases.stream().map(HelmRelease::name).toList());
        if (options.deleteCrds()) {
            steps.add(CRDS);
        }
        if (options.deleteNamespace()) {
            steps.add(namespace);
        }
        steps.forEach(step -> listener.accept(new InstallEvent(step, Phase.PENDING, "", null)));
        List<String> done = new ArrayList<>();
        int total = Math.max(1, steps.size());
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            if (job.isCancelled()) {
                steps.subList(i, steps.size()).forEach(s -> listener.accept(new InstallEvent(s, Phase.CANCELLED,
                        "not uninstalled", null)));
                return new Result(Outcome.CANCELLED, done, "Cancelled; uninstalled: "
                        + (done.isEmpty() ? "nothing" : String.join(", ", done)));
            }
            long start = System.nanoTime();
            job.message("Removing " + step);
            listener.accept(new InstallEvent(step, Phase.RUNNING, "", null));
            try {
                String message;
                if (i < releases.size()) {
                    helm.uninstall(step, namespace);
                    message = "Helm uninstalled the release";
                } else if (step.equals(CRDS) && options.deleteCrds()) {
                    message = "Deleted " + deleteCrds() + " CRDs";
                } else {
                    client.namespaces().withName(namespace).delete();
                    message = "Namespace deleted (the server removes what is left in it)";
                }
                done.add(step);
                listener.accept(new InstallEvent(step, Phase.DONE, message, InstallRun.since(start)));
            } catch (HelmException | KubernetesClientException e) {
                String why = e instanceof KubernetesClientException k ? "the server refused: " + k.getMessage()
                        : e.getMessage();
                listener.accept(new InstallEvent(step, Phase.FAILED, why, InstallRun.since(start)));
                LOG.warn("Uninstall stopped at {}: {}", step, why);
                return new Result(Outcome.FAILED, done, "Removing " + step + " failed: " + why
                        + ". Run it again to continue.");
            }
            job.progress((i + 1.0) / total);
        }
        return new Result(Outcome.SUCCEEDED, done, done.isEmpty() ? "Nothing to uninstall in " + namespace
                : "Removed " + String.join(", ", done));
    }

    private int deleteCrds() {
        List<CustomResourceDefinition> crds = client.apiextensions().v1().customResourceDefinitions().list()
                .getItems().stream().filter(crd -> isIstioGroup(crd.getSpec().getGroup())).toList();
        for (CustomResourceDefinition crd : crds) {
            client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName()).delete();
        }
        return crds.size();
    }

    static boolean isIstioGroup(String group) {
        return group != null && (group.equals("istio.io") || group.endsWith(".istio.io"));
    }

    private static Component component(String chart) {
        return Arrays.stream(Component.values()).filter(c -> c.chartName().equals(chart)).findFirst().orElse(null);
    }
}
