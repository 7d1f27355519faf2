package dev.meshwizard.plan;

import java.util.List;
import java.util.Objects;

/**
 * What the AWS Network Load Balancer preset of the gateway Service asks for. The AWS Load Balancer Controller reads
 * these as Service annotations.
 *
 * @param scheme               reachable from the internet or only inside the VPC
 * @param crossZone            spread each client's connections over targets in every zone
 * @param subnets              subnet IDs or names for the load balancer; empty lets the controller discover them
 * @param securityGroups       security group IDs for the load balancer; empty lets the controller create one
 * @param tlsCertificateArn    ACM certificate ARN to terminate TLS on the load balancer; "" for none
 * @param sslPorts             the listener ports that use the certificate, e.g. {@code 443}
 * @param sslNegotiationPolicy TLS policy name, e.g. {@code ELBSecurityPolicy-TLS13-1-2-2021-06}; "" for the default
 * @param healthCheck          how the load balancer checks gateway pods
 */
public record AwsNlbOptions(Scheme scheme, boolean crossZone, List<String> subnets, List<String> securityGroups,
                            String tlsCertificateArn, String sslPorts, String sslNegotiationPolicy,
                            HealthCheck healthCheck) {

    /** Who can reach the load balancer. */
    public enum Scheme {
        INTERNET_FACING("internet-facing"), INTERNAL("internal");

        private final String annotationValue;

        Scheme(String annotationValue) {
            this.annotationValue = annotationValue;
        }

        /** The value of the {@code aws-load-balancer-scheme} annotation. */
        public String annotationValue() {
            return annotationValue;
        }
    }

    public AwsNlbOptions {
        Objects.requireNonNull(scheme, "scheme");
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
        tlsCertificateArn = tlsCertificateArn == null ? "" : tlsCertificateArn.trim();
        sslPorts = sslPorts == null || sslPorts.isBlank() ? "443" : sslPorts.trim();
        sslNegotiationPolicy = sslNegotiationPolicy == null ? "" : sslNegotiationPolicy.trim();
        Objects.requireNonNull(healthCheck, "healthCheck");
    }

    /** Internet-facing, cross-zone, discovered subnets, no TLS, HTTP check of the status port. */
    public static AwsNlbOptions defaults() {
        return new AwsNlbOptions(Scheme.INTERNET_FACING, true, List.of(), List.of(), "", "443", "",
                HealthCheck.HTTP_STATUS_PORT);
    }

    /** Whether the load balancer terminates TLS with a certificate. */
    public boolean terminatesTls() {
        return !tlsCertificateArn.isEmpty();
    }

    /** These options with another scheme. */
    public AwsNlbOptions withScheme(Scheme newScheme) {
        return new AwsNlbOptions(newScheme, crossZone, subnets, securityGroups, tlsCertificateArn, sslPorts,
                sslNegotiationPolicy, healthCheck);
    }

    /** These options with another health check. */
    public AwsNlbOptions withHealthCheck(HealthCheck newCheck) {
        return new AwsNlbOptions(scheme, crossZone, subnets, securityGroups, tlsCertificateArn, sslPorts,
                sslNegotiationPolicy, newCheck);
    }

    /** These options with TLS terminated by a certificate ("" for none) on the given listener ports. */
    public AwsNlbOptions withTls(String certificateArn, String ports, String negotiationPolicy) {
        return new AwsNlbOptions(scheme, crossZone, subnets, securityGroups, certificateArn, ports,
                negotiationPolicy, healthCheck);
    }
}
