package dev.meshwizard.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.job.SameThreadJobRunner;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.render.RenderedObject;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.ui.state.PlanModel;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Preview's object pane follows the selection across renders: the same object newly rendered, or nothing. */
class PreviewViewModelTest {

    private final SameThreadJobRunner jobs = new SameThreadJobRunner();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    @Test
    void aProfileSwitchShowsTheSelectedObjectAsNewlyRenderedAndNothingWhenItIsGone() throws Exception {
        // Given the default plan rendered and the ingress gateway's Deployment selected
        PlanModel planModel = onFx(() -> new PlanModel(jobs));
        onFx(() -> {
            planModel.publish(Plans.forProfile(Profile.DEFAULT, ChartSourceSpec.chartsFolder(TestCharts.chartsFolder()),
                    TestCharts.VERSION));
            return null;
        });
        PreviewViewModel model = onFx(() -> new PreviewViewModel(jobs, planModel, new Renderer()));
        RenderedObject gateway = onFx(() -> {
            model.renderNow();
            RenderedObject found = model.manifestsProperty().get().releases().stream()
                    .filter(r -> r.name().equals("istio-ingressgateway")).findFirst().orElseThrow()
                    .ofKind("Deployment").get(0);
            model.selectedProperty().set(found);
            return found;
        });

        // When demo is chosen (the gateway stays, with demo's values) and rendered
        RenderedObject afterDemo = onFx(() -> {
            planModel.publish(Plans.switchProfile(planModel.plan(), Profile.DEMO));
            model.renderNow();
            return model.selectedProperty().get();
        });

        // Then the pane shows the gateway's Deployment from the new render
        assertThat(afterDemo).isNotNull().isNotSameAs(gateway);
        assertThat(afterDemo.id()).isEqualTo(gateway.id());
        assertThat(onFx(() -> model.selectedYamlProperty().get())).isEqualTo(afterDemo.displayYaml());

        // When minimal is chosen (no gateway) and rendered, then the pane is empty, not the stale object
        onFx(() -> {
            planModel.publish(Plans.switchProfile(planModel.plan(), Profile.MINIMAL));
            model.renderNow();
            return null;
        });
        assertThat(onFx(() -> model.selectedProperty().get())).isNull();
        assertThat(onFx(() -> model.selectedYamlProperty().get())).isEmpty();
    }
}
