package dev.meshwizard.ui.values;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.job.SameThreadJobRunner;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.ui.state.PlanModel;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The values step against the real Helm engine and the project's Istio-shaped test charts. */
class ValuesStepViewModelTest {

    @TempDir
    Path dir;
    private PlanModel planModel;
    private ValuesStepViewModel model;

    @BeforeEach
    void plan() {
        SameThreadJobRunner jobs = new SameThreadJobRunner();
        planModel = new PlanModel(jobs);
        planModel.publish(Plans.forProfile(Profile.DEMO, ChartSourceSpec.istioRelease(
                TestCharts.istioReleaseFolder(dir)), TestCharts.VERSION));
        model = new ValuesStepViewModel(jobs, planModel, new Renderer());
    }

    private ReleaseValuesViewModel release(String name) {
        return model.releases().stream().filter(r -> r.releaseName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void thereIsOneTabPerReleaseOfThePlanInInstallOrder() {
        assertThat(model.releases()).extracting(ReleaseValuesViewModel::releaseName)
                .containsExactly("istio-base", "istiod", "istio-ingressgateway", "istio-egressgateway");
    }

    @Test
    void aKeyTheGatewaySchemaRejectsIsMarkedAtItsLineWithHelmsOwnMessage() {
        ReleaseValuesViewModel gateway = release("istio-ingressgateway");

        gateway.textEdited("service:\n  type: NodePort\nreplicaCont: 2\n");

        assertThat(gateway.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("replicaCont");
            assertThat(problem.line()).isEqualTo(3);
        });
        InstallPlan saved = planModel.plan();
        assertThat(saved.release("istio-ingressgateway").orElseThrow().valuesYaml()).contains("replicaCont: 2");
    }

    @Test
    void aValueOfTheWrongTypeIsMarkedOnItsOwnKeyWithItsPath() {
        ReleaseValuesViewModel gateway = release("istio-ingressgateway");

        gateway.textEdited("service:\n  type: NodePort\nautoscaling:\n  enabled: \"yes\"\n");

        assertThat(gateway.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.column()).isEqualTo(3);
            assertThat(problem.path()).isEqualTo("autoscaling.enabled");
            assertThat(problem.message()).startsWith("autoscaling.enabled: string found, boolean expected");
        });
    }

    @Test
    void aFormEditIsPublishedToThePlan() {
        release("istiod").field("pilot.traceSampling").orElseThrow().value().set("10");

        assertThat(planModel.plan().release("istiod").orElseThrow().valuesYaml()).contains("traceSampling: 10");
        assertThat(release("istiod").problems()).isEmpty();
    }
}
