package dev.meshwizard.mesh.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pods, or pods to be: a Pod, the pod template of a Deployment, ReplicaSet, StatefulSet or DaemonSet (offline),
 * or a planned gateway.
 *
 * @param namespace  where the pods run
 * @param labels     their labels
 * @param source     what they come from, e.g. {@code Pod reviews-v1-abc} or {@code gateway release istio-ingress}
 * @param namedPorts their containers' named ports (name → number), for Services' named target ports
 */
record Workload(String namespace, Map<String, String> labels, String source, Map<String, Integer> namedPorts) {

    private static final Set<String> TEMPLATE_KINDS = Set.of("ReplicaSet", "StatefulSet", "DaemonSet");

    /** Whether the labels include all of {@code selector}'s (an empty selector selects nothing). */
    boolean matches(Map<String, String> selector) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    /**
     * The pods the analysis can see: Pods; and, offline, the pod templates of Deployments, ReplicaSets,
     * StatefulSets and DaemonSets, and the planned gateways.
     */
    static List<Workload> of(MeshSnapshot snapshot) {
        List<Workload> workloads = new ArrayList<>();
        snapshot.pods().forEach(pod -> workloads.add(new Workload(MeshSnapshot.namespace(pod),
                labels(pod.getMetadata().getLabels()), "Pod " + pod.getMetadata().getName(),
                ports(pod.getSpec()))));
        if (snapshot.live()) {
            return workloads;
        }
        snapshot.deployments().forEach(deployment -> {
            var template = deployment.getSpec() == null ? null : deployment.getSpec().getTemplate();
            Map<String, String> labels = template == null || template.getMetadata() == null ? Map.of()
                    : labels(template.getMetadata().getLabels());
            workloads.add(new Workload(MeshSnapshot.namespace(deployment), labels,
                    "Deployment " + deployment.getMetadata().getName(),
                    template == null ? Map.of() : ports(template.getSpec())));
        });
        for (HasMetadata other : snapshot.others()) {
            if (TEMPLATE_KINDS.contains(other.getKind())) {
                JsonNode template = Fields.tree(other).path("spec").path("template");
                Map<String, Integer> ports = new HashMap<>();
                template.path("spec").path("containers").forEach(c -> c.path("ports").forEach(p -> {
                    if (p.hasNonNull("name")) {
                        ports.put(p.get("name").asText(), p.path("containerPort").asInt());
                    }
                }));
                workloads.add(new Workload(MeshSnapshot.namespace(other),
                        Fields.labels(template.path("metadata").path("labels")),
                        other.getKind() + " " + other.getMetadata().getName(), ports));
            }
        }
        snapshot.plannedGateways().forEach(gateway -> workloads.add(new Workload(gateway.namespace(),
                gateway.podLabels(), "gateway release " + gateway.release(), Map.of())));
        return workloads;
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }

    private static Map<String, Integer> ports(PodSpec spec) {
        Map<String, Integer> ports = new HashMap<>();
        if (spec != null && spec.getContainers() != null) {
            for (Container container : spec.getContainers()) {
                if (container.getPorts() != null) {
                    container.getPorts().stream().filter(p -> p.getName() != null && p.getContainerPort() != null)
                            .forEach(p -> ports.put(p.getName(), p.getContainerPort()));
                }
            }
        }
        return ports;
    }

    /** Whether a pod spec has Istio's sidecar, as a container or as a native sidecar init container. */
    static boolean hasSidecar(PodSpec spec) {
        return proxyImage(spec) != null;
    }

    /** The image of a pod spec's {@code istio-proxy} container (or native sidecar init container), or null. */
    static String proxyImage(PodSpec spec) {
        if (spec == null) {
            return null;
        }
        List<Container> all = new ArrayList<>();
        if (spec.getContainers() != null) {
            all.addAll(spec.getContainers());
        }
        if (spec.getInitContainers() != null) {
            all.addAll(spec.getInitContainers());
        }
        return all.stream().filter(c -> "istio-proxy".equals(c.getName())).findFirst()
                .map(c -> c.getImage() == null ? "" : c.getImage()).orElse(null);
    }
}
