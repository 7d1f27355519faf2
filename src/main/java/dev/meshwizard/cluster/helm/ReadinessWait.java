package dev.meshwizard.cluster.helm;

import dev.meshwizard.cluster.watch.PodStatus;

import dev.meshwizard.job.JobContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Waits, through watches rather than Helm's 2 s polling, until what a Helm release created is ready: its CRDs
 * Established, its Deployments Available with every replica of the current generation, its DaemonSets' pods
 * ready on every node. Load balancer addresses are not awaited. Finds the objects by the annotations Helm puts
 * on everything it installs ({@code meta.helm.sh/release-name} and {@code -namespace}).
 */
final class ReadinessWait {

    static final String RELEASE_NAME = "meta.helm.sh/release-name";
    static final String RELEASE_NAMESPACE = "meta.helm.sh/release-namespace";

    private static final long SLICE_MILLIS = 100;

    /** One object to wait for. */
    record Target(String kind, String namespace, String name) {
        String label() {
            return kind + " " + name;
        }
    }

    /** Thrown when the wait ran out of time; the message says what is not ready and why. */
    static final class NotReadyException extends Exception {
        NotReadyException(String message) {
            super(message);
        }
    }

    /** Thrown when the job was cancelled during the wait. */
    static final class CancelledException extends Exception {
        CancelledException() {
            super("cancelled");
        }
    }

    private final KubernetesClient client;

    ReadinessWait(KubernetesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The CRDs, Deployments and DaemonSets Helm installed for the release, in that order. */
    List<Target> targets(String release, String namespace) {
        List<Target> targets = new ArrayList<>();
        client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
                .filter(o -> ownedBy(o, release, namespace))
                .forEach(o -> targets.add(new Target("CustomResourceDefinition", null, o.getMetadata().getName())));
        client.apps().deployments().inNamespace(namespace).list().getItems().stream()
                .filter(o -> ownedBy(o, release, namespace))
                .forEach(o -> targets.add(new Target("Deployment", namespace, o.getMetadata().getName())));
        client.apps().daemonSets().inNamespace(namespace).list().getItems().stream()
                .filter(o -> ownedBy(o, release, namespace))
                .forEach(o -> targets.add(new Target("DaemonSet", namespace, o.getMetadata().getName())));
        return targets;
    }

    /**
     * Waits until every target is ready or the timeout passes, checking for cancellation every 100 ms.
     *
     * @throws NotReadyException naming what is not ready and, for workloads, which pods and why
     * @throws CancelledException when the job was cancelled
     */
    void await(List<Target> targets, Duration timeout, JobContext job)
            throws NotReadyException, CancelledException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<?>> futures = new ArrayList<>();
        try {
            for (Target target : targets) {
                futures.add(inform(target));
            }
            for (CompletableFuture<?> future : futures) {
                while (true) {
                    if (job.isCancelled()) {
                        throw new CancelledException();
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new NotReadyException(notReady(targets, timeout));
                    }
                    try {
                        future.get(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, SLICE_MILLIS),
                                TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        // check cancellation and the deadline again
                    } catch (ExecutionException e) {
                        throw new NotReadyException("Cannot watch the release's objects: "
                                + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
                    }
                }
            }
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
    }

    private CompletableFuture<?> inform(Target target) {
        return switch (target.kind()) {
            case "CustomResourceDefinition" -> informOn(client.apiextensions().v1().customResourceDefinitions()
                    .withName(target.name()), ReadinessWait::established);
            case "Deployment" -> informOn(client.apps().deployments().inNamespace(target.namespace())
                    .withName(target.name()), ReadinessWait::available);
            case "DaemonSet" -> informOn(client.apps().daemonSets().inNamespace(target.namespace())
                    .withName(target.name()), ReadinessWait::ready);
            default -> throw new IllegalArgumentException(target.kind());
        };
    }

    private static <T> CompletableFuture<List<T>> informOn(Resource<T> resource, Predicate<T> ready) {
        return resource.informOnCondition(items -> items.size() == 1 && ready.test(items.get(0)));
    }

    static boolean established(CustomResourceDefinition crd) {
        return crd.getStatus() != null && crd.getStatus().getConditions() != null && crd.getStatus().getConditions()
                .stream().anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static boolean available(Deployment deployment) {
        var status = deployment.getStatus();
        if (status == null || !observed(deployment, status.getObservedGeneration())) {
            return false;
        }
        int replicas = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        boolean availableCondition = status.getConditions() != null && status.getConditions().stream()
                .anyMatch(c -> "Available".equals(c.getType()) && "True".equals(c.getStatus()));
        return availableCondition && count(status.getAvailableReplicas()) >= replicas
                && count(status.getUpdatedReplicas()) >= replicas;
    }

    static boolean ready(DaemonSet daemonSet) {
        var status = daemonSet.getStatus();
        if (status == null || !observed(daemonSet, status.getObservedGeneration())) {
            return false;
        }
        int desired = count(status.getDesiredNumberScheduled());
        return count(status.getNumberReady()) >= desired && count(status.getUpdatedNumberScheduled()) >= desired;
    }

    private static boolean observed(HasMetadata object, Long observedGeneration) {
        long generation = object.getMetadata().getGeneration() == null ? 0 : object.getMetadata().getGeneration();
        return observedGeneration != null && observedGeneration >= generation;
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }

    private static boolean ownedBy(HasMetadata object, String release, String namespace) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations != null && release.equals(annotations.get(RELEASE_NAME))
                && namespace.equals(annotations.get(RELEASE_NAMESPACE));
    }

    /** What is not ready after the timeout, and why, read from the objects and their pods now. */
    String notReady(List<Target> targets, Duration timeout) {
        List<String> lines = new ArrayList<>();
        for (Target target : targets) {
            switch (target.kind()) {
                case "CustomResourceDefinition" -> {
                    CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
                            .withName(target.name()).get();
                    if (crd == null || !established(crd)) {
                        lines.add(target.label() + " is not Established");
                    }
                }
                case "Deployment" -> {
                    Deployment deployment = client.apps().deployments().inNamespace(target.namespace())
                            .withName(target.name()).get();
                    if (deployment == null) {
                        lines.add(target.label() + " was deleted");
                    } else if (!available(deployment)) {
                        int replicas = deployment.getSpec().getReplicas() == null ? 1
                                : deployment.getSpec().getReplicas();
                        int up = deployment.getStatus() == null ? 0
                                : count(deployment.getStatus().getAvailableReplicas());
                        lines.add(target.label() + ": " + up + " of " + replicas + " replicas available"
                                + pods(target.namespace(), deployment.getSpec().getSelector()));
                    }
                }
                case "DaemonSet" -> {
                    DaemonSet daemonSet = client.apps().daemonSets().inNamespace(target.namespace())
                            .withName(target.name()).get();
                    if (daemonSet == null) {
                        lines.add(target.label() + " was deleted");
                    } else if (!ready(daemonSet)) {
                        int desired = daemonSet.getStatus() == null ? 0
                                : count(daemonSet.getStatus().getDesiredNumberScheduled());
                        int up = daemonSet.getStatus() == null ? 0 : count(daemonSet.getStatus().getNumberReady());
                        lines.add(target.label() + ": " + up + " of " + desired + " pods ready"
                                + pods(target.namespace(), daemonSet.getSpec().getSelector()));
                    }
                }
                default -> throw new IllegalArgumentException(target.kind());
            }
        }
        String seconds = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
        return "Not ready after " + seconds + ": " + (lines.isEmpty() ? "everything became ready just now"
                : String.join("; ", lines));
    }

    private String pods(String namespace, LabelSelector selector) {
        if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) {
            return "";
        }
        List<Pod> pods = client.pods().inNamespace(namespace).withLabels(selector.getMatchLabels()).list()
                .getItems();
        if (pods.isEmpty()) {
            return "; no pods were created";
        }
        List<String> notReady = pods.stream().filter(pod -> !podReady(pod)).map(ReadinessWait::why).toList();
        return notReady.isEmpty() ? "" : "; pods not ready: " + String.join(", ", notReady);
    }

    private static boolean podReady(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
                .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** "name Status (detail)", the detail from a waiting container, an unscheduled pod or the Ready condition. */
    static String why(Pod pod) {
        String name = pod.getMetadata().getName() + " " + PodStatus.status(pod);
        var status = pod.getStatus();
        if (status == null) {
            return name;
        }
        String detail = Stream.concat(
                        Stream.ofNullable(status.getInitContainerStatuses()).flatMap(List::stream),
                        Stream.ofNullable(status.getContainerStatuses()).flatMap(List::stream))
                .filter(c -> c.getState() != null && c.getState().getWaiting() != null)
                .map(c -> c.getState().getWaiting())
                .map(w -> join(w.getReason(), w.getMessage()))
                .filter(text -> !text.isEmpty()).findFirst().orElse("");
        if (detail.isEmpty() && status.getConditions() != null) {
            detail = status.getConditions().stream()
                    .filter(c -> "False".equals(c.getStatus()) && ("PodScheduled".equals(c.getType())
                            || "Ready".equals(c.getType())))
                    .map(ReadinessWait::conditionText).filter(text -> !text.isEmpty()).findFirst().orElse("");
        }
        return detail.isEmpty() ? name : name + " (" + detail + ")";
    }

    private static String conditionText(PodCondition condition) {
        return join(condition.getReason(), condition.getMessage());
    }

    private static String join(String reason, String message) {
        String r = reason == null ? "" : reason.strip();
        String m = message == null ? "" : message.strip();
        return r.isEmpty() ? m : m.isEmpty() ? r : r + ": " + m;
    }
}
