package dev.meshwizard.mesh.analysis;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pods, or pods to be: a running Pod (live), a Deployment's pod template (offline), or a planned gateway.
 *
 * @param namespace where the pods run
 * @param labels    their labels
 * @param source    what they come from, e.g. {@code Pod reviews-v1-abc} or {@code gateway release istio-ingress}
 */
record Workload(String namespace, Map<String, String> labels, String source) {

    /** Whether the labels include all of {@code selector}'s (an empty selector selects nothing). */
    boolean matches(Map<String, String> selector) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    /** The pods the analysis can see: running pods when live; else Deployments' templates and planned gateways. */
    static List<Workload> of(MeshSnapshot snapshot) {
        List<Workload> workloads = new ArrayList<>();
        if (snapshot.live()) {
            snapshot.pods().forEach(pod -> workloads.add(new Workload(MeshSnapshot.namespace(pod),
                    labels(pod.getMetadata().getLabels()), "Pod " + pod.getMetadata().getName())));
            return workloads;
        }
        snapshot.deployments().forEach(deployment -> {
            PodTemplateSpec template = deployment.getSpec() == null ? null : deployment.getSpec().getTemplate();
            Map<String, String> labels = template == null || template.getMetadata() == null ? Map.of()
                    : labels(template.getMetadata().getLabels());
            workloads.add(new Workload(MeshSnapshot.namespace(deployment), labels,
                    "Deployment " + deployment.getMetadata().getName()));
        });
        snapshot.plannedGateways().forEach(gateway -> workloads.add(new Workload(gateway.namespace(),
                gateway.podLabels(), "gateway release " + gateway.release())));
        return workloads;
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }

    /** Whether a pod spec has Istio's sidecar, as a container or as a native sidecar init container. */
    static boolean hasSidecar(PodSpec spec) {
        if (spec == null) {
            return false;
        }
        List<Container> all = new ArrayList<>();
        if (spec.getContainers() != null) {
            all.addAll(spec.getContainers());
        }
        if (spec.getInitContainers() != null) {
            all.addAll(spec.getInitContainers());
        }
        return all.stream().anyMatch(c -> "istio-proxy".equals(c.getName()));
    }
}
