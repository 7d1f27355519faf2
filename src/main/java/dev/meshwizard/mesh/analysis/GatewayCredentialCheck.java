package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MW0118: a Gateway server's {@code tls.credentialName} names no Secret in the gateway pods' namespace (istioctl
 * IST0101), or a Secret that holds no usable certificate (IST0161): neither {@code tls.crt}/{@code tls.key} nor
 * {@code cert}/{@code key}, or a certificate that does not parse as X.509 or has expired. Checked only when the
 * input holds Secrets (a cluster's Secrets are not read) and the selector matches a workload (else MW0104). The
 * Secret's contents are never shown.
 */
public final class GatewayCredentialCheck implements Check {

    @Override
    public String code() {
        return "MW0118";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.REFERENCED_RESOURCE_NOT_FOUND;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<HasMetadata> secrets = snapshot.others("Secret");
        if (secrets.isEmpty()) {
            return List.of();
        }
        List<Workload> workloads = Workload.of(snapshot);
        List<Finding> findings = new java.util.ArrayList<>();
        for (Gateway gateway : snapshot.gateways()) {
            Optional<String> home = Gateways.workloadNamespace(gateway, workloads);
            if (home.isEmpty()) {
                continue;
            }
            List<Server> servers = Gateways.servers(gateway);
            for (int i = 0; i < servers.size(); i++) {
                var tls = servers.get(i).getTls();
                String credential = tls == null ? null : tls.getCredentialName();
                if (credential == null || credential.isBlank()) {
                    continue;
                }
                int slash = credential.indexOf('/');
                String namespace = slash < 0 ? home.get() : credential.substring(0, slash);
                String name = credential.substring(slash + 1);
                Optional<HasMetadata> secret = secrets.stream()
                        .filter(s -> s.getMetadata().getName().equals(name)
                                && MeshSnapshot.namespace(s).equals(namespace))
                        .findFirst();
                String path = "spec.servers[" + i + "].tls.credentialName";
                if (secret.isEmpty()) {
                    findings.add(finding(Severity.ERROR, gateway, path, "credentialName " + credential
                                    + " names no Secret in namespace " + namespace + " (where the gateway's pods run), "
                                    + "so the gateway serves no certificate on this port",
                            "Create the TLS Secret in namespace " + namespace + " (kubectl create secret tls " + name
                                    + " -n " + namespace + " --cert=… --key=…)"));
                } else {
                    String problem = secret.get() instanceof Secret s ? problem(s) : null;
                    if (problem != null) {
                        findings.add(finding(IstioMessage.INVALID_GATEWAY_CREDENTIAL, Severity.ERROR, gateway, path,
                                "Secret " + name + "." + namespace + " is not a usable gateway credential: " + problem,
                                "Recreate it with kubectl create secret tls " + name + " -n " + namespace
                                        + " --cert=… --key=… (a PEM certificate and its key)"));
                    }
                }
            }
        }
        return findings;
    }

    /** Why a Secret is not a usable credential, or null when it is. Never includes its contents. */
    static String problem(Secret secret) {
        String certificate = value(secret, "tls.crt");
        String key = value(secret, "tls.key");
        if (certificate == null || key == null) {
            certificate = value(secret, "cert");
            key = value(secret, "key");
        }
        if (certificate == null || key == null) {
            return "it has neither tls.crt and tls.key nor cert and key";
        }
        try {
            var factory = CertificateFactory.getInstance("X.509");
            var parsed = factory.generateCertificates(new ByteArrayInputStream(
                    certificate.getBytes(StandardCharsets.ISO_8859_1)));
            if (parsed.isEmpty()) {
                return "its certificate is not a PEM X.509 certificate";
            }
            X509Certificate first = (X509Certificate) parsed.iterator().next();
            if (first.getNotAfter().before(new Date())) {
                return "its certificate expired on " + first.getNotAfter().toInstant();
            }
            return null;
        } catch (CertificateException | IllegalArgumentException e) {
            return "its certificate is not a PEM X.509 certificate";
        }
    }

    private static String value(Secret secret, String key) {
        Map<String, String> stringData = secret.getStringData();
        if (stringData != null && stringData.get(key) != null) {
            return stringData.get(key);
        }
        Map<String, String> data = secret.getData();
        if (data == null || data.get(key) == null) {
            return null;
        }
        try {
            return new String(Base64.getMimeDecoder().decode(data.get(key)), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
