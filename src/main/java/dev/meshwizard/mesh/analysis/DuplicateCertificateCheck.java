package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import io.fabric8.istio.api.networking.v1.Gateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * MW0120 (istioctl IST0138): two Gateways for the same gateway pods (the other's selector includes all of this
 * one's labels; an empty selector includes every Gateway) have servers with the same certificate: the same
 * {@code credentialName}, or the same {@code serverCertificate} and {@code privateKey} files. Browsers reuse an
 * HTTP/2 connection for hosts of one certificate, so requests for one host can reach the other server's routes
 * (404). Reported on each Gateway, once per other Gateway.
 */
public final class DuplicateCertificateCheck implements Check {

    @Override
    public String code() {
        return "MW0120";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.GATEWAY_DUPLICATE_CERTIFICATE;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (Gateway gateway : snapshot.gateways()) {
            Map<String, String> selector = Gateways.selector(gateway);
            for (Gateway other : snapshot.gateways()) {
                if (other == gateway || !Gateways.selector(other).entrySet().containsAll(selector.entrySet())) {
                    continue;
                }
                String certificate = shared(Gateways.servers(gateway), Gateways.servers(other));
                if (certificate != null) {
                    findings.add(finding(Severity.WARNING, gateway, "spec.servers",
                            "Gateway " + other.getMetadata().getName() + "." + MeshSnapshot.namespace(other)
                                    + " serves the same certificate (" + certificate + ") on the same gateway pods: "
                                    + "clients may reuse one HTTP/2 connection for both and get 404s",
                            "Use one Gateway for the hosts of this certificate, or give each its own certificate"));
                }
            }
        }
        return findings;
    }

    private static String shared(List<Server> mine, List<Server> theirs) {
        for (Server a : mine) {
            for (Server b : theirs) {
                if (a.getTls() != null && b.getTls() != null && same(a.getTls(), b.getTls())) {
                    return a.getTls().getCredentialName() != null && !a.getTls().getCredentialName().isEmpty()
                            ? "credentialName " + a.getTls().getCredentialName()
                            : "serverCertificate " + a.getTls().getServerCertificate();
                }
            }
        }
        return null;
    }

    private static boolean same(ServerTLSSettings a, ServerTLSSettings b) {
        if (!blank(a.getCredentialName()) && !blank(b.getCredentialName())) {
            return a.getCredentialName().equals(b.getCredentialName());
        }
        return blank(a.getCredentialName()) && blank(b.getCredentialName()) && !blank(a.getServerCertificate())
                && Objects.equals(a.getServerCertificate(), b.getServerCertificate()) && !blank(a.getPrivateKey())
                && Objects.equals(a.getPrivateKey(), b.getPrivateKey());
    }

    private static boolean blank(String value) {
        return value == null || value.isEmpty();
    }
}
