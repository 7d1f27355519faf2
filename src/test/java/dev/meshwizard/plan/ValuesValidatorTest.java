package dev.meshwizard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.plan.ValuesProblem.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesValidatorTest {

    private final ValuesValidator validator = new ValuesValidator();

    @Test
    void aSyntaxErrorIsTheOnlyProblemAndNamesLineAndColumn() {
        // When
        List<ValuesProblem> problems = validator.validate(Component.ISTIOD, "pilot:\n  a: [1, 2\nb: 3\n",
                Profile.DEFAULT);

        // Then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(2);
            assertThat(p.message()).startsWith("YAML syntax error at line 3, column 2");
            assertThat(p.fix()).contains("line 3");
        });
    }

    @Test
    void everyKeySetTwiceIsReportedWithBothLines() {
        // Given
        String text = """
                pilot:
                  traceSampling: 1.0
                  traceSampling: 5.0
                meshConfig: {}
                meshConfig:
                  accessLogFile: /dev/stdout
                """;

        // When
        List<ValuesProblem> problems = validator.validate(Component.ISTIOD, text, Profile.DEFAULT);

        // Then
        assertThat(problems).extracting(ValuesProblem::message).containsExactly(
                "pilot.traceSampling set twice: lines 2 and 3",
                "meshConfig set twice: lines 4 and 5");
        assertThat(problems).extracting(ValuesProblem::line).containsExactly(3, 5);
    }

    @Test
    void keysUnderTheInternalDefaultsKeyAreRejectedWithTheKeyToSetInstead() {
        // Given
        String text = """
                # copied from the chart's values.yaml
                _internal_defaults_do_not_set:
                  pilot:
                    traceSampling: 1.0
                  meshConfig:
                    accessLogFile: /dev/stdout
                """;

        // When
        List<ValuesProblem> problems = validator.validate(Component.ISTIOD, text, Profile.DEFAULT);

        // Then
        assertThat(problems).extracting(ValuesProblem::path).containsExactly(
                "_internal_defaults_do_not_set.pilot.traceSampling",
                "_internal_defaults_do_not_set.meshConfig.accessLogFile");
        assertThat(problems.get(0).fix()).isEqualTo("Set pilot.traceSampling instead.");
        assertThat(problems.get(0).line()).isEqualTo(4);
        assertThat(problems.get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void anUnknownProfileIsAnErrorThatNamesTheProfilesHelmKnows() {
        // When
        List<ValuesProblem> problems = validator.validate(Component.ISTIOD, "global:\n  profile: sidecarless\n",
                Profile.DEFAULT);

        // Then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.path()).isEqualTo("global.profile");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("\"sidecarless\"").contains("unknown profile")
                    .contains("ambient, demo, preview, remote, stable");
        });
    }

    @Test
    void anIstioctlOnlyProfileIsAnErrorThatExplainsHelmHasNoSuchProfile() {
        // When
        List<ValuesProblem> problems = validator.validate(Component.ISTIOD, "profile: default\n", Profile.DEFAULT);

        // Then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("profile");
            assertThat(p.fix()).startsWith("default is an istioctl profile").endsWith("Remove profile.");
        });
    }

    @Test
    void aKnownProfileThatDiffersFromThePlansIsAWarning() {
        // When
        List<ValuesProblem> problems = validator.validate(Component.ZTUNNEL, "profile: demo\n", Profile.AMBIENT);

        // Then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("profile demo").contains("plan's profile is ambient");
        });
        assertThat(validator.validate(Component.ZTUNNEL, "profile: ambient\n", Profile.AMBIENT)).isEmpty();
    }

    @Test
    void gatewayAnnotationsThatAreNotStringsAreErrors() {
        // Given
        String text = """
                service:
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-port: 15021
                    example.com/ok: "15021"
                """;

        // When
        List<ValuesProblem> problems = validator.validate(Component.GATEWAY, text, Profile.DEFAULT);

        // Then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.fix()).isEqualTo("Write \"15021\".");
        });
    }

    @Test
    void anEmptyOrCommentOnlyFileHasNoProblems() {
        assertThat(validator.validate(Component.BASE, "", Profile.DEFAULT)).isEmpty();
        assertThat(validator.validate(Component.BASE, "# nothing yet\n", Profile.DEFAULT)).isEmpty();
    }

    @Test
    void aListAtTheTopIsNotAValuesFile() {
        assertThat(validator.validate(Component.BASE, "- a\n- b\n", Profile.DEFAULT)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must be a mapping"));
    }

    @Test
    void aTextOverTheYamlSizeLimitSaysSoInsteadOfASyntaxErrorAtZero() {
        List<ValuesProblem> problems = validator.validate(Component.ISTIOD, "# " + "x".repeat(YamlText.MAX_CHARACTERS),
                Profile.DEFAULT);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("The values text is too large:").contains("3 MiB")
                    .doesNotContain("syntax");
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void theChartsSchemaIsCheckedOnceTheTextHasNoOtherError() throws java.io.IOException {
        ValuesSchema schema = ValuesSchema.parse(java.nio.file.Files.readString(
                java.nio.file.Path.of("src/test/resources/charts/gateway/values.schema.json")));

        assertThat(validator.validate(Component.GATEWAY, "replicaCount: many\n", Profile.DEFAULT, schema))
                .singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("replicaCount"));
        assertThat(validator.validate(Component.GATEWAY, "replicaCount: many\nkind: a\nkind: b\n", Profile.DEFAULT,
                schema)).singleElement().satisfies(p -> assertThat(p.message()).contains("kind"));
    }
}
