package dev.meshwizard.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesPathTest {

    @Test
    void readsKeysIndexesAndQuotedKeysWithDots() {
        // When
        ValuesPath path = ValuesPath.parse("service.annotations.\"service.beta.kubernetes.io/aws-load-balancer-type\"");
        ValuesPath port = ValuesPath.parse("service.ports[1].targetPort");

        // Then
        assertThat(path.segments()).containsExactly("service", "annotations",
                "service.beta.kubernetes.io/aws-load-balancer-type");
        assertThat(port.segments()).containsExactly("service", "ports", 1, "targetPort");
    }

    @Test
    void writesAPathTheWayItIsRead() {
        // Given
        ValuesPath path = ValuesPath.of("service", "annotations", "example.com/a b").index(0).child("x");

        // Then
        assertThat(path).hasToString("service.annotations.\"example.com/a b\"[0].x");
        assertThat(ValuesPath.parse(path.toString())).isEqualTo(path);
        assertThat(path.parent().last()).isEqualTo(0);
        assertThat(path.startsWith(ValuesPath.of("service"))).isTrue();
        assertThat(path.tail(3)).isEqualTo(new ValuesPath(List.of(0, "x")));
    }

    @Test
    void refusesTextThatIsNotAPath() {
        for (String bad : List.of("a..b", "a.", "a[x]", "a[1", "\"open", ".a")) {
            assertThatThrownBy(() -> ValuesPath.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not a values path: " + bad + " (");
        }
    }
}
