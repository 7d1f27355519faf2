package dev.meshwizard.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.job.SameThreadJobRunner;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.ui.app.PlanModel;
import org.junit.jupiter.api.Test;

/** The Profile step's chart check: the version found and the images the plan would pull. */
class ProfileStepViewModelTest {

    @Test
    void checkingTheChartsNamesTheirVersionAndTheImagesThePlanPulls() {
        SameThreadJobRunner jobs = new SameThreadJobRunner();
        PlanModel planModel = new PlanModel(jobs);
        planModel.publish(Plans.forProfile(Profile.DEFAULT, ChartSourceSpec.chartsFolder(TestCharts.chartsFolder()),
                TestCharts.VERSION));
        ProfileStepViewModel model = new ProfileStepViewModel(jobs, planModel);

        model.checkSource();

        assertThat(model.sourceStatusProperty().get()).isEqualTo("Charts 1.30.3 found");
        assertThat(model.imagesProperty().get()).isEqualTo("Images: docker.io/istio/pilot:1.30.3");
    }
}
