package dev.meshwizard.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Ready-made settings for the gateway chart's Service, applied as edits of a {@link ValuesDocument} so that the
 * rest of the user's values file stays as written. Each preset sets the annotations it owns under
 * {@code service.annotations} (which the gateway chart puts on the Service) and removes the ones its options no
 * longer call for; annotations it does not own are left alone.
 */
public final class GatewayPresets {

    private static final String AWS = "service.beta.kubernetes.io/aws-load-balancer-";

    /** {@code external}: the AWS Load Balancer Controller, not the legacy in-tree controller, owns the Service. */
    public static final String TYPE = AWS + "type";
    /** {@code ip}: the load balancer sends traffic straight to pod IPs. */
    public static final String NLB_TARGET_TYPE = AWS + "nlb-target-type";
    /** {@code internet-facing} or {@code internal}. */
    public static final String SCHEME = AWS + "scheme";
    /** Load balancer attributes, {@code key=value} pairs joined by commas. */
    public static final String ATTRIBUTES = AWS + "attributes";
    /** Protocol from the load balancer to the pods. */
    public static final String BACKEND_PROTOCOL = AWS + "backend-protocol";
    /** Subnets of the load balancer, joined by commas. */
    public static final String SUBNETS = AWS + "subnets";
    /** Security groups of the load balancer, joined by commas. */
    public static final String SECURITY_GROUPS = AWS + "security-groups";
    /** ACM certificate ARN for TLS listeners. */
    public static final String SSL_CERT = AWS + "ssl-cert";
    /** Which listener ports use the certificate. */
    public static final String SSL_PORTS = AWS + "ssl-ports";
    /** TLS security policy of the listeners. */
    public static final String SSL_NEGOTIATION_POLICY = AWS + "ssl-negotiation-policy";
    /** {@code http} or {@code tcp}. */
    public static final String HEALTHCHECK_PROTOCOL = AWS + "healthcheck-protocol";
    /** A port number or {@code traffic-port}. */
    public static final String HEALTHCHECK_PORT = AWS + "healthcheck-port";
    /** The HTTP path of an HTTP health check. */
    public static final String HEALTHCHECK_PATH = AWS + "healthcheck-path";

    /** The load balancer attribute that turns on cross-zone load balancing. */
    public static final String CROSS_ZONE_ATTRIBUTE = "load_balancing.cross_zone.enabled";

    private static final String STATUS_PORT = "15021";
    private static final String READY_PATH = "/healthz/ready";
    private static final String TRAFFIC_PORT = "traffic-port";

    private GatewayPresets() {
    }

    /** The path of one Service annotation in the gateway chart's values. */
    public static ValuesPath annotation(String name) {
        return ValuesPath.of("service", "annotations", name);
    }

    /**
     * An internet-facing or internal AWS Network Load Balancer in front of the gateway, through the AWS Load
     * Balancer Controller, with IP targets, TCP to the pods, optional TLS termination and the chosen health
     * check. A {@code service.type} other than LoadBalancer is set back to LoadBalancer.
     */
    public static UnaryOperator<ValuesDocument> awsNlb(AwsNlbOptions options) {
        return doc -> {
            ValuesDocument d = doc;
            Optional<Object> type = d.get("service.type");
            if (type.isPresent() && !"LoadBalancer".equals(type.get())) {
                d = d.set("service.type", "LoadBalancer");
            }
            d = d.set(annotation(TYPE), "external")
                    .set(annotation(NLB_TARGET_TYPE), "ip")
                    .set(annotation(SCHEME), options.scheme().annotationValue());
            d = crossZone(d, options.crossZone());
            d = d.set(annotation(BACKEND_PROTOCOL), "tcp");
            d = setOrRemove(d, SUBNETS, String.join(",", options.subnets()));
            d = setOrRemove(d, SECURITY_GROUPS, String.join(",", options.securityGroups()));
            d = setOrRemove(d, SSL_CERT, options.tlsCertificateArn());
            d = setOrRemove(d, SSL_PORTS, options.terminatesTls() ? options.sslPorts() : "");
            d = setOrRemove(d, SSL_NEGOTIATION_POLICY, options.terminatesTls() ? options.sslNegotiationPolicy() : "");
            return healthCheck(options.healthCheck()).apply(d);
        };
    }

    /**
     * Switches the load balancer's health check. The annotations of the other choice are replaced or removed
     * ({@code healthcheck-path} goes when switching to TCP), so a document never holds both. See
     * {@link HealthCheck} for what each one checks.
     */
    public static UnaryOperator<ValuesDocument> healthCheck(HealthCheck check) {
        return doc -> switch (check) {
            case HTTP_STATUS_PORT -> doc.set(annotation(HEALTHCHECK_PROTOCOL), "http")
                    .set(annotation(HEALTHCHECK_PORT), STATUS_PORT)
                    .set(annotation(HEALTHCHECK_PATH), READY_PATH);
            case TCP_TRAFFIC_PORT -> doc.set(annotation(HEALTHCHECK_PROTOCOL), "tcp")
                    .set(annotation(HEALTHCHECK_PORT), TRAFFIC_PORT)
                    .remove(annotation(HEALTHCHECK_PATH));
        };
    }

    /** The health check the document's annotations describe, if they match one of the two choices exactly. */
    public static Optional<HealthCheck> current(ValuesDocument doc) {
        String protocol = annotationValue(doc, HEALTHCHECK_PROTOCOL).toLowerCase(Locale.ROOT);
        String port = annotationValue(doc, HEALTHCHECK_PORT);
        String path = annotationValue(doc, HEALTHCHECK_PATH);
        if (protocol.equals("http") && port.equals(STATUS_PORT) && path.equals(READY_PATH)) {
            return Optional.of(HealthCheck.HTTP_STATUS_PORT);
        }
        if (protocol.equals("tcp") && (port.equals(TRAFFIC_PORT) || port.isEmpty()) && path.isEmpty()) {
            return Optional.of(HealthCheck.TCP_TRAFFIC_PORT);
        }
        return Optional.empty();
    }

    /**
     * The NLB options the document's annotations describe, for filling a form; empty unless the document asks
     * for an NLB through the AWS Load Balancer Controller ({@code type: external}). A health check that matches
     * neither choice reads as {@link HealthCheck#HTTP_STATUS_PORT}.
     */
    public static Optional<AwsNlbOptions> currentAwsNlb(ValuesDocument doc) {
        if (!annotationValue(doc, TYPE).equals("external")) {
            return Optional.empty();
        }
        AwsNlbOptions.Scheme scheme = annotationValue(doc, SCHEME).equals("internet-facing")
                ? AwsNlbOptions.Scheme.INTERNET_FACING : AwsNlbOptions.Scheme.INTERNAL;
        boolean crossZone = attributes(doc).contains(CROSS_ZONE_ATTRIBUTE + "=true");
        return Optional.of(new AwsNlbOptions(scheme, crossZone, list(annotationValue(doc, SUBNETS)),
                list(annotationValue(doc, SECURITY_GROUPS)), annotationValue(doc, SSL_CERT),
                annotationValue(doc, SSL_PORTS), annotationValue(doc, SSL_NEGOTIATION_POLICY),
                current(doc).orElse(HealthCheck.HTTP_STATUS_PORT)));
    }

    private static ValuesDocument crossZone(ValuesDocument doc, boolean enabled) {
        List<String> attributes = new ArrayList<>(attributes(doc));
        attributes.removeIf(a -> a.startsWith(CROSS_ZONE_ATTRIBUTE + "="));
        if (enabled) {
            attributes.add(CROSS_ZONE_ATTRIBUTE + "=true");
        }
        return setOrRemove(doc, ATTRIBUTES, String.join(",", attributes));
    }

    private static List<String> attributes(ValuesDocument doc) {
        return list(annotationValue(doc, ATTRIBUTES));
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static ValuesDocument setOrRemove(ValuesDocument doc, String name, String value) {
        return value == null || value.isBlank() ? doc.remove(annotation(name)) : doc.set(annotation(name), value);
    }

    private static String annotationValue(ValuesDocument doc, String name) {
        return doc.get(annotation(name)).map(String::valueOf).map(String::trim).orElse("");
    }
}
