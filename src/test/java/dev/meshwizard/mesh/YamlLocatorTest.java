package dev.meshwizard.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlLocatorTest {

    private static final String VIRTUAL_SERVICE = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts:
              - reviews
              http:
              - route:
                - destination:
                    host: reviews
                    subset: v1
                  weight: 50
                - destination:
                    host: reviews
                  weight: 40
            """;

    @Test
    void aFieldsLineIsTheLineOfItsKey() {
        assertThat(YamlLocator.line(VIRTUAL_SERVICE, "spec.http[0].route[1].destination.host")).isEqualTo(15);
        assertThat(YamlLocator.line(VIRTUAL_SERVICE, "spec.http[0].route[0].destination.subset")).isEqualTo(12);
    }

    @Test
    void aListItemsLineIsWhereTheItemStarts() {
        assertThat(YamlLocator.line(VIRTUAL_SERVICE, "spec.hosts[0]")).isEqualTo(7);
        assertThat(YamlLocator.line(VIRTUAL_SERVICE, "spec.http[0].route[1]")).isEqualTo(14);
    }

    @Test
    void aMissingFieldGivesTheLineOfItsNearestExistingParent() {
        assertThat(YamlLocator.line(VIRTUAL_SERVICE, "spec.http[0].route[1].destination.subset")).isEqualTo(14);
        assertThat(YamlLocator.line(VIRTUAL_SERVICE, "spec.gateways[0]")).isEqualTo(5);
        assertThat(YamlLocator.line(VIRTUAL_SERVICE, "spec.http[3]")).isEqualTo(8);
    }

    @Test
    void theEmptyPathIsTheObjectsFirstLineAndTextWithoutYamlGivesZero() {
        assertThat(YamlLocator.line("# comment\nkind: Service\n", "")).isEqualTo(2);
        assertThat(YamlLocator.line("", "spec")).isZero();
        assertThat(YamlLocator.line("a: [b\n", "a")).isZero();
    }
}
