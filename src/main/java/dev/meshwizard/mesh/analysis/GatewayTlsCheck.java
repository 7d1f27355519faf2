package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.fabric8.istio.api.networking.v1.Gateway;
import java.util.ArrayList;
import java.util.List;

/**
 * MW0119 (istioctl IST0106): a Gateway server with {@code tls.mode} SIMPLE or MUTUAL has neither
 * {@code credentialName} (or {@code credentialNames}) nor {@code serverCertificate} and {@code privateKey}
 * files. Istio's validation rejects such a Gateway (the webhook refuses it), so it is an error.
 */
public final class GatewayTlsCheck implements Check {

    @Override
    public String code() {
        return "MW0119";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.SCHEMA_VALIDATION_ERROR;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (Gateway gateway : snapshot.gateways()) {
            List<Server> servers = Gateways.servers(gateway);
            for (int i = 0; i < servers.size(); i++) {
                ServerTLSSettings tls = servers.get(i).getTls();
                if (tls == null || tls.getMode() != ServerTLSSettingsTLSmode.SIMPLE
                        && tls.getMode() != ServerTLSSettingsTLSmode.MUTUAL) {
                    continue;
                }
                boolean credential = !blank(tls.getCredentialName())
                        || tls.getCredentialNames() != null && !tls.getCredentialNames().isEmpty();
                boolean files = !blank(tls.getServerCertificate()) && !blank(tls.getPrivateKey());
                if (!credential && !files) {
                    findings.add(finding(Severity.ERROR, gateway, "spec.servers[" + i + "].tls",
                            "TLS mode " + tls.getMode() + " without credentialName or serverCertificate and "
                                    + "privateKey: Istio rejects this Gateway",
                            "Set credentialName to a TLS Secret in the gateway's namespace"));
                }
            }
        }
        return findings;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
