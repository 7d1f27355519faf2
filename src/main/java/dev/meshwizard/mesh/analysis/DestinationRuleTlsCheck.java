package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import java.util.ArrayList;
import java.util.List;

/**
 * MW0117 (istioctl IST0128 for a whole destination, IST0129 for a port): a DestinationRule originates TLS (mode
 * SIMPLE or MUTUAL) without {@code caCertificates}, so the sidecar does not verify the server's certificate. A
 * {@code credentialName} (whose Secret holds the CA) counts only when the rule has a {@code workloadSelector}:
 * without one, sidecars ignore it (it applies at gateways only). Checked in the top-level traffic policy, each
 * port-level setting, and each subset's policy.
 */
public final class DestinationRuleTlsCheck implements Check {

    @Override
    public String code() {
        return "MW0117";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.NO_SERVER_CERTIFICATE_VERIFICATION_DESTINATION_LEVEL;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (DestinationRule rule : snapshot.destinationRules()) {
            if (rule.getSpec() == null) {
                continue;
            }
            check(findings, rule, rule.getSpec().getTrafficPolicy(), "spec.trafficPolicy");
            var subsets = rule.getSpec().getSubsets();
            for (int i = 0; subsets != null && i < subsets.size(); i++) {
                check(findings, rule, subsets.get(i).getTrafficPolicy(), "spec.subsets[" + i + "].trafficPolicy");
            }
        }
        return findings;
    }

    private void check(List<Finding> findings, DestinationRule rule, TrafficPolicy policy, String path) {
        if (policy == null) {
            return;
        }
        String host = rule.getSpec().getHost();
        boolean selector = rule.getSpec().getWorkloadSelector() != null;
        if (unverified(policy.getTls(), selector)) {
            findings.add(finding(Severity.WARNING, rule, path + ".tls", "TLS mode " + policy.getTls().getMode()
                            + " to " + host + " without caCertificates: the server's certificate is not verified",
                    "Set caCertificates (a CA file on the proxy), or credentialName (a Secret with the CA) "
                            + "together with a workloadSelector"));
        }
        var ports = policy.getPortLevelSettings();
        for (int i = 0; ports != null && i < ports.size(); i++) {
            if (unverified(ports.get(i).getTls(), selector)) {
                Long number = ports.get(i).getPort() == null ? null : ports.get(i).getPort().getNumber();
                findings.add(finding(IstioMessage.NO_SERVER_CERTIFICATE_VERIFICATION_PORT_LEVEL, Severity.WARNING,
                        rule, path + ".portLevelSettings[" + i + "].tls", "TLS mode " + ports.get(i).getTls()
                                .getMode() + " to " + host + " port " + number + " without caCertificates: the "
                                + "server's certificate is not verified",
                        "Set caCertificates in this port's tls (or credentialName with a workloadSelector)"));
            }
        }
    }

    private static boolean unverified(ClientTLSSettings tls, boolean workloadSelector) {
        if (tls == null) {
            return false;
        }
        ClientTLSSettingsTLSmode mode = tls.getMode();
        boolean originates = mode == ClientTLSSettingsTLSmode.SIMPLE || mode == ClientTLSSettingsTLSmode.MUTUAL;
        return originates && blank(tls.getCaCertificates()) && (blank(tls.getCredentialName()) || !workloadSelector);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
