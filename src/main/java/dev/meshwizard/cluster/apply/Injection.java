package dev.meshwizard.cluster.apply;

import dev.meshwizard.cluster.watch.PodStatus;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sidecar injection per namespace: reads and sets the labels Istio's injection webhook goes by, and restarts
 * Deployments so that their pods are created again with (or without) a sidecar. A namespace never carries both
 * {@value #INJECTION_LABEL} and {@value #REVISION_LABEL} after a change made here, because Istio then ignores the
 * revision. All methods block on the API server: call them from a background job.
 */
public final class Injection {

    /** The label that turns injection by the default revision on ({@code enabled}) or off ({@code disabled}). */
    public static final String INJECTION_LABEL = "istio-injection";
    /** The label that selects a control-plane revision to inject. */
    public static final String REVISION_LABEL = "istio.io/rev";
    /** The pod-template annotation {@code kubectl rollout restart} sets. */
    public static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

    private static final Logger LOG = LoggerFactory.getLogger(Injection.class);

    private final KubernetesClient client;
    private final Clock clock;

    public Injection(KubernetesClient client, Clock clock) {
        this.client = Objects.requireNonNull(client);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Every namespace with its injection state and pod counts, by name. */
    public List<NamespaceInjection> namespaces() {
        Map<String, int[]> counts = new HashMap<>();
        for (Pod pod : client.pods().inAnyNamespace().list().getItems()) {
            int[] count = counts.computeIfAbsent(pod.getMetadata().getNamespace(), name -> new int[2]);
            count[0]++;
            count[1] += PodStatus.hasIstioSidecar(pod) ? 0 : 1;
        }
        List<NamespaceInjection> result = new ArrayList<>();
        client.namespaces().list().getItems().stream()
                .sorted(java.util.Comparator.comparing(namespace -> namespace.getMetadata().getName()))
                .forEach(namespace -> {
                    int[] count = counts.getOrDefault(namespace.getMetadata().getName(), new int[2]);
                    result.add(state(namespace, count[0], count[1]));
                });
        return result;
    }

    /**
     * One namespace's injection state and pod counts.
     *
     * @throws IllegalArgumentException when there is no such namespace
     */
    public NamespaceInjection namespace(String name) {
        Namespace namespace = client.namespaces().withName(name).get();
        if (namespace == null) {
            throw noSuchNamespace(name);
        }
        List<Pod> pods = client.pods().inNamespace(name).list().getItems();
        int without = (int) pods.stream().filter(pod -> !PodStatus.hasIstioSidecar(pod)).count();
        return state(namespace, pods.size(), without);
    }

    /**
     * Turns injection on: with a revision, sets {@code istio.io/rev=<revision>} and removes {@code istio-injection};
     * without, sets {@code istio-injection=enabled} and removes {@code istio.io/rev}. Running pods keep their state
     * until restarted ({@link #restartDeployments}).
     *
     * @throws IllegalArgumentException when there is no such namespace or the revision is blank
     */
    public NamespaceInjection enable(String namespace, Optional<String> revision) {
        if (revision.isPresent() && revision.get().isBlank()) {
            throw new IllegalArgumentException("A revision name must not be blank");
        }
        return label(namespace, labels -> {
            if (revision.isPresent()) {
                labels.remove(INJECTION_LABEL);
                labels.put(REVISION_LABEL, revision.get());
            } else {
                labels.remove(REVISION_LABEL);
                labels.put(INJECTION_LABEL, "enabled");
            }
            return labels;
        });
    }

    /**
     * Turns injection off: sets {@code istio-injection=disabled} and removes {@code istio.io/rev}.
     *
     * @throws IllegalArgumentException when there is no such namespace
     */
    public NamespaceInjection disable(String namespace) {
        return label(namespace, labels -> {
            labels.remove(REVISION_LABEL);
            labels.put(INJECTION_LABEL, "disabled");
            return labels;
        });
    }

    /**
     * Restarts every Deployment of the namespace as {@code kubectl rollout restart} does: the pod template's
     * annotation {@value #RESTARTED_AT} is set to now (RFC 3339), so the Deployment rolls out new pods.
     *
     * @return the names of the Deployments restarted, sorted
     */
    public List<String> restartDeployments(String namespace) {
        String now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        List<String> restarted = new ArrayList<>();
        for (Deployment deployment : client.apps().deployments().inNamespace(namespace).list().getItems()) {
            String name = deployment.getMetadata().getName();
            client.apps().deployments().inNamespace(namespace).withName(name).edit(current -> {
                if (current.getSpec().getTemplate().getMetadata() == null) {
                    current.getSpec().getTemplate().setMetadata(new ObjectMeta());
                }
                ObjectMeta template = current.getSpec().getTemplate().getMetadata();
                Map<String, String> annotations = template.getAnnotations() == null
                        ? new LinkedHashMap<>() : new LinkedHashMap<>(template.getAnnotations());
                annotations.put(RESTARTED_AT, now);
                template.setAnnotations(annotations);
                return current;
            });
            restarted.add(name);
        }
        restarted.sort(String::compareTo);
        LOG.info("Restarted {} Deployment(s) in {}", restarted.size(), namespace);
        return restarted;
    }

    /** The names of the namespace's pods that run without an Istio sidecar, sorted. */
    public List<String> podsWithoutSidecar(String namespace) {
        return client.pods().inNamespace(namespace).list().getItems().stream()
                .filter(pod -> !PodStatus.hasIstioSidecar(pod))
                .map(pod -> pod.getMetadata().getName())
                .sorted()
                .toList();
    }

    private NamespaceInjection label(String name, UnaryOperator<Map<String, String>> change) {
        try {
            client.namespaces().withName(name).edit(namespace -> {
                Map<String, String> labels = namespace.getMetadata().getLabels() == null
                        ? new LinkedHashMap<>() : new LinkedHashMap<>(namespace.getMetadata().getLabels());
                namespace.getMetadata().setLabels(change.apply(labels));
                return namespace;
            });
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                throw noSuchNamespace(name);
            }
            throw e;
        }
        NamespaceInjection state = namespace(name);
        LOG.info("Injection in namespace {}: {}", name, state.state());
        return state;
    }

    private static NamespaceInjection state(HasMetadata namespace, int pods, int withoutSidecar) {
        Map<String, String> labels = namespace.getMetadata().getLabels() == null
                ? Map.of() : namespace.getMetadata().getLabels();
        String injection = labels.get(INJECTION_LABEL);
        String revision = labels.get(REVISION_LABEL);
        NamespaceInjection.State state = injection != null
                ? "enabled".equals(injection) ? NamespaceInjection.State.ENABLED : NamespaceInjection.State.DISABLED
                : revision != null ? NamespaceInjection.State.REVISION : NamespaceInjection.State.NONE;
        return new NamespaceInjection(namespace.getMetadata().getName(), state, revision,
                injection != null && revision != null, pods, withoutSidecar);
    }

    private static IllegalArgumentException noSuchNamespace(String name) {
        return new IllegalArgumentException("There is no namespace named " + name);
    }
}
