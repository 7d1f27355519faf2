package dev.meshwizard.mesh.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hosts the mesh knows, as istioctl looks them up: every Service as {@code name.namespace.svc.<domain>} and
 * every ServiceEntry host, each visible in the namespaces its {@code exportTo} (the Service's
 * {@code networking.istio.io/exportTo} annotation) names, or everywhere.
 */
final class ServiceRegistry {

    static final String EXPORT_TO_ANNOTATION = "networking.istio.io/exportTo";

    /**
     * One host of the registry.
     *
     * @param fqdn      the host, e.g. {@code reviews.default.svc.cluster.local} or {@code *.example.com}
     * @param scope     where it is visible: {@code *} or a namespace
     * @param ports     its port numbers
     * @param selector  the labels of its pods (a Service's selector, a ServiceEntry's workloadSelector)
     * @param namespace the namespace of the object that defines it
     * @param service   the Service, or null for a ServiceEntry host
     */
    record Entry(String fqdn, String scope, List<Integer> ports, Map<String, String> selector, String namespace,
                 Service service) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final String domain;

    ServiceRegistry(MeshSnapshot snapshot) {
        this.domain = snapshot.mesh().clusterDomain();
        for (HasMetadata entry : snapshot.others("ServiceEntry")) {
            JsonNode spec = Fields.tree(entry).path("spec");
            String namespace = MeshSnapshot.namespace(entry);
            List<Integer> ports = new ArrayList<>();
            spec.path("ports").forEach(p -> ports.add(p.path("number").asInt()));
            Map<String, String> selector = Fields.labels(spec.path("workloadSelector").path("labels"));
            for (String scope : scopes(Fields.strings(spec.path("exportTo")), namespace)) {
                for (String host : Fields.strings(spec.path("hosts"))) {
                    entries.add(new Entry(fqdn(host, namespace), scope, ports, selector, namespace, null));
                }
            }
        }
        for (Service service : snapshot.services()) {
            String namespace = MeshSnapshot.namespace(service);
            Map<String, String> annotations = service.getMetadata().getAnnotations();
            String exportTo = annotations == null ? null : annotations.get(EXPORT_TO_ANNOTATION);
            List<String> exports = exportTo == null || exportTo.isBlank() ? List.of()
                    : List.of(exportTo.replace(" ", "").split(","));
            List<Integer> ports = service.getSpec() == null || service.getSpec().getPorts() == null ? List.of()
                    : service.getSpec().getPorts().stream().map(ServicePort::getPort).toList();
            Map<String, String> selector = service.getSpec() == null || service.getSpec().getSelector() == null
                    ? Map.of() : service.getSpec().getSelector();
            for (String scope : scopes(exports, namespace)) {
                entries.add(new Entry(fqdn(service.getMetadata().getName(), namespace), scope, ports, selector,
                        namespace, service));
            }
        }
    }

    /** The scopes an {@code exportTo} list gives: {@code *} when empty or listing {@code *}; {@code .} is home. */
    static List<String> scopes(List<String> exportTo, String namespace) {
        if (exportTo.isEmpty() || exportTo.contains("*")) {
            return List.of("*");
        }
        return exportTo.stream().map(e -> ".".equals(e) ? namespace : e).distinct().toList();
    }

    /** A host as a fully qualified name: a short name (no dot, no wildcard) gets {@code .ns.svc.<domain>}. */
    String fqdn(String host, String namespace) {
        return fqdn(host, namespace, domain);
    }

    static String fqdn(String host, String namespace, String domain) {
        if (host == null || host.startsWith("*") || host.contains(".")) {
            return host;
        }
        return host + "." + namespace + ".svc." + domain;
    }

    /**
     * The entry a host names when an object of {@code namespace} with this {@code exportTo} refers to it, as
     * istioctl finds it: a host visible everywhere, then one visible where the object is exported to, then a
     * wildcard ServiceEntry host that covers it.
     */
    Optional<Entry> lookup(String host, String namespace, List<String> exportTo) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        String fqdn = fqdn(host, namespace);
        Optional<Entry> found = find(fqdn, "*");
        if (found.isPresent()) {
            return found;
        }
        List<String> scopes = exportTo == null || exportTo.isEmpty() ? List.of(namespace)
                : exportTo.stream().map(e -> ".".equals(e) ? namespace : e).toList();
        for (String scope : scopes) {
            found = find(fqdn, scope);
            if (found.isPresent()) {
                return found;
            }
        }
        String bare = fqdn.startsWith("*") ? fqdn.substring(1) : fqdn;
        return entries.stream()
                .filter(e -> e.service() == null && e.fqdn().startsWith("*")
                        && ("*".equals(e.scope()) || namespace.equals(e.scope()))
                        && bare.endsWith(e.fqdn().substring(1)))
                .findFirst();
    }

    private Optional<Entry> find(String fqdn, String scope) {
        return entries.stream().filter(e -> e.fqdn().equals(fqdn) && e.scope().equals(scope)).findFirst();
    }
}
