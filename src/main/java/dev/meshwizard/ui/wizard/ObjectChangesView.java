package dev.meshwizard.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.meshwizard.diff.ObjectChange;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;

/** An apply preview: the objects with what happens to each (+ created, ~ changed, = unchanged) and their lines. */
public final class ObjectChangesView extends SplitPane {

    public ObjectChangesView(ObjectChangesModel model, String idPrefix) {
        ListView<ObjectChangesModel.Row> objects = new ListView<>(model.rows());
        objects.setId(idPrefix + "-changes");
        objects.getStyleClass().add(Styles.DENSE);
        objects.setPlaceholder(new Label("Preview changes to compare with the cluster."));
        objects.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ObjectChangesModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.TEXT_MUTED);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText(symbol(item.type()) + " " + item.id());
                getStyleClass().add(switch (item.type()) {
                    case ADDED -> Styles.SUCCESS;
                    case REMOVED -> Styles.DANGER;
                    case CHANGED -> Styles.WARNING;
                    case UNCHANGED -> Styles.TEXT_MUTED;
                });
            }
        });
        model.selectedProperty().bind(objects.getSelectionModel().selectedItemProperty());

        ListView<ChangesViewModel.LineRow> lines = new ListView<>(model.lines());
        lines.setId(idPrefix + "-change-lines");
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
        getItems().addAll(objects, lines);
        setDividerPositions(0.4);
    }

    private static String symbol(ObjectChange.Type type) {
        return switch (type) {
            case ADDED -> "+";
            case REMOVED -> "−";
            case CHANGED -> "~";
            case UNCHANGED -> "=";
        };
    }
}
