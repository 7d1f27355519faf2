package dev.meshwizard.ui.changes;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;

/** An apply preview: the objects with what happens to each (+ created, ~ changed, = unchanged) and their lines. */
public final class ObjectChangesView extends SplitPane {

    public ObjectChangesView(ObjectChangesViewModel model, String idPrefix) {
        ListView<ObjectChangesViewModel.Row> objects = new ListView<>(model.rows());
        objects.setId(idPrefix + "-changes");
        objects.getStyleClass().add(Styles.DENSE);
        objects.setPlaceholder(new Label("Preview changes to compare with the cluster."));
        objects.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ObjectChangesViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.TEXT_MUTED);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText(DiffViews.symbol(item.type()) + " " + item.id());
                getStyleClass().add(DiffViews.style(item.type()));
            }
        });
        model.selectedProperty().bind(objects.getSelectionModel().selectedItemProperty());

        ListView<ChangesViewModel.LineRow> lines = DiffViews.lines(model.lines(), idPrefix + "-change-lines");
        getItems().addAll(objects, lines);
        setDividerPositions(0.4);
    }

}
