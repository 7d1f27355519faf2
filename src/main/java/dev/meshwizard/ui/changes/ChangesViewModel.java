package dev.meshwizard.ui.changes;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.helm.UpgradeDiff;
import dev.meshwizard.diff.DiffLine;
import dev.meshwizard.diff.ObjectChange;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What installing the plan would change: per release, the objects added, changed or removed against the manifest
 * Helm deployed last, and for the selected object its line diff.
 */
public final class ChangesViewModel {

    /** A line of the changes list: a release's summary, or one object that changes. */
    public record ChangeRow(String release, String text, ObjectChange.Type type, List<DiffLine> lines,
                            boolean header) {
    }

    /** One line of the selected object's diff, as shown. */
    public record LineRow(DiffLine.Kind kind, String text) {
    }

    private final JobRunner jobs;
    private final PlanModel planModel;
    private final SessionModel sessionModel;
    private final Renderer renderer;
    private final ObservableList<ChangeRow> rows = FXCollections.observableArrayList();
    private final ObservableList<LineRow> lines = FXCollections.observableArrayList();
    private final ObjectProperty<ChangeRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Compare the plan with what Helm deployed before installing.");

    public ChangesViewModel(JobRunner jobs, PlanModel planModel, SessionModel sessionModel, Renderer renderer) {
        this.jobs = jobs;
        this.planModel = planModel;
        this.sessionModel = sessionModel;
        this.renderer = renderer;
        selected.addListener((obs, old, now) -> lines.setAll(now == null ? List.of()
                : now.lines().stream().map(l -> new LineRow(l.kind(), l.unified())).toList()));
    }

    /** Renders the plan and compares it with Helm's records, in the background. */
    public void compare() {
        ClusterSession session = sessionModel.session();
        if (session == null || busy.get()) {
            status.set(session == null ? "Connect to a cluster to compare the plan with what is installed." : "");
            return;
        }
        InstallPlan plan = planModel.plan();
        busy.set(true);
        status.set("Comparing the plan with what Helm deployed…");
        Job.of("Comparing with the installed releases", () -> session.upgradeDiff(renderer)
                .compute(plan, ChartSource.open(plan.source()))).onSuccess(changes -> {
                    busy.set(false);
                    rows.setAll(rows(changes));
                    long changed = changes.stream().mapToLong(UpgradeDiff.ReleaseChanges::changedCount).sum();
                    status.set(changed == 0 ? "Installing now changes nothing: every object is as Helm deployed it."
                            : changed + " object(s) would be added, changed or removed. Select one to see its lines.");
                }).onFailure(e -> {
                    busy.set(false);
                    rows.clear();
                    status.set("Cannot compare: " + e.getMessage());
                }).runWith(jobs);
    }

    /** Forgets the comparison after the cluster changed (install, uninstall, rollback). */
    public void invalidate() {
        rows.clear();
        status.set("The releases changed: compare again.");
    }

    private static List<ChangeRow> rows(List<UpgradeDiff.ReleaseChanges> changes) {
        List<ChangeRow> result = new ArrayList<>();
        for (UpgradeDiff.ReleaseChanges release : changes) {
            result.add(new ChangeRow(release.release(), release.summary(), null, List.of(), true));
            for (ObjectChange change : release.changes()) {
                if (change.type() != ObjectChange.Type.UNCHANGED) {
                    List<DiffLine> lines = change.type() == ObjectChange.Type.CHANGED ? change.lines()
                            : change.afterYaml().isEmpty() ? lines(DiffLine.Kind.REMOVED, change.beforeYaml())
                            : lines(DiffLine.Kind.ADDED, change.afterYaml());
                    result.add(new ChangeRow(release.release(), change.id(), change.type(), lines, false));
                }
            }
        }
        return result;
    }

    private static List<DiffLine> lines(DiffLine.Kind kind, String yaml) {
        return yaml.lines().map(line -> new DiffLine(kind, line)).toList();
    }

    public ObservableList<ChangeRow> rows() {
        return rows;
    }

    public ObservableList<LineRow> lines() {
        return lines;
    }

    public ObjectProperty<ChangeRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
