package dev.meshwizard.ui.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.job.SameThreadJobRunner;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.ui.state.PlanModel;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Profile step: a revisioned control plane is a release of its own; names Kubernetes would refuse are refused. */
class ProfileStepViewModelTest {

    private PlanModel planModel;
    private ProfileStepViewModel model;

    @BeforeEach
    void plan() {
        SameThreadJobRunner jobs = new SameThreadJobRunner();
        planModel = new PlanModel(jobs);
        planModel.publish(Plans.forProfile(Profile.DEFAULT,
                ChartSourceSpec.helmRepo(ChartSourceSpec.ISTIO_REPO, "1.30.3"), "1.30.3"));
        model = new ProfileStepViewModel(jobs, planModel);
    }

    private List<String> names() {
        return planModel.plan().releases().stream().map(ChartRelease::name).toList();
    }

    @Test
    void typingARevisionNamesTheIstiodReleaseAfterItAndKeepsItsValues() {
        // Given istiod's values edited
        ChartRelease istiod = planModel.plan().release("istiod").orElseThrow();
        planModel.publish(planModel.plan().withReleases(List.of(planModel.plan().releases().get(0),
                istiod.withValues("pilot:\n  traceSampling: 10\n"), planModel.plan().releases().get(2))));

        // When a revision is typed
        model.revisionProperty().set("1-30-3");

        // Then the plan and the step's release list name istiod after it; the gateway keeps its name
        assertThat(names()).containsExactly("istio-base", "istiod-1-30-3", "istio-ingressgateway");
        assertThat(model.releases()).extracting(ChartRelease::name).contains("istiod-1-30-3");
        assertThat(planModel.plan().release("istiod-1-30-3").orElseThrow().valuesYaml()).contains("traceSampling: 10");

        // When it is changed, then cleared
        model.revisionProperty().set("1-31-0");
        assertThat(names()).contains("istiod-1-31-0");
        model.revisionProperty().set("");
        assertThat(names()).containsExactly("istio-base", "istiod", "istio-ingressgateway");
    }

    @Test
    void anIstiodReleaseTheUserRenamedKeepsItsName() {
        model.editRelease(planModel.plan().release("istiod").orElseThrow(), "control-plane", "istio-system");

        model.revisionProperty().set("1-30-3");

        assertThat(names()).contains("control-plane").doesNotContain("istiod-1-30-3");
        assertThat(planModel.plan().revision()).isEqualTo("1-30-3");
    }

    @Test
    void aRevisionThatIsNotADnsLabelIsShownAsAnErrorAndNotPublished() {
        // When
        model.revisionProperty().set("1.30.3_Bad!");

        // Then
        assertThat(model.revisionErrorProperty().get()).startsWith("Revision \"1.30.3_Bad!\" is not a DNS-1123 label")
                .contains("e.g. 1-30-3-bad");
        assertThat(planModel.plan().revision()).isEmpty();

        // When
        model.revisionProperty().set("1-30-3");

        // Then
        assertThat(model.revisionErrorProperty().get()).isEmpty();
        assertThat(planModel.plan().revision()).isEqualTo("1-30-3");
    }

    @Test
    void switchingProfileWithARevisionKeepsTheRevisionedIstiod() {
        model.revisionProperty().set("1-30-3");

        model.profileProperty().set(Profile.DEMO);

        assertThat(names()).containsExactly("istio-base", "istiod-1-30-3", "istio-ingressgateway",
                "istio-egressgateway");
    }

    @Test
    void aReleaseNamespaceThatIsNotADnsLabelIsRefusedWithTheReason() {
        // Given
        ChartRelease istiod = planModel.plan().release("istiod").orElseThrow();

        // When
        model.editRelease(istiod, "istiod", "Istio System");

        // Then
        assertThat(model.releaseErrorProperty().get())
                .startsWith("Namespace \"Istio System\" is not a DNS-1123 label")
                .endsWith("the release keeps istiod in istio-system.");
        assertThat(planModel.plan().release("istiod").orElseThrow().namespace()).isEqualTo("istio-system");

        // When
        model.editRelease(istiod, "istiod", "mesh");

        // Then
        assertThat(model.releaseErrorProperty().get()).isEmpty();
        assertThat(planModel.plan().release("istiod").orElseThrow().namespace()).isEqualTo("mesh");
    }

    @Test
    void aReleaseNameLongerThanHelmAllowsIsRefused() {
        ChartRelease istiod = planModel.plan().release("istiod").orElseThrow();

        model.editRelease(istiod, "i".repeat(54), "istio-system");

        assertThat(model.releaseErrorProperty().get()).contains("54 characters; at most 53");
        assertThat(planModel.plan().release("istiod")).isPresent();
    }

    @Test
    void checkingTheChartsNamesTheirVersionAndTheImagesThePlanPulls() {
        SameThreadJobRunner jobs = new SameThreadJobRunner();
        PlanModel folderPlan = new PlanModel(jobs);
        folderPlan.publish(Plans.forProfile(Profile.DEFAULT, ChartSourceSpec.chartsFolder(TestCharts.chartsFolder()),
                TestCharts.VERSION));
        ProfileStepViewModel step = new ProfileStepViewModel(jobs, folderPlan);

        step.checkSource();

        assertThat(step.sourceStatusProperty().get()).isEqualTo("Charts 1.30.3 found");
        assertThat(step.imagesProperty().get()).isEqualTo("Images: docker.io/istio/pilot:1.30.3");
    }
}
