package dev.meshwizard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeNamesTest {

    @Test
    void aRevisionWithDotsCapitalsOrPunctuationIsRefusedWithALabelSuggestion() {
        assertThat(KubeNames.revisionProblem("1.30.3_Bad!")).get().asString()
                .startsWith("revision \"1.30.3_Bad!\" is not a DNS-1123 label")
                .endsWith("(e.g. 1-30-3-bad)");
    }

    @Test
    void aRevisionLongerThanIstiodsNameAllowsIsRefusedWithTheLimit() {
        assertThat(KubeNames.revisionProblem("a".repeat(57))).get().asString()
                .contains("57 characters; at most 56");
        assertThat(KubeNames.revisionProblem("a".repeat(56))).isEmpty();
    }

    @Test
    void noRevisionAndACanaryRevisionAreFine() {
        assertThat(KubeNames.revisionProblem("")).isEmpty();
        assertThat(KubeNames.revisionProblem("1-30-3")).isEmpty();
    }

    @Test
    void namespacesAreLabelsAndReleaseNamesAreSubdomainsOfAtMost53Characters() {
        assertThat(KubeNames.namespaceProblem("istio-system")).isEmpty();
        assertThat(KubeNames.namespaceProblem("Istio_System")).get().asString()
                .startsWith("namespace \"Istio_System\" is not a DNS-1123 label");
        assertThat(KubeNames.namespaceProblem("a.b")).isPresent();
        assertThat(KubeNames.namespaceProblem("")).get().asString().contains("is empty");
        assertThat(KubeNames.releaseNameProblem("istio.ingress")).isEmpty();
        assertThat(KubeNames.releaseNameProblem("-gateway")).isPresent();
        assertThat(KubeNames.releaseNameProblem("g".repeat(54))).get().asString().contains("at most 53");
        assertThat(KubeNames.subdomainProblem("a.b-c.d")).isEmpty();
        assertThat(KubeNames.labelProblem("x".repeat(64))).get().asString().contains("at most 63");
    }

    @Test
    void aControlCharacterInANameMakesItInvalid() {
        // the message quotes the name as given: the command line's writer escapes it for the terminal
        assertThat(KubeNames.namespaceProblem("ns\u001b[2J")).get().asString()
                .startsWith("namespace \"ns\u001b[2J\" is not a DNS-1123 label");
    }

    @Test
    void aPlanListsEveryBadNameAndAnUnknownPlatform() {
        // Given
        InstallPlan plan = Plans.forProfile(Profile.MINIMAL, ChartSourceSpec.istioRelease(Path.of("istio-1.30.3")),
                "");
        ChartRelease base = plan.releases().get(0);
        plan = new InstallPlan("minimal", "gke2", "", "", plan.source(), List.of(
                new ChartRelease("Istio_Base", base.namespace(), base.component(), "", List.of()),
                new ChartRelease("istiod", "istio system", Component.ISTIOD, "", List.of())));

        // When
        List<String> problems = Plans.problems(plan);

        // Then
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("platform \"gke2\" is not one the charts know; use one of gke, k3d");
        assertThat(problems.get(1)).startsWith("release name \"Istio_Base\"");
        assertThat(problems.get(2)).startsWith("namespace \"istio system\"").endsWith("(release istiod)");
    }
}
