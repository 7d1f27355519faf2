package dev.meshwizard.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A values file checked against the test gateway chart's own values.schema.json (Istio's layout). */
class ValuesSchemaTest {

    private static ValuesSchema gateway;

    @BeforeAll
    static void gatewaySchema() throws IOException {
        gateway = ValuesSchema.parse(Files.readString(Path.of("src/test/resources/charts/gateway/values.schema.json")));
    }

    @Test
    void anUnknownKeyIsReportedAtItsLineAndColumnWithItsPath() {
        List<ValuesProblem> problems = gateway.check("""
                service:
                  type: LoadBalancer
                replicaCont: 2
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.path()).isEqualTo("replicaCont");
            assertThat(p.message()).isEqualTo("replicaCont is not a value the chart's values.schema.json allows");
        });
    }

    @Test
    void aValueOfTheWrongTypeIsReportedAtItsKey() {
        List<ValuesProblem> problems = gateway.check("""
                # replicas
                replicaCount: "abc"
                service:
                  ports:
                  - name: http2
                    port: eighty
                """);

        assertThat(problems).extracting(ValuesProblem::line, ValuesProblem::column, ValuesProblem::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 1, "replicaCount"),
                        org.assertj.core.groups.Tuple.tuple(6, 5, "service.ports[0].port"));
        assertThat(problems.get(0).message()).startsWith("replicaCount: ").contains("string")
                .contains("integer");
    }

    @Test
    void valuesTheSchemaAllowsAndNullsThatUnsetADefaultPass() {
        assertThat(gateway.check("""
                replicaCount: 2
                service:
                  type: NodePort
                  annotations: ~
                autoscaling: ~
                """)).isEmpty();
        assertThat(gateway.check("# nothing set\n")).isEmpty();
    }

    @Test
    void aSchemaThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> ValuesSchema.parse("{ not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("values.schema.json is not JSON");
    }
}
