package dev.meshwizard.ui.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.job.SameThreadJobRunner;
import dev.meshwizard.mesh.FormProblem;
import dev.meshwizard.mesh.VirtualServiceForm;
import dev.meshwizard.mesh.analysis.Finding;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Routing step's form beside the YAML: edits go both ways, an invalid text turns the form off. */
class RoutingFormViewModelTest {

    @TempDir
    Path dir;
    private SessionModel session;
    private RoutingStepViewModel model;
    private Path workspace;

    @BeforeEach
    void start() {
        SameThreadJobRunner jobs = new SameThreadJobRunner();
        session = new SessionModel(jobs);
        PlanModel planModel = new PlanModel(jobs);
        planModel.publish(Plans.forProfile(Profile.DEFAULT, ChartSourceSpec.chartsFolder(TestCharts.chartsFolder()),
                TestCharts.VERSION));
        workspace = dir.resolve("workspace");
        planModel.openWorkspace(workspace, false);
        model = new RoutingStepViewModel(jobs, planModel, session, new Renderer());
    }

    @AfterEach
    void stop() {
        session.shutdown();
    }

    @Test
    void editingADestinationWeightInTheFormRewritesTheYamlAndTheWeightFindingAppears() throws Exception {
        // Given
        model.templates().addReviewsWeighted(50);
        assertThat(codes()).doesNotContain("MW0107");
        VirtualServiceForm form = (VirtualServiceForm) model.forms().formProperty().get();
        VirtualServiceForm.Route route = form.routes().get(0);
        List<VirtualServiceForm.Destination> destinations = new ArrayList<>(route.destinations());
        destinations.set(0, destinations.get(0).withWeight(70));

        // When
        boolean written = model.forms().submit(form.withRoutes(List.of(route.withDestinations(destinations))));

        // Then
        assertThat(written).isTrue();
        String yaml = model.selectedProperty().get().document().yaml();
        assertThat(yaml).contains("weight: 70").contains("weight: 50");
        assertThat(codes()).contains("MW0107");
        assertThat(Files.readString(workspace.resolve("routing/virtualservice-reviews.yaml"))).isEqualTo(yaml);
    }

    @Test
    void aWeightOutOfRangeIsShownUnderItsFieldAndTheYamlStaysAsItWas() {
        // Given
        model.templates().addReviewsWeighted(50);
        String before = model.selectedProperty().get().document().yaml();
        VirtualServiceForm form = (VirtualServiceForm) model.forms().formProperty().get();
        VirtualServiceForm.Route route = form.routes().get(0);
        List<VirtualServiceForm.Destination> destinations = new ArrayList<>(route.destinations());
        destinations.set(1, destinations.get(1).withWeight(150));

        // When
        boolean written = model.forms().submit(form.withRoutes(List.of(route.withDestinations(destinations))));

        // Then
        assertThat(written).isFalse();
        assertThat(model.forms().problems()).containsExactly(new FormProblem("routes[0].destinations[1].weight",
                "weight must be a number from 0 to 100"));
        assertThat(model.selectedProperty().get().document().yaml()).isEqualTo(before);
    }

    @Test
    void invalidYamlTurnsTheFormOffKeepsTheTextAndValidYamlRefreshesTheForm() {
        // Given
        model.templates().addReviewsWeighted(50);
        String valid = model.selectedProperty().get().document().yaml();
        String broken = valid.replace("hosts:", "hosts: [");

        // When
        model.edit(broken);

        // Then
        assertThat(model.forms().noteProperty().get()).contains("YAML has an error");
        assertThat(model.forms().submit(model.forms().formProperty().get())).isFalse();
        assertThat(model.selectedProperty().get().document().yaml()).isEqualTo(broken);

        // When
        model.edit(valid.replace("- reviews", "- reviews.default.svc.cluster.local"));

        // Then
        assertThat(model.forms().noteProperty().get()).isEmpty();
        assertThat(((VirtualServiceForm) model.forms().formProperty().get()).hosts())
                .containsExactly("reviews.default.svc.cluster.local");
    }

    private List<String> codes() {
        return model.analysis().findings().stream().map(Finding::code).toList();
    }
}
