package dev.meshwizard.mesh.analysis;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MW0109: a Service port's name does not tell Istio its protocol ({@code <protocol>} or {@code <protocol>-<suffix>},
 * e.g. {@code http}, {@code http-web}, {@code grpc}, {@code tcp}) and no {@code appProtocol} is set, so Istio
 * guesses the protocol. Services in istio-system and kube-system are Istio's and Kubernetes' own and are skipped.
 */
public final class PortNamingCheck implements Check {

    /** The protocols Istio reads from a port name's first part. */
    public static final Set<String> PROTOCOLS = Set.of("http", "http2", "https", "grpc", "grpc-web", "tcp", "tls",
            "udp", "mongo", "mysql", "redis");

    private static final Set<String> SKIPPED_NAMESPACES = Set.of("istio-system", "kube-system");

    @Override
    public String code() {
        return "MW0109";
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (Service service : snapshot.services()) {
            if (SKIPPED_NAMESPACES.contains(MeshSnapshot.namespace(service)) || service.getSpec() == null
                    || service.getSpec().getPorts() == null) {
                continue;
            }
            List<ServicePort> ports = service.getSpec().getPorts();
            for (int i = 0; i < ports.size(); i++) {
                ServicePort port = ports.get(i);
                if (port.getAppProtocol() != null && !port.getAppProtocol().isBlank() || follows(port.getName())) {
                    continue;
                }
                String name = port.getName() == null ? "" : port.getName();
                findings.add(finding(Severity.INFO, service, "spec.ports[" + i + "]" + (name.isEmpty() ? "" : ".name"),
                        "port " + port.getPort() + (name.isEmpty() ? " has no name" : " is named \"" + name + "\"")
                                + ", which does not tell Istio its protocol, so Istio guesses it",
                        "Name it http, http-" + (name.isEmpty() ? "web" : name) + ", grpc or tcp (by its protocol), "
                                + "or set appProtocol"));
            }
        }
        return findings;
    }

    /** Whether a port name follows Istio's naming: a protocol, alone or followed by {@code -suffix}. */
    public static boolean follows(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        String lower = name.toLowerCase();
        return PROTOCOLS.stream().anyMatch(p -> lower.equals(p) || lower.startsWith(p + "-"));
    }
}
