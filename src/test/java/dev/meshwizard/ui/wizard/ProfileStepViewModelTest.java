package dev.meshwizard.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.job.SameThreadJobRunner;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.ui.app.PlanModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Profile step's fields refuse names Kubernetes or Helm would refuse, and say why under the field. */
class ProfileStepViewModelTest {

    private PlanModel planModel;
    private ProfileStepViewModel model;

    @BeforeEach
    void profileStep() {
        SameThreadJobRunner jobs = new SameThreadJobRunner();
        planModel = new PlanModel(jobs);
        model = new ProfileStepViewModel(jobs, planModel);
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
}
