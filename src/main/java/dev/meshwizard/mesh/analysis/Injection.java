package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which namespaces and pods are meant to be in the mesh, and which Services the routing sends traffic to. */
final class Injection {

    static final String INJECTION_LABEL = "istio-injection";
    static final String REVISION_LABEL = "istio.io/rev";
    static final String DATAPLANE_LABEL = "istio.io/dataplane-mode";
    static final String INJECT_POD_LABEL = "sidecar.istio.io/inject";

    /** Namespaces istioctl leaves out of its injection checks. */
    static final java.util.Set<String> SYSTEM_NAMESPACES = java.util.Set.of("istio-system", "kube-system",
            "kube-public", "kube-node-lease", "local-path-storage");

    private Injection() {
    }

    /**
     * Whether a namespace's labels ask for sidecars as istioctl reads them: {@code istio-injection=enabled}, or
     * {@code istio.io/rev} without {@code istio-injection}.
     */
    static boolean injected(Namespace namespace) {
        Map<String, String> labels = labels(namespace.getMetadata().getLabels());
        String injection = labels.get(INJECTION_LABEL);
        return labels.containsKey(REVISION_LABEL) ? injection == null : "enabled".equals(injection);
    }

    /**
     * Whether the injector's ConfigMap ({@code istio-sidecar-injector}, its {@code values} key) among the input
     * injects every namespace without labels ({@code sidecarInjectorWebhook.enableNamespacesByDefault}).
     */
    static boolean enabledByDefault(MeshSnapshot snapshot) {
        for (var object : snapshot.others("ConfigMap")) {
            if (!object.getMetadata().getName().startsWith("istio-sidecar-injector")) {
                continue;
            }
            var values = Fields.tree(object).path("data").path("values");
            if (!values.isTextual()) {
                continue;
            }
            try {
                var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(values.asText());
                if (tree.path("sidecarInjectorWebhook").path("enableNamespacesByDefault").asBoolean(false)) {
                    return true;
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // not JSON: the injector would not read it either
            }
        }
        return false;
    }

    /** Whether a namespace's labels ask for sidecars (or put it into ambient mode). */
    static boolean meshed(Namespace namespace) {
        Map<String, String> labels = labels(namespace.getMetadata().getLabels());
        return "enabled".equals(labels.get(INJECTION_LABEL))
                || labels.containsKey(REVISION_LABEL) && !"disabled".equals(labels.get(INJECTION_LABEL))
                || "ambient".equals(labels.get(DATAPLANE_LABEL));
    }

    /** Whether a namespace is in ambient mode, where pods have no sidecars by design. */
    static boolean ambient(Namespace namespace) {
        return "ambient".equals(labels(namespace.getMetadata().getLabels()).get(DATAPLANE_LABEL));
    }

    /** Whether a pod opted out of injection by label, or by annotation when it has no such label. */
    static boolean optedOut(Pod pod) {
        String label = labels(pod.getMetadata().getLabels()).get(INJECT_POD_LABEL);
        String value = label != null ? label : labels(pod.getMetadata().getAnnotations()).get(INJECT_POD_LABEL);
        return "false".equalsIgnoreCase(value);
    }

    /** Whether a pod asked for injection by label. */
    static boolean optedIn(Pod pod) {
        return "true".equals(labels(pod.getMetadata().getLabels()).get(INJECT_POD_LABEL));
    }

    static Optional<Namespace> namespace(MeshSnapshot snapshot, String name) {
        return snapshot.namespaces().stream().filter(n -> n.getMetadata().getName().equals(name)).findFirst();
    }

    /** The Services that VirtualServices route to, each once, in the order first routed to. */
    static List<Service> routedServices(MeshSnapshot snapshot) {
        Map<Hosts.ServiceKey, Service> routed = new LinkedHashMap<>();
        for (VirtualService virtualService : snapshot.virtualServices()) {
            for (RouteDestination route : RouteDestination.of(virtualService)) {
                Hosts.service(route.destination().getHost(), virtualService)
                        .ifPresent(key -> Hosts.find(snapshot, key).ifPresent(s -> routed.putIfAbsent(key, s)));
            }
        }
        return new ArrayList<>(routed.values());
    }

    /** The snapshot's pods that a Service selects. */
    static List<Pod> podsOf(MeshSnapshot snapshot, Service service) {
        Map<String, String> selector = service.getSpec() == null ? null : service.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            return List.of();
        }
        String namespace = MeshSnapshot.namespace(service);
        return snapshot.pods().stream()
                .filter(pod -> MeshSnapshot.namespace(pod).equals(namespace)
                        && labels(pod.getMetadata().getLabels()).entrySet().containsAll(selector.entrySet()))
                .toList();
    }

    static Map<String, String> labels(Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }
}
