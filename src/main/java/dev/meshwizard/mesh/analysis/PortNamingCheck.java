package dev.meshwizard.mesh.analysis;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MW0109 (istioctl IST0118; IST0150 for ExternalName Services): a Service port's name does not tell Istio its
 * protocol ({@code <protocol>} or {@code <protocol>-<suffix>}, e.g. {@code http}, {@code http-web},
 * {@code grpc}, {@code tcp}) and neither does its {@code appProtocol} or a UDP protocol, so Istio treats it as
 * plain TCP. An ExternalName Service's port named {@code tcp} is reported too (IST0150), as istioctl does.
 * Skipped as istioctl skips them: Services of the system namespaces ({@code kube-system}, {@code kube-public},
 * {@code kube-node-lease}, {@code local-path-storage}, {@code istio-system}), Istio's own (labelled
 * {@code istio} or {@code release: istio}) and gateway Services Istio manages
 * ({@code gateway.istio.io/managed}).
 */
public final class PortNamingCheck implements Check {

    /** The protocols Istio reads from a port name's first part. */
    public static final Set<String> PROTOCOLS = Set.of("http", "http2", "https", "grpc", "grpc-web", "tcp", "tls",
            "udp", "mongo", "mysql", "redis", "h2c");

    private static final Set<String> SKIPPED_NAMESPACES = Set.of("istio-system", "kube-system", "kube-public",
            "kube-node-lease", "local-path-storage");

    @Override
    public String code() {
        return "MW0109";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.PORT_NAME_IS_NOT_UNDER_NAMING_CONVENTION;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (Service service : snapshot.services()) {
            if (skipped(service) || service.getSpec() == null || service.getSpec().getPorts() == null) {
                continue;
            }
            boolean externalName = "ExternalName".equals(service.getSpec().getType());
            List<ServicePort> ports = service.getSpec().getPorts();
            for (int i = 0; i < ports.size(); i++) {
                ServicePort port = ports.get(i);
                String name = port.getName() == null ? "" : port.getName();
                boolean known = knownAppProtocol(port.getAppProtocol()) || "UDP".equals(port.getProtocol())
                        || follows(name);
                if (known && !(externalName && "tcp".equals(name))) {
                    continue;
                }
                String path = "spec.ports[" + i + "]" + (name.isEmpty() ? "" : ".name");
                if (externalName) {
                    findings.add(finding(IstioMessage.EXTERNAL_NAME_SERVICE_TYPE_INVALID_PORT_NAME, Severity.WARNING,
                            service, path, "port " + port.getPort() + (name.isEmpty() ? " has no name"
                                    : " is named \"" + name + "\"") + " in an ExternalName Service, so Istio "
                                    + "treats its traffic as opaque TCP and routes by port only",
                            "Name the port by its protocol other than tcp (http, https, tls, …), or set "
                                    + "appProtocol"));
                    continue;
                }
                findings.add(finding(Severity.INFO, service, path,
                        "port " + port.getPort() + (name.isEmpty() ? " has no name" : " is named \"" + name + "\"")
                                + ", which does not tell Istio its protocol, so Istio treats it as plain TCP",
                        "Name it http, http-" + (name.isEmpty() ? "web" : name) + ", grpc or tcp (by its protocol), "
                                + "or set appProtocol"));
            }
        }
        return findings;
    }

    private static boolean skipped(Service service) {
        Map<String, String> labels = service.getMetadata().getLabels() == null ? Map.of()
                : service.getMetadata().getLabels();
        String managed = labels.get("gateway.istio.io/managed");
        return SKIPPED_NAMESPACES.contains(MeshSnapshot.namespace(service)) || labels.containsKey("istio")
                || "istio".equals(labels.get("release"))
                || managed != null && managed.startsWith("istio.io-");
    }

    private static boolean knownAppProtocol(String appProtocol) {
        if (appProtocol == null || appProtocol.isBlank()) {
            return false;
        }
        String lower = appProtocol.toLowerCase();
        return PROTOCOLS.contains(lower) || lower.startsWith("kubernetes.io/");
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
