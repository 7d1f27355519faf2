package dev.meshwizard.ui.routing;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.mesh.RoutingDocument;
import dev.meshwizard.mesh.RoutingDocuments;
import dev.meshwizard.mesh.analysis.Finding;
import dev.meshwizard.mesh.analysis.MeshSnapshot;
import dev.meshwizard.mesh.analysis.PlannedGateway;
import dev.meshwizard.mesh.analysis.Severity;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The analysis of the Routing step: the workspace's documents over the planned gateways (the plan rendered through
 * the shared renderer), and over the cluster's Services, pods and Istio objects when connected. Runs in the
 * background; only the newest run's findings are shown.
 */
public final class RoutingAnalysisViewModel {

    private final JobRunner jobs;
    private final PlanModel planModel;
    private final SessionModel sessionModel;
    private final Renderer renderer;
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final AtomicReference<Planned> planned = new AtomicReference<>();
    private int generation;

    /** The plan's gateways, rendered for one plan. */
    private record Planned(InstallPlan plan, List<PlannedGateway> gateways, String problem) {
    }

    public RoutingAnalysisViewModel(JobRunner jobs, PlanModel planModel, SessionModel sessionModel, Renderer renderer) {
        this.jobs = jobs;
        this.planModel = planModel;
        this.sessionModel = sessionModel;
        this.renderer = renderer;
    }

    /** Analyses the documents in the background; an earlier run still going is outdone by this one. */
    public void analyze(List<RoutingDocument> documents) {
        int mine = ++generation;
        InstallPlan plan = planModel.plan();
        ClusterSession session = sessionModel.session();
        List<RoutingDocument> copy = List.copyOf(documents);
        status.set("Analysing " + copy.size() + " document(s)…");
        Job.of("Analysing the routing", () -> {
            Planned gateways = plannedGateways(plan);
            MeshSnapshot base = session == null ? MeshSnapshot.empty(false) : session.meshSnapshot();
            List<Finding> result = RoutingDocuments.analyze(copy, base.withPlannedGateways(gateways.gateways()));
            return new Result(result, gateways.problem(), session != null);
        }).onSuccess(result -> {
            if (mine != generation) {
                return;
            }
            findings.setAll(result.findings());
            long errors = result.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                    .count();
            status.set((result.findings().isEmpty() ? "No problems found" : result.findings().size()
                    + " finding(s), " + errors + " error(s)") + (result.live()
                    ? ", against the cluster and the planned gateways." : ", against the planned gateways (offline).")
                    + (result.problem().isEmpty() ? "" : " " + result.problem()));
        }).onFailure(e -> {
            if (mine == generation) {
                status.set("The analysis failed: " + e.getMessage());
            }
        }).runWith(jobs);
    }

    /** One run's outcome. */
    private record Result(List<Finding> findings, String problem, boolean live) {
    }

    private Planned plannedGateways(InstallPlan plan) {
        Planned known = planned.get();
        if (known != null && known.plan().equals(plan)) {
            return known;
        }
        Planned fresh;
        try {
            fresh = new Planned(plan, PlannedGateway.of(plan, renderer.render(plan, ChartSource.open(plan.source()))),
                    "");
        } catch (Exception e) {
            fresh = new Planned(plan, List.of(), "The plan's gateways are not known (" + e.getMessage() + ").");
        }
        planned.set(fresh);
        return fresh;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
