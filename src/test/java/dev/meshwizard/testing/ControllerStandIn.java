package dev.meshwizard.testing;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionCondition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the controllers of a real cluster, which the simulated API lacks: through a fabric8 client it
 * watches Deployments, DaemonSets and CustomResourceDefinitions in all namespaces and
 * <ul>
 *   <li>marks each CRD {@code Established=True} at once;</li>
 *   <li>after a delay, creates a workload's missing Pods (Running and ready, owned by the workload, labelled from
 *       its pod template, on node {@value #NODE}) and sets its status as the controller would: replicas ready,
 *       available and updated, the current generation observed, a Deployment {@code Available=True};</li>
 *   <li>or, when made with {@link #neverReady}, creates the Pods but leaves them waiting with
 *       {@value #STUCK_REASON} and the workload unavailable, to test timeouts.</li>
 * </ul>
 * Handlers never block: the work runs on one scheduler thread. Scaling down and rollouts (new Pods for a new
 * template) are not simulated; an upgrade only gets its new generation observed.
 */
public final class ControllerStandIn implements AutoCloseable {

    /** The one node the simulated Pods run on. */
    public static final String NODE = "simulated-node";

    /** The waiting reason of Pods that never become ready. */
    public static final String STUCK_REASON = "ImagePullBackOff";

    private static final Logger LOG = LoggerFactory.getLogger(ControllerStandIn.class);

    private final KubernetesClient client;
    private final Duration delay;
    private final boolean ready;
    private final ScheduledExecutorService scheduler;
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private volatile boolean closed;

    private ControllerStandIn(KubernetesClient client, Duration delay, boolean ready) {
        this.client = Objects.requireNonNull(client, "client");
        this.delay = Objects.requireNonNull(delay, "delay");
        this.ready = ready;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "simulated-controllers");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts controllers that make workloads ready {@code delay} after they are created or changed. */
    public static ControllerStandIn start(KubernetesClient client, Duration delay) {
        return new ControllerStandIn(client, delay, true).watch();
    }

    /** Starts controllers whose Pods never become ready (CRDs are still Established). */
    public static ControllerStandIn neverReady(KubernetesClient client) {
        return new ControllerStandIn(client, Duration.ZERO, false).watch();
    }

    private ControllerStandIn watch() {
        informers.add(client.apiextensions().v1().customResourceDefinitions()
                .inform(handler(crd -> scheduler.execute(() -> establish(crd)))));
        informers.add(client.apps().deployments().inAnyNamespace()
                .inform(handler(deployment -> later(() -> reconcile(deployment)))));
        informers.add(client.apps().daemonSets().inAnyNamespace()
                .inform(handler(daemonSet -> later(() -> reconcile(daemonSet)))));
        return this;
    }

    private void later(Runnable work) {
        scheduler.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private <T extends HasMetadata> ResourceEventHandler<T> handler(Consumer<T> onChange) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                onChange.accept(object);
            }

            @Override
            public void onUpdate(T before, T after) {
                if (!Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())) {
                    onChange.accept(after);
                }
            }

            @Override
            public void onDelete(T object, boolean unknownFinalStateUnknown) {
            }
        };
    }

    private void establish(CustomResourceDefinition seen) {
        for (int attempt = 1; attempt <= 3 && !closed; attempt++) {
            try {
                tryEstablish(seen);
                return;
            } catch (KubernetesClientException e) {
                if (!closed && attempt == 3) {
                    LOG.warn("Cannot establish CRD {}: {}", seen.getMetadata().getName(), describe(e));
                }
            }
        }
    }

    private static String describe(KubernetesClientException e) {
        return e.getCause() != null ? e.getMessage() + " (" + e.getCause() + ")" : e.getMessage();
    }

    private void tryEstablish(CustomResourceDefinition seen) {
        {
            CustomResourceDefinition current = client.apiextensions().v1().customResourceDefinitions()
                    .withName(seen.getMetadata().getName()).get();
            if (current == null || established(current)) {
                return;
            }
            List<CustomResourceDefinitionCondition> conditions = List.of(
                    condition("NamesAccepted", "NoConflicts", "no conflicts found"),
                    condition("Established", "InitialNamesAccepted", "the initial names have been accepted"));
            client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder(current)
                    .editOrNewStatus().withConditions(conditions).withAcceptedNames(current.getSpec().getNames())
                    .withStoredVersions(current.getSpec().getVersions().stream()
                            .filter(v -> Boolean.TRUE.equals(v.getStorage())).map(v -> v.getName()).toList())
                    .endStatus().build()).updateStatus();
        }
    }

    private static boolean established(CustomResourceDefinition crd) {
        return crd.getStatus() != null && crd.getStatus().getConditions() != null && crd.getStatus().getConditions()
                .stream().anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static CustomResourceDefinitionCondition condition(String type, String reason, String message) {
        return new CustomResourceDefinitionConditionBuilder().withType(type).withStatus("True").withReason(reason)
                .withMessage(message).withLastTransitionTime(Instant.now().toString()).build();
    }

    private void reconcile(Deployment seen) {
        try {
            Deployment current = client.apps().deployments().inNamespace(seen.getMetadata().getNamespace())
                    .withName(seen.getMetadata().getName()).get();
            if (current == null) {
                return;
            }
            int replicas = current.getSpec().getReplicas() == null ? 1 : current.getSpec().getReplicas();
            ensurePods(current, current.getSpec().getTemplate(), replicas, current.getMetadata().getName() + "-"
                    + shortHash(current.getMetadata().getUid()) + "-");
            int up = ready ? replicas : 0;
            String now = Instant.now().toString();
            client.apps().deployments().resource(new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder(current)
                    .withStatus(new DeploymentStatusBuilder()
                            .withObservedGeneration(current.getMetadata().getGeneration())
                            .withReplicas(replicas).withUpdatedReplicas(replicas).withReadyReplicas(up)
                            .withAvailableReplicas(up).withUnavailableReplicas(replicas - up)
                            .withConditions(new DeploymentConditionBuilder().withType("Available")
                                            .withStatus(ready ? "True" : "False")
                                            .withReason(ready ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable")
                                            .withMessage(ready ? "Deployment has minimum availability."
                                                    : "Deployment does not have minimum availability.")
                                            .withLastUpdateTime(now).withLastTransitionTime(now).build(),
                                    new DeploymentConditionBuilder().withType("Progressing").withStatus("True")
                                            .withReason("NewReplicaSetAvailable")
                                            .withLastUpdateTime(now).withLastTransitionTime(now).build())
                            .build()).build()).updateStatus();
        } catch (KubernetesClientException e) {
            if (!closed) {
                LOG.warn("Cannot reconcile Deployment {}: {}", seen.getMetadata().getName(), describe(e));
            }
        }
    }

    private void reconcile(DaemonSet seen) {
        try {
            DaemonSet current = client.apps().daemonSets().inNamespace(seen.getMetadata().getNamespace())
                    .withName(seen.getMetadata().getName()).get();
            if (current == null) {
                return;
            }
            ensurePods(current, current.getSpec().getTemplate(), 1, current.getMetadata().getName() + "-");
            int up = ready ? 1 : 0;
            client.apps().daemonSets().resource(new io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder(current)
                    .withStatus(new DaemonSetStatusBuilder()
                            .withObservedGeneration(current.getMetadata().getGeneration())
                            .withDesiredNumberScheduled(1).withCurrentNumberScheduled(1).withUpdatedNumberScheduled(1)
                            .withNumberReady(up).withNumberAvailable(up).withNumberUnavailable(1 - up)
                            .withNumberMisscheduled(0).build()).build()).updateStatus();
        } catch (KubernetesClientException e) {
            if (!closed) {
                LOG.warn("Cannot reconcile DaemonSet {}: {}", seen.getMetadata().getName(), describe(e));
            }
        }
    }

    private void ensurePods(HasMetadata owner, PodTemplateSpec template, int replicas, String prefix) {
        String namespace = owner.getMetadata().getNamespace();
        long owned = client.pods().inNamespace(namespace).list().getItems().stream()
                .filter(pod -> pod.getMetadata().getOwnerReferences() != null && pod.getMetadata()
                        .getOwnerReferences().stream().anyMatch(o -> o.getUid().equals(owner.getMetadata().getUid())))
                .count();
        for (long i = owned; i < replicas; i++) {
            client.pods().inNamespace(namespace).resource(pod(owner, template, prefix + suffix())).create();
        }
    }

    private Pod pod(HasMetadata owner, PodTemplateSpec template, String name) {
        Map<String, String> labels = template.getMetadata() == null ? Map.of() : template.getMetadata().getLabels();
        String now = Instant.now().toString();
        List<ContainerStatus> containers = template.getSpec().getContainers().stream().map(c -> {
            ContainerStatusBuilder status = new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
                    .withReady(ready).withRestartCount(0).withStarted(ready);
            return (ready ? status.withNewState().withNewRunning(now).endState()
                    : status.withNewState().withNewWaiting("Back-off pulling image \"" + c.getImage() + "\"",
                    STUCK_REASON).endState()).build();
        }).toList();
        String readyText = ready ? "True" : "False";
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(owner.getMetadata().getNamespace())
                .withLabels(labels)
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion())
                        .withKind(owner.getKind()).withName(owner.getMetadata().getName())
                        .withUid(owner.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true)
                        .build())
                .endMetadata()
                .withSpec(template.getSpec())
                .editSpec().withNodeName(NODE).endSpec()
                .withNewStatus().withPhase(ready ? "Running" : "Pending").withPodIP(ready ? "10.244.0.10" : null)
                .withHostIP("172.18.0.2").withStartTime(now)
                .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
                .addNewCondition().withType("Initialized").withStatus("True").endCondition()
                .addNewCondition().withType("ContainersReady").withStatus(readyText).endCondition()
                .addNewCondition().withType("Ready").withStatus(readyText).endCondition()
                .withContainerStatuses(containers)
                .endStatus().build();
    }

    private static String shortHash(String uid) {
        return Integer.toHexString(Objects.hashCode(uid) & 0x7fffffff);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 5);
    }

    /** Stops watching; what was created stays. */
    @Override
    public void close() {
        closed = true;
        informers.forEach(SharedIndexInformer::close);
        scheduler.shutdownNow();
    }
}
