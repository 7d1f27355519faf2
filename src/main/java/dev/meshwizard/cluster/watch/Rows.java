package dev.meshwizard.cluster.watch;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns pods and services into the immutable rows of the side panel. Reads its argument only: safe to call on
 * objects from an informer's cache. Missing fields give empty strings, empty collections, or a {@code null}
 * {@code created} when the object has no creation timestamp.
 */
public final class Rows {

    private Rows() {
    }

    /**
     * A pod as a row: READY, STATUS and RESTARTS as kubectl prints them (see {@link PodStatus}); conditions as
     * {@code Type=Status (Reason: message)}; containers as {@code name image (state, N restarts)}, plain init
     * containers first and named {@code init:name}, native sidecars marked {@code sidecar}.
     */
    public static PodRow pod(Pod pod) {
        ObjectMeta meta = meta(pod);
        PodSpec spec = pod.getSpec() != null ? pod.getSpec() : new PodSpec();
        io.fabric8.kubernetes.api.model.PodStatus status = pod.getStatus();
        PodStatus.Summary summary = PodStatus.summarize(pod);

        List<String> conditions = new ArrayList<>();
        if (status != null && status.getConditions() != null) {
            for (PodCondition condition : status.getConditions()) {
                conditions.add(condition(condition));
            }
        }

        Map<String, ContainerStatus> initStatuses = byName(status != null ? status.getInitContainerStatuses() : null);
        Map<String, ContainerStatus> statuses = byName(status != null ? status.getContainerStatuses() : null);
        List<String> containers = new ArrayList<>();
        for (Container container : nonNull(spec.getInitContainers())) {
            boolean sidecar = PodStatus.isRestartable(container);
            String name = sidecar ? container.getName() : "init:" + container.getName();
            containers.add(container(name, container, initStatuses.get(container.getName()), sidecar));
        }
        for (Container container : nonNull(spec.getContainers())) {
            containers.add(container(container.getName(), container, statuses.get(container.getName()), false));
        }

        return new PodRow(key(pod), text(meta.getNamespace()), text(meta.getName()), summary.ready(),
                summary.total(), summary.status(), summary.restarts(), created(meta), text(spec.getNodeName()),
                PodStatus.hasIstioSidecar(pod), copy(meta.getLabels()), copy(meta.getAnnotations()), conditions,
                containers);
    }

    /** A service as a row; see {@link #ports(List)} and {@link #external(Service)} for the two derived columns. */
    public static ServiceRow service(Service service) {
        ObjectMeta meta = meta(service);
        ServiceSpec spec = service.getSpec() != null ? service.getSpec() : new ServiceSpec();
        String type = text(spec.getType()).isEmpty() ? "ClusterIP" : spec.getType();
        return new ServiceRow(key(service), text(meta.getNamespace()), text(meta.getName()), type,
                text(spec.getClusterIP()), ports(spec.getPorts()), external(service), created(meta),
                copy(meta.getLabels()), copy(meta.getAnnotations()), copy(spec.getSelector()));
    }

    /**
     * The row key of an object: its uid, or {@code namespace/name} when it has none.
     */
    public static String key(HasMetadata object) {
        ObjectMeta meta = meta(object);
        if (!text(meta.getUid()).isEmpty()) {
            return meta.getUid();
        }
        return text(meta.getNamespace()) + "/" + text(meta.getName());
    }

    /**
     * Service ports as {@code name port→targetPort[/nodePort]}, comma separated, e.g.
     * {@code "status-port 15021→15021, http2 80→8080/31380"}. An unnamed port has no name part, a missing
     * targetPort is the port itself (as the API server defaults it), and a protocol other than TCP is appended
     * ({@code "dns 53→53 UDP"}).
     */
    public static String ports(List<ServicePort> ports) {
        List<String> parts = new ArrayList<>();
        for (ServicePort port : nonNull(ports)) {
            StringBuilder part = new StringBuilder();
            if (!text(port.getName()).isEmpty()) {
                part.append(port.getName()).append(' ');
            }
            part.append(port.getPort()).append('→').append(targetPort(port));
            if (port.getNodePort() != null && port.getNodePort() != 0) {
                part.append('/').append(port.getNodePort());
            }
            if (!text(port.getProtocol()).isEmpty() && !"TCP".equals(port.getProtocol())) {
                part.append(' ').append(port.getProtocol());
            }
            parts.add(part.toString());
        }
        return String.join(", ", parts);
    }

    /**
     * Where the service is reachable from outside: for a LoadBalancer, each ingress's IP (or hostname when it has
     * no IP, as kubectl prints it) followed by the service's externalIPs, comma separated, or {@code "pending"}
     * when there is neither; for other types the externalIPs, the external name of an ExternalName service, or
     * {@code ""}.
     */
    public static String external(Service service) {
        ServiceSpec spec = service.getSpec() != null ? service.getSpec() : new ServiceSpec();
        Set<String> addresses = new LinkedHashSet<>();
        boolean loadBalancer = "LoadBalancer".equals(spec.getType());
        if (loadBalancer && service.getStatus() != null && service.getStatus().getLoadBalancer() != null) {
            for (LoadBalancerIngress ingress : nonNull(service.getStatus().getLoadBalancer().getIngress())) {
                if (!text(ingress.getIp()).isEmpty()) {
                    addresses.add(ingress.getIp());
                } else if (!text(ingress.getHostname()).isEmpty()) {
                    addresses.add(ingress.getHostname());
                }
            }
        }
        addresses.addAll(nonNull(spec.getExternalIPs()));
        if (!addresses.isEmpty()) {
            return String.join(",", addresses);
        }
        if (loadBalancer) {
            return "pending";
        }
        if ("ExternalName".equals(spec.getType())) {
            return text(spec.getExternalName());
        }
        return "";
    }

    private static String targetPort(ServicePort port) {
        IntOrString target = port.getTargetPort();
        if (target == null || (target.getIntVal() == null && text(target.getStrVal()).isEmpty())) {
            return String.valueOf(port.getPort());
        }
        return target.getIntVal() != null ? String.valueOf(target.getIntVal()) : target.getStrVal();
    }

    private static String condition(PodCondition condition) {
        StringBuilder text = new StringBuilder().append(condition.getType()).append('=').append(condition.getStatus());
        String reason = text(condition.getReason());
        String message = oneLine(condition.getMessage());
        if (!reason.isEmpty() && !message.isEmpty()) {
            text.append(" (").append(reason).append(": ").append(message).append(')');
        } else if (!reason.isEmpty() || !message.isEmpty()) {
            text.append(" (").append(reason).append(message).append(')');
        }
        return text.toString();
    }

    private static String container(String name, Container spec, ContainerStatus status, boolean sidecar) {
        String state = status == null ? "not started" : state(status);
        int restarts = status != null && status.getRestartCount() != null ? status.getRestartCount() : 0;
        return name + " " + text(spec.getImage()) + " (" + (sidecar ? "sidecar, " : "") + state + ", " + restarts
                + (restarts == 1 ? " restart)" : " restarts)");
    }

    private static String state(ContainerStatus status) {
        ContainerState state = status.getState();
        if (state == null) {
            return "unknown";
        }
        if (state.getRunning() != null) {
            return Boolean.TRUE.equals(status.getReady()) ? "ready" : "running, not ready";
        }
        if (state.getWaiting() != null) {
            String reason = text(state.getWaiting().getReason());
            return reason.isEmpty() ? "waiting" : "waiting: " + reason;
        }
        ContainerStateTerminated terminated = state.getTerminated();
        if (terminated != null) {
            int exitCode = terminated.getExitCode() != null ? terminated.getExitCode() : 0;
            String reason = text(terminated.getReason());
            if (reason.isEmpty()) {
                return "terminated: exit code " + exitCode;
            }
            return exitCode == 0 ? "terminated: " + reason : "terminated: " + reason + " (exit code " + exitCode + ")";
        }
        return "unknown";
    }

    private static Map<String, ContainerStatus> byName(List<ContainerStatus> statuses) {
        Map<String, ContainerStatus> map = new HashMap<>();
        for (ContainerStatus status : nonNull(statuses)) {
            map.put(status.getName(), status);
        }
        return map;
    }

    private static Instant created(ObjectMeta meta) {
        String timestamp = meta.getCreationTimestamp();
        if (timestamp == null || timestamp.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ObjectMeta meta(HasMetadata object) {
        return object.getMetadata() != null ? object.getMetadata() : new ObjectMeta();
    }

    private static Map<String, String> copy(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((key, value) -> {
                if (key != null && value != null) {
                    copy.put(key, value);
                }
            });
        }
        return copy;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static String text(String value) {
        return value != null ? value : "";
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list != null ? list : List.of();
    }
}
