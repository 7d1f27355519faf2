package dev.meshwizard.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The path-routing template, checked on the YAML it writes. */
class PathRoutingTest {

    private static final List<PathRoute> PATHS = List.of(new PathRoute("/storage", "storage-svc", 10011),
            new PathRoute("/iam", "iam-svc", 10012));

    @Test
    void byDefaultEachPrefixGoesToItsServiceWithThePathAsSent() {
        RoutingDocument api = RoutingDocuments.pathRouting("api", "platform", "api.example.com",
                "istio-system/public-gateway", PATHS, PathRouting.Rewrite.KEEP_PATH);

        assertThat(api.yaml()).contains("""
                  gateways:
                  - istio-system/public-gateway
                  hosts:
                  - api.example.com
                  http:
                  - match:
                    - uri:
                        prefix: /storage
                    name: storage-svc
                    route:
                    - destination:
                        host: storage-svc
                        port:
                          number: 10011
                  - match:
                    - uri:
                        prefix: /iam
                    name: iam-svc
                """).doesNotContain("rewrite");
    }

    @Test
    void strippingThePrefixMatchesItWithTrailingSlashAndExactlyAndRewritesBothToTheRoot() {
        // Given /storage/v2/buckets must reach storage-svc as /v2/buckets, and /storage as /
        RoutingDocument api = RoutingDocuments.pathRouting("api", "platform", "api.example.com", "public-gateway",
                List.of(new PathRoute("/storage/", "storage-svc", 10011)), PathRouting.Rewrite.STRIP_PREFIX);

        // Then the matched part is /storage/ (so nothing is left to make //v2) or exactly /storage
        assertThat(api.yaml()).contains("""
                  - match:
                    - uri:
                        prefix: /storage/
                    - uri:
                        exact: /storage
                    name: storage-svc
                    rewrite:
                      uri: /
                """);
    }

    @Test
    void strippingTheRootPrefixLeavesThePathAlone() {
        RoutingDocument all = RoutingDocuments.pathRouting("all", "platform", "*", "public-gateway",
                List.of(new PathRoute("/", "web", 80)), PathRouting.Rewrite.STRIP_PREFIX);

        assertThat(all.yaml()).contains("prefix: /\n").doesNotContain("rewrite").doesNotContain("exact");
    }

    @Test
    void aPrefixWithoutLeadingSlashOrAPortOutOfRangeIsRejected() {
        assertThatThrownBy(() -> new PathRoute("storage", "storage-svc", 10011))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts with /");
        assertThatThrownBy(() -> new PathRoute("/storage", "storage-svc", 70000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
    }
}
