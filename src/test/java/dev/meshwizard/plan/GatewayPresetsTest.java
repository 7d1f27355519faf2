package dev.meshwizard.plan;

import static dev.meshwizard.plan.GatewayPresets.annotation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayPresetsTest {

    private static final String AWS = "service.beta.kubernetes.io/aws-load-balancer-";

    private static final String VALUES = """
            # Gateway for the shop
            service:
              type: LoadBalancer
              annotations:
                example.com/owner: shop   # ours, not the preset's
            labels:
              team: shop
            """;

    @Test
    void theAwsNlbPresetSetsTheControllersAnnotationsAndKeepsTheUsersOwn() {
        // Given
        ValuesDocument doc = ValuesDocument.parse(VALUES);
        AwsNlbOptions options = AwsNlbOptions.defaults().withScheme(AwsNlbOptions.Scheme.INTERNAL)
                .withTls("arn:aws:acm:eu-west-1:123456789012:certificate/abcd", "443",
                        "ELBSecurityPolicy-TLS13-1-2-2021-06");
        options = new AwsNlbOptions(options.scheme(), true, List.of("subnet-a", "subnet-b"), List.of("sg-1"),
                options.tlsCertificateArn(), options.sslPorts(), options.sslNegotiationPolicy(),
                HealthCheck.HTTP_STATUS_PORT);

        // When
        ValuesDocument edited = GatewayPresets.awsNlb(options).apply(doc);

        // Then
        assertThat(edited.get("service.annotations")).contains(Map.ofEntries(
                Map.entry("example.com/owner", "shop"),
                Map.entry(AWS + "type", "external"),
                Map.entry(AWS + "nlb-target-type", "ip"),
                Map.entry(AWS + "scheme", "internal"),
                Map.entry(AWS + "attributes", "load_balancing.cross_zone.enabled=true"),
                Map.entry(AWS + "backend-protocol", "tcp"),
                Map.entry(AWS + "subnets", "subnet-a,subnet-b"),
                Map.entry(AWS + "security-groups", "sg-1"),
                Map.entry(AWS + "ssl-cert", "arn:aws:acm:eu-west-1:123456789012:certificate/abcd"),
                Map.entry(AWS + "ssl-ports", "443"),
                Map.entry(AWS + "ssl-negotiation-policy", "ELBSecurityPolicy-TLS13-1-2-2021-06"),
                Map.entry(AWS + "healthcheck-protocol", "http"),
                Map.entry(AWS + "healthcheck-port", "15021"),
                Map.entry(AWS + "healthcheck-path", "/healthz/ready")));
        assertThat(edited.text()).startsWith("# Gateway for the shop\nservice:\n  type: LoadBalancer\n"
                + "  annotations:\n    example.com/owner: shop   # ours, not the preset's\n    " + AWS + "type:")
                .contains("    " + AWS + "healthcheck-port: \"15021\"\n")
                .endsWith("labels:\n  team: shop\n");
        assertThat(GatewayPresets.currentAwsNlb(edited)).contains(options);
    }

    @Test
    void switchingTheHealthCheckToTcpReplacesTheHttpAnnotationsAndRemovesThePath() {
        // Given
        ValuesDocument http = GatewayPresets.awsNlb(AwsNlbOptions.defaults()).apply(ValuesDocument.parse(VALUES));

        // When
        ValuesDocument tcp = GatewayPresets.healthCheck(HealthCheck.TCP_TRAFFIC_PORT).apply(http);

        // Then
        assertThat(tcp.get(annotation(AWS + "healthcheck-protocol"))).contains("tcp");
        assertThat(tcp.get(annotation(AWS + "healthcheck-port"))).contains("traffic-port");
        assertThat(tcp.contains("service.annotations.\"" + AWS + "healthcheck-path\"")).isFalse();
        assertThat(GatewayPresets.current(tcp)).contains(HealthCheck.TCP_TRAFFIC_PORT);
        assertThat(occurrences(tcp.text(), "healthcheck-")).isEqualTo(2);
        assertThat(tcp.text()).isEqualTo(http.text()
                .replace("healthcheck-protocol: http\n", "healthcheck-protocol: tcp\n")
                .replace("healthcheck-port: \"15021\"\n", "healthcheck-port: traffic-port\n")
                .replace("    " + AWS + "healthcheck-path: /healthz/ready\n", ""));
    }

    @Test
    void switchingBackAndForthNeverLeavesDuplicatesAndEndsWhereItStarted() {
        // Given
        ValuesDocument http = GatewayPresets.awsNlb(AwsNlbOptions.defaults()).apply(ValuesDocument.parse(VALUES));

        // When
        ValuesDocument doc = http;
        for (int i = 0; i < 3; i++) {
            doc = GatewayPresets.healthCheck(HealthCheck.TCP_TRAFFIC_PORT).apply(doc);
            doc = GatewayPresets.healthCheck(HealthCheck.HTTP_STATUS_PORT).apply(doc);
        }

        // Then
        assertThat(ValuesDocument.parse(doc.text()).text()).isEqualTo(doc.text());
        assertThat(occurrences(doc.text(), "healthcheck-protocol")).isEqualTo(1);
        assertThat(occurrences(doc.text(), "healthcheck-port")).isEqualTo(1);
        assertThat(occurrences(doc.text(), "healthcheck-path")).isEqualTo(1);
        assertThat(GatewayPresets.current(doc)).contains(HealthCheck.HTTP_STATUS_PORT);
        assertThat(doc.get("service.annotations")).isEqualTo(http.get("service.annotations"));
    }

    @Test
    void applyingThePresetTwiceChangesNothingTheSecondTime() {
        // Given
        ValuesDocument once = GatewayPresets.awsNlb(AwsNlbOptions.defaults()).apply(ValuesDocument.parse(VALUES));

        // When
        ValuesDocument twice = GatewayPresets.awsNlb(AwsNlbOptions.defaults()).apply(once);

        // Then
        assertThat(twice.text()).isEqualTo(once.text());
    }

    @Test
    void optionsTurnedOffRemoveTheirAnnotationsAndKeepOtherAttributes() {
        // Given
        AwsNlbOptions full = new AwsNlbOptions(AwsNlbOptions.Scheme.INTERNET_FACING, true, List.of("subnet-a"),
                List.of("sg-1"), "arn:aws:acm:us-east-1:1:certificate/x", "443", "", HealthCheck.HTTP_STATUS_PORT);
        ValuesDocument doc = GatewayPresets.awsNlb(full).apply(ValuesDocument.parse(VALUES))
                .set(annotation(AWS + "attributes"), "deletion_protection.enabled=true,"
                        + "load_balancing.cross_zone.enabled=true");

        // When
        AwsNlbOptions fewer = new AwsNlbOptions(AwsNlbOptions.Scheme.INTERNET_FACING, false, List.of(), List.of(),
                "", "443", "", HealthCheck.TCP_TRAFFIC_PORT);
        ValuesDocument edited = GatewayPresets.awsNlb(fewer).apply(doc);

        // Then
        assertThat(edited.get(annotation(AWS + "attributes"))).contains("deletion_protection.enabled=true");
        assertThat(edited.text()).doesNotContain("subnets", "security-groups", "ssl-", "healthcheck-path");
        assertThat(GatewayPresets.currentAwsNlb(edited)).contains(fewer);
    }

    @Test
    void thePresetWorksOnTheDefaultIngressValuesWhoseAnnotationsAreOnlyCommentedOut() {
        // Given
        String start = Plans.defaultValues(Component.GATEWAY, "istio-ingressgateway");

        // When
        ValuesDocument edited = GatewayPresets.awsNlb(AwsNlbOptions.defaults()).apply(ValuesDocument.parse(start));

        // Then
        assertThat(edited.text()).startsWith(start.substring(0, start.indexOf("  # Annotations")));
        assertThat(edited.text()).contains(start.substring(start.indexOf("  # Annotations")));
        assertThat(GatewayPresets.current(edited)).contains(HealthCheck.HTTP_STATUS_PORT);
        assertThat(new ValuesValidator().validate(Component.GATEWAY, edited.text(), Profile.DEFAULT)).isEmpty();
    }

    @Test
    void aHealthCheckThatMatchesNeitherChoiceIsNotCurrent() {
        // Given
        ValuesDocument doc = ValuesDocument.parse("service:\n  annotations:\n    " + AWS
                + "healthcheck-protocol: http\n    " + AWS + "healthcheck-port: \"8080\"\n");

        // Then
        assertThat(GatewayPresets.current(doc)).isEmpty();
        assertThat(GatewayPresets.current(ValuesDocument.empty())).isEmpty();
    }

    @Test
    void eachHealthCheckExplainsWhatItChecks() {
        assertThat(HealthCheck.HTTP_STATUS_PORT.description()).contains("15021", "/healthz/ready",
                "not the services behind it");
        assertThat(HealthCheck.TCP_TRAFFIC_PORT.description()).contains("each listener's own port");
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
