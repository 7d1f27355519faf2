package dev.meshwizard.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import dev.meshwizard.plan.Component;
import dev.meshwizard.testing.TestCharts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What real Helm does with a values key written twice, as the README states it: it keeps the last one and says
 * nothing. This is why Mesh Wizard rejects duplicates before Helm sees them.
 */
class HelmDuplicateKeysTest {

    private static final String AWS = "service.beta.kubernetes.io/aws-load-balancer-";

    @TempDir
    Path temp;

    @Test
    void helmKeepsTheLastOfTwoEqualKeysSilentlyMixingTwoHealthChecks() throws Exception {
        // Given both health-check sets of the AWS NLB example in one annotations block
        Path values = Files.writeString(temp.resolve("gateway.yaml"), """
                service:
                  annotations:
                    %1$shealthcheck-protocol: http
                    %1$shealthcheck-port: "15021"
                    %1$shealthcheck-path: /healthz/ready
                    %1$shealthcheck-protocol: tcp
                    %1$shealthcheck-port: traffic-port
                """.formatted(AWS));

        // When Helm itself renders the gateway chart with it
        String manifest = Helm.template(TestCharts.chart(Component.GATEWAY).toString()).withName("gw")
                .withValuesFile(values).call();

        // Then there is no error: protocol and port come from the second set, the path from the first
        assertThat(manifest).contains(AWS + "healthcheck-protocol: tcp")
                .contains(AWS + "healthcheck-port: traffic-port")
                .contains(AWS + "healthcheck-path: /healthz/ready")
                .doesNotContain("healthcheck-protocol: http");
    }
}
