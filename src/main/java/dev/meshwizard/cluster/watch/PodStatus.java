package dev.meshwizard.cluster.watch;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The READY, STATUS and RESTARTS columns of {@code kubectl get pods}, derived from a pod the way kubectl's
 * printer does it (kubectl 1.29 and later, which count native sidecars as containers).
 *
 * <p>The rules, in kubectl's order: the phase (or {@code status.reason}, e.g. Evicted) is the starting point;
 * {@code SchedulingGated} when the PodScheduled condition says so; the first init container that has not
 * finished decides while the pod initializes ({@code Init:N/M}, {@code Init:<reason>},
 * {@code Init:ExitCode:N}); otherwise the containers, last to first, replace it with their waiting or
 * terminated reason; {@code Completed} with a container still running and ready becomes {@code Running}, or
 * {@code NotReady} when the pod's Ready condition is not True; a pod with a deletion timestamp is
 * {@code Terminating} (or {@code Unknown} when its node is lost) unless its phase is already final.
 */
public final class PodStatus {

    /** Name of the Envoy sidecar that Istio injects. */
    public static final String ISTIO_PROXY = "istio-proxy";

    private static final String RESTART_ALWAYS = "Always";

    /**
     * The pod columns as kubectl prints them.
     *
     * @param ready    containers ready (native sidecars included)
     * @param total    containers in the pod (native sidecars included)
     * @param status   the STATUS column
     * @param restarts the RESTARTS column without the "(5m ago)" suffix
     */
    public record Summary(int ready, int total, String status, int restarts) {
    }

    private PodStatus() {
    }

    /** Derives READY, STATUS and RESTARTS of a pod; tolerates missing spec and status. */
    public static Summary summarize(Pod pod) {
        PodSpec spec = pod.getSpec() != null ? pod.getSpec() : new PodSpec();
        io.fabric8.kubernetes.api.model.PodStatus status =
                pod.getStatus() != null ? pod.getStatus() : new io.fabric8.kubernetes.api.model.PodStatus();
        List<Container> initSpecs = nonNull(spec.getInitContainers());
        List<PodCondition> conditions = nonNull(status.getConditions());

        int total = nonNull(spec.getContainers()).size();
        int ready = 0;
        int restarts = 0;
        int sidecarRestarts = 0;
        String phase = text(status.getPhase());
        String reason = text(status.getReason()).isEmpty() ? phase : status.getReason();
        for (PodCondition condition : conditions) {
            if ("PodScheduled".equals(condition.getType()) && "SchedulingGated".equals(condition.getReason())) {
                reason = "SchedulingGated";
            }
        }

        Map<String, Container> initByName = new HashMap<>();
        for (Container container : initSpecs) {
            initByName.put(container.getName(), container);
            if (isRestartable(container)) {
                total++;
            }
        }

        boolean initializing = false;
        List<ContainerStatus> initStatuses = nonNull(status.getInitContainerStatuses());
        for (int i = 0; i < initStatuses.size(); i++) {
            ContainerStatus container = initStatuses.get(i);
            boolean restartable = isRestartable(initByName.get(container.getName()));
            restarts += count(container.getRestartCount());
            if (restartable) {
                sidecarRestarts += count(container.getRestartCount());
            }
            ContainerState state = container.getState() != null ? container.getState() : new ContainerState();
            ContainerStateTerminated terminated = state.getTerminated();
            if (terminated != null && count(terminated.getExitCode()) == 0) {
                continue;
            }
            if (restartable && Boolean.TRUE.equals(container.getStarted())) {
                if (Boolean.TRUE.equals(container.getReady())) {
                    ready++;
                }
                continue;
            }
            if (terminated != null) {
                reason = "Init:" + terminatedReason(terminated);
            } else if (state.getWaiting() != null && !text(state.getWaiting().getReason()).isEmpty()
                    && !"PodInitializing".equals(state.getWaiting().getReason())) {
                reason = "Init:" + state.getWaiting().getReason();
            } else {
                reason = "Init:" + i + "/" + initSpecs.size();
            }
            initializing = true;
            break;
        }

        if (!initializing || hasTrueCondition(conditions, "Initialized")) {
            restarts = sidecarRestarts;
            boolean hasRunning = false;
            List<ContainerStatus> statuses = nonNull(status.getContainerStatuses());
            for (int i = statuses.size() - 1; i >= 0; i--) {
                ContainerStatus container = statuses.get(i);
                restarts += count(container.getRestartCount());
                ContainerState state = container.getState() != null ? container.getState() : new ContainerState();
                if (state.getWaiting() != null && !text(state.getWaiting().getReason()).isEmpty()) {
                    reason = state.getWaiting().getReason();
                } else if (state.getTerminated() != null) {
                    reason = terminatedReason(state.getTerminated());
                } else if (Boolean.TRUE.equals(container.getReady()) && state.getRunning() != null) {
                    hasRunning = true;
                    ready++;
                }
            }
            if ("Completed".equals(reason) && hasRunning) {
                reason = hasTrueCondition(conditions, "Ready") ? "Running" : "NotReady";
            }
        }

        String deletion = pod.getMetadata() != null ? pod.getMetadata().getDeletionTimestamp() : null;
        if (deletion != null && "NodeLost".equals(status.getReason())) {
            reason = "Unknown";
        } else if (deletion != null && !"Succeeded".equals(phase) && !"Failed".equals(phase)) {
            reason = "Terminating";
        }
        return new Summary(ready, total, reason, restarts);
    }

    /** The STATUS column alone. */
    public static String status(Pod pod) {
        return summarize(pod).status();
    }

    /**
     * Whether the pod carries Istio's Envoy sidecar: an {@code istio-proxy} container, or an {@code istio-proxy}
     * init container with {@code restartPolicy: Always} (a native sidecar, Istio with
     * {@code ENABLE_NATIVE_SIDECARS}).
     */
    public static boolean hasIstioSidecar(Pod pod) {
        PodSpec spec = pod.getSpec();
        if (spec == null) {
            return false;
        }
        for (Container container : nonNull(spec.getContainers())) {
            if (ISTIO_PROXY.equals(container.getName())) {
                return true;
            }
        }
        for (Container container : nonNull(spec.getInitContainers())) {
            if (ISTIO_PROXY.equals(container.getName()) && isRestartable(container)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an init container is a native sidecar ({@code restartPolicy: Always}); false for null. */
    static boolean isRestartable(Container initContainer) {
        return initContainer != null && RESTART_ALWAYS.equals(initContainer.getRestartPolicy());
    }

    private static String terminatedReason(ContainerStateTerminated terminated) {
        if (!text(terminated.getReason()).isEmpty()) {
            return terminated.getReason();
        }
        if (count(terminated.getSignal()) != 0) {
            return "Signal:" + terminated.getSignal();
        }
        return "ExitCode:" + count(terminated.getExitCode());
    }

    private static boolean hasTrueCondition(List<PodCondition> conditions, String type) {
        for (PodCondition condition : conditions) {
            if (type.equals(condition.getType()) && "True".equals(condition.getStatus())) {
                return true;
            }
        }
        return false;
    }

    private static int count(Integer value) {
        return value != null ? value : 0;
    }

    private static String text(String value) {
        return value != null ? value : "";
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list != null ? list : List.of();
    }
}
