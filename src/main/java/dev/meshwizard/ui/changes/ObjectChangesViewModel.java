package dev.meshwizard.ui.changes;

import dev.meshwizard.cluster.apply.ApplyResult;
import dev.meshwizard.diff.DiffLine;
import dev.meshwizard.diff.ObjectChange;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What an apply would change, object by object, and the selected object's lines; shared by the steps that apply
 * plain manifests (Sample, Routing). Unchanged objects are listed too, so that "nothing to do" is visible.
 */
public final class ObjectChangesViewModel {

    /** One object of the preview. */
    public record Row(String id, ObjectChange.Type type, List<DiffLine> lines) {
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<ChangesViewModel.LineRow> lines = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>(this, "selected");

    public ObjectChangesViewModel() {
        selected.addListener((obs, old, now) -> lines.setAll(now == null ? List.of()
                : now.lines().stream().map(l -> new ChangesViewModel.LineRow(l.kind(), l.unified())).toList()));
    }

    /** Shows a preview; returns a one-line summary of it. */
    public String show(List<ObjectChange> changes) {
        rows.setAll(changes.stream().map(ObjectChangesViewModel::row).toList());
        long changed = changes.stream().filter(c -> c.type() != ObjectChange.Type.UNCHANGED).count();
        return changed == 0 ? "Applying changes nothing: all " + changes.size() + " object(s) are as in the cluster."
                : changed + " of " + changes.size() + " object(s) would be created or changed. Select one to see its"
                + " lines.";
    }

    public void clear() {
        rows.clear();
    }

    /** One line per applied or deleted object, e.g. {@code Deployment/default/details-v1: created}. */
    public static List<String> describe(List<ApplyResult> results) {
        return results.stream().map(r -> r.id() + ": " + dev.meshwizard.ui.common.Views.words(r.outcome())
                + (r.message().isEmpty() ? "" : " — " + r.message())).toList();
    }

    private static Row row(ObjectChange change) {
        List<DiffLine> lines = change.type() == ObjectChange.Type.CHANGED ? change.lines()
                : change.type() == ObjectChange.Type.UNCHANGED
                ? change.afterYaml().lines().map(l -> new DiffLine(DiffLine.Kind.CONTEXT, l)).toList()
                : change.afterYaml().isEmpty()
                ? change.beforeYaml().lines().map(l -> new DiffLine(DiffLine.Kind.REMOVED, l)).toList()
                : change.afterYaml().lines().map(l -> new DiffLine(DiffLine.Kind.ADDED, l)).toList();
        return new Row(change.id(), change.type(), lines);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<ChangesViewModel.LineRow> lines() {
        return lines;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }
}
