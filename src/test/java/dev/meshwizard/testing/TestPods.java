package dev.meshwizard.testing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Short ways to write pods with the status a kubelet would report, for tests and the simulated cluster. */
public final class TestPods {

    /** A moment every fixture uses, so rows built from fixtures are comparable. */
    public static final String STARTED = "2025-01-15T10:00:00Z";

    private TestPods() {
    }

    /** Starts a pod in {@code namespace} named {@code name}; phase Pending until told otherwise. */
    public static Builder pod(String namespace, String name) {
        return new Builder(namespace, name);
    }

    /** A container that runs, ready or not. */
    public static ContainerStatus running(String name, boolean ready, int restarts) {
        return status(name, ready, restarts)
                .withStarted(true)
                .withState(new ContainerStateBuilder().withNewRunning().withStartedAt(STARTED).endRunning().build())
                .build();
    }

    /** A container waiting for a reason (ContainerCreating, CrashLoopBackOff, PodInitializing…). */
    public static ContainerStatus waiting(String name, String reason, int restarts) {
        return status(name, false, restarts)
                .withStarted(false)
                .withState(new ContainerStateBuilder().withNewWaiting().withReason(reason).endWaiting().build())
                .build();
    }

    /** A container that ended with an exit code and reason (Completed, Error, OOMKilled…; null for none). */
    public static ContainerStatus terminated(String name, int exitCode, String reason, int restarts) {
        return status(name, false, restarts)
                .withStarted(false)
                .withState(new ContainerStateBuilder().withNewTerminated().withExitCode(exitCode).withReason(reason)
                        .withStartedAt(STARTED).withFinishedAt(STARTED).endTerminated().build())
                .build();
    }

    private static ContainerStatusBuilder status(String name, boolean ready, int restarts) {
        return new ContainerStatusBuilder().withName(name).withReady(ready).withRestartCount(restarts)
                .withImage("image-of-" + name);
    }

    /** A fluent pod under construction. */
    public static final class Builder {
        private final String namespace;
        private final String name;
        private String uid;
        private String node = "";
        private String phase = "Pending";
        private String reason;
        private String deletionTimestamp;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, String> annotations = new LinkedHashMap<>();
        private final List<Container> initContainers = new ArrayList<>();
        private final List<Container> containers = new ArrayList<>();
        private final List<ContainerStatus> initStatuses = new ArrayList<>();
        private final List<ContainerStatus> statuses = new ArrayList<>();
        private final List<PodCondition> conditions = new ArrayList<>();

        private Builder(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }

        public Builder uid(String value) {
            uid = value;
            return this;
        }

        public Builder node(String value) {
            node = value;
            return this;
        }

        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public Builder annotation(String key, String value) {
            annotations.put(key, value);
            return this;
        }

        public Builder container(String containerName, String image) {
            containers.add(new ContainerBuilder().withName(containerName).withImage(image).build());
            return this;
        }

        /** An Istio sidecar container, as injection adds it. */
        public Builder istioProxy() {
            return container("istio-proxy", "docker.io/istio/proxyv2:1.24.0");
        }

        public Builder initContainer(String containerName, String image) {
            initContainers.add(new ContainerBuilder().withName(containerName).withImage(image).build());
            return this;
        }

        /** An init container with {@code restartPolicy: Always}: a native sidecar. */
        public Builder nativeSidecar(String containerName, String image) {
            initContainers.add(new ContainerBuilder().withName(containerName).withImage(image)
                    .withRestartPolicy("Always").build());
            return this;
        }

        public Builder phase(String value) {
            phase = value;
            return this;
        }

        /** {@code status.reason}, e.g. Evicted. */
        public Builder reason(String value) {
            reason = value;
            return this;
        }

        public Builder deleting() {
            deletionTimestamp = STARTED;
            return this;
        }

        public Builder initStatuses(ContainerStatus... values) {
            initStatuses.addAll(List.of(values));
            return this;
        }

        public Builder statuses(ContainerStatus... values) {
            statuses.addAll(List.of(values));
            return this;
        }

        public Builder condition(String type, boolean status) {
            return condition(type, status, null, null);
        }

        public Builder condition(String type, boolean status, String conditionReason, String message) {
            conditions.add(new PodConditionBuilder().withType(type).withStatus(status ? "True" : "False")
                    .withReason(conditionReason).withMessage(message).withLastTransitionTime(STARTED).build());
            return this;
        }

        /** The usual four conditions of a scheduled pod, all with the given readiness. */
        public Builder scheduledConditions(boolean ready) {
            return condition("PodReadyToStartContainers", true).condition("Initialized", true)
                    .condition("Ready", ready).condition("ContainersReady", ready).condition("PodScheduled", true);
        }

        /**
         * The pod. A pod without containers is invalid, so when none were given, its spec gets one container for
         * each container status (named so, with the status's image), or one container {@code app}.
         */
        public Pod build() {
            List<Container> specContainers = new ArrayList<>(containers);
            if (specContainers.isEmpty()) {
                statuses.forEach(status -> specContainers.add(new ContainerBuilder().withName(status.getName())
                        .withImage(status.getImage() == null ? "registry.example/" + status.getName() + ":1"
                                : status.getImage()).build()));
            }
            if (specContainers.isEmpty()) {
                specContainers.add(new ContainerBuilder().withName("app").withImage("registry.example/app:1").build());
            }
            return new PodBuilder()
                    .withNewMetadata().withNamespace(namespace).withName(name).withUid(uid)
                    .withCreationTimestamp(STARTED).withDeletionTimestamp(deletionTimestamp)
                    .withLabels(labels.isEmpty() ? null : labels)
                    .withAnnotations(annotations.isEmpty() ? null : annotations).endMetadata()
                    .withNewSpec().withNodeName(node.isEmpty() ? null : node)
                    .withInitContainers(initContainers).withContainers(specContainers).endSpec()
                    .withNewStatus().withPhase(phase).withReason(reason).withConditions(conditions)
                    .withInitContainerStatuses(initStatuses).withContainerStatuses(statuses)
                    .withStartTime(statuses.isEmpty() ? null : STARTED).endStatus()
                    .build();
        }
    }

    /** When a fixture needs a timestamp of now, in the API's format. */
    public static String now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
