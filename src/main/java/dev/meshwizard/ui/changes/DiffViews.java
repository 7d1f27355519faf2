package dev.meshwizard.ui.changes;

import atlantafx.base.theme.Styles;
import dev.meshwizard.diff.ObjectChange;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** What the views that show object changes share: the line list of a diff, and how a change is marked. */
final class DiffViews {

    private DiffViews() {
    }

    /** A monospace list of diff lines: additions green, removals red, hunk markers muted. */
    static ListView<ChangesViewModel.LineRow> lines(ObservableList<ChangesViewModel.LineRow> rows, String id) {
        ListView<ChangesViewModel.LineRow> lines = new ListView<>(rows);
        lines.setId(id);
        lines.getStyleClass().addAll("monospace", Styles.DENSE);
        lines.setPlaceholder(new Label("Select an object to see its lines."));
        lines.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ChangesViewModel.LineRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED);
                setText(empty || item == null ? null : item.text());
                if (!empty && item != null) {
                    switch (item.kind()) {
                        case ADDED -> getStyleClass().add(Styles.SUCCESS);
                        case REMOVED -> getStyleClass().add(Styles.DANGER);
                        case HUNK -> getStyleClass().add(Styles.TEXT_MUTED);
                        case CONTEXT -> { }
                    }
                }
            }
        });
        return lines;
    }

    /** {@code +} added, {@code −} removed, {@code ~} changed, {@code =} unchanged. */
    static String symbol(ObjectChange.Type type) {
        return switch (type) {
            case ADDED -> "+";
            case REMOVED -> "−";
            case CHANGED -> "~";
            case UNCHANGED -> "=";
        };
    }

    /** The style class that colours a change. */
    static String style(ObjectChange.Type type) {
        return switch (type) {
            case ADDED -> Styles.SUCCESS;
            case REMOVED -> Styles.DANGER;
            case CHANGED -> Styles.WARNING;
            case UNCHANGED -> Styles.TEXT_MUTED;
        };
    }
}
