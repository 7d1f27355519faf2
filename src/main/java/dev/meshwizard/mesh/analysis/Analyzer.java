package dev.meshwizard.mesh.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the checks over a snapshot of the mesh's configuration, one check a class, each finding with its check's
 * code, the object and the field at fault, a message and a fix. Pure: the caller gathers the snapshot.
 */
public final class Analyzer {

    private final List<Check> checks;

    /** An analyzer with every check. */
    public Analyzer() {
        this(defaultChecks());
    }

    public Analyzer(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Every check, in code order (MW0101 first). */
    public static List<Check> defaultChecks() {
        return List.of(new DestinationHostCheck(), new SubsetDefinedCheck(), new SubsetPodsCheck(),
                new GatewaySelectorCheck(), new GatewayPortCheck(), new GatewayHostCheck(), new RouteWeightCheck(),
                new ShadowedRouteCheck(), new PortNamingCheck(), new NamespaceInjectionCheck(), new SidecarCheck(),
                new InjectionLabelsCheck(), new DestinationPortCheck(), new GatewayReferenceCheck(),
                new DuplicateMatchCheck(), new ConflictingMeshHostsCheck(), new DestinationRuleTlsCheck(),
                new GatewayCredentialCheck(), new GatewayTlsCheck(), new DuplicateCertificateCheck(),
                new ConflictingGatewaysCheck(), new JwtClaimRouteCheck(), new ProxyImageCheck(), new ImageAutoCheck());
    }

    public List<Check> checks() {
        return checks;
    }

    /** The findings of every check, check by check, in the snapshot's object order within a check. */
    public List<Finding> analyze(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (Check check : checks) {
            findings.addAll(check.run(snapshot));
        }
        return findings;
    }

    /** Whether any finding is an error. */
    public static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
