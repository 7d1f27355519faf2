package dev.meshwizard.mesh.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

    @Test
    void everyCheckHasItsOwnCodeInOrderFromMw0101() {
        List<String> codes = new Analyzer().checks().stream().map(Check::code).toList();

        assertThat(codes).doesNotHaveDuplicates().hasSize(24).isSorted().first().isEqualTo("MW0101");
        assertThat(codes).allMatch(code -> code.matches("MW01\\d\\d"));
    }

    @Test
    void aFindingReadsAsOneLineWithSeverityCodeIstioctlCodeObjectPathAndMessage() {
        Finding finding = new Finding("MW0101", Severity.ERROR, new ObjectRef("VirtualService", "default",
                "bookinfo"), "spec.http[0].route[0].destination.host", "host \"x\" names no Service", "Create it");

        assertThat(finding.summary()).isEqualTo("Error [MW0101] (VirtualService bookinfo.default) "
                + "spec.http[0].route[0].destination.host: host \"x\" names no Service");
        assertThat(new Finding("MW0102", IstioMessage.REFERENCED_RESOURCE_NOT_FOUND, Severity.ERROR,
                new ObjectRef("VirtualService", "default", "reviews"), "spec.http[0]", "m", "").summary())
                .isEqualTo("Error [MW0102] [IST0101 ReferencedResourceNotFound] (VirtualService reviews.default) "
                        + "spec.http[0]: m");
        assertThat(new Finding("MW0112", Severity.WARNING, new ObjectRef("Namespace", "", "default"), "",
                "both", "").summary()).isEqualTo("Warning [MW0112] (Namespace default) both");
    }

    @Test
    void routingObjectsOfOlderApiVersionsAreAnalysedAsV1() {
        MeshSnapshot snapshot = MeshSnapshot.offline(MeshFixtures.yaml("""
                apiVersion: networking.istio.io/v1alpha3
                kind: VirtualService
                metadata: {name: reviews}
                spec:
                  hosts: [reviews]
                  http:
                  - route:
                    - destination: {host: reviews, subset: v1}
                """));

        List<Finding> findings = new Analyzer().analyze(snapshot);

        assertThat(snapshot.virtualServices()).hasSize(1);
        assertThat(findings).extracting(Finding::code).containsExactly("MW0101", "MW0102");
        assertThat(Analyzer.hasErrors(findings)).isTrue();
    }
}
