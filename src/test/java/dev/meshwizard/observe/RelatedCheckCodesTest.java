package dev.meshwizard.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.mesh.analysis.Analyzer;
import dev.meshwizard.mesh.analysis.Check;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The checks that the access-log explanations point to are checks the mesh analysis runs. */
class RelatedCheckCodesTest {

    @Test
    void everyRelatedCheckNamesTheCodeOfAnAnalysisCheck() {
        var codes = Analyzer.defaultChecks().stream().map(Check::code).toList();

        assertThat(Arrays.stream(RelatedCheck.values()).map(RelatedCheck::code)).allSatisfy(code ->
                assertThat(codes).contains(code)).doesNotHaveDuplicates();
    }

    @Test
    void aNoRoutePointsToTheMissingGatewayAndNoClusterToTheDestinationPortCheck() {
        assertThat(ResponseFlag.of("NR").orElseThrow().relatedChecks()).extracting(RelatedCheck::code)
                .contains("MW0114", "MW0106", "MW0104");
        assertThat(ResponseFlag.of("NC").orElseThrow().relatedChecks()).extracting(RelatedCheck::code)
                .contains("MW0113", "MW0102");
    }

    @Test
    void aNoHealthyUpstreamPointsToTheSubsetWithoutPodsCheck() {
        assertThat(ResponseFlag.of("UH").orElseThrow().relatedChecks()).extracting(RelatedCheck::label)
                .contains("MW0103 A DestinationRule subset selects no pods");
    }
}
