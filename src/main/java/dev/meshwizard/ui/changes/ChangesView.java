package dev.meshwizard.ui.changes;

import atlantafx.base.theme.Styles;
import dev.meshwizard.ui.common.Views;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The changes an install would make, per release and object, with the selected object's line diff. */
public final class ChangesView extends VBox {

    public ChangesView(ChangesViewModel model) {
        setSpacing(8);
        setPadding(new Insets(8, 0, 0, 0));

        Button compare = new Button("Compare with installed", new FontIcon(Feather.GIT_PULL_REQUEST));
        compare.setId("compare");
        compare.disableProperty().bind(model.busyProperty());
        compare.setOnAction(e -> model.compare());
        Label status = Views.wrapping("");
        status.setId("changes-status");
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox top = new HBox(8, compare, status);
        top.setAlignment(Pos.CENTER_LEFT);

        ListView<ChangesViewModel.ChangeRow> objects = new ListView<>(model.rows());
        objects.setId("changes-objects");
        objects.getStyleClass().add(Styles.DENSE);
        objects.setPlaceholder(new Label("No comparison yet."));
        objects.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ChangesViewModel.ChangeRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(Styles.TEXT_BOLD, Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.TEXT_MUTED);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                if (item.header()) {
                    setText(item.text());
                    getStyleClass().add(Styles.TEXT_BOLD);
                } else {
                    setText("    " + DiffViews.symbol(item.type()) + " " + item.text());
                    getStyleClass().add(DiffViews.style(item.type()));
                }
            }
        });
        model.selectedProperty().bind(objects.getSelectionModel().selectedItemProperty());

        ListView<ChangesViewModel.LineRow> lines = DiffViews.lines(model.lines(), "changes-lines");
        SplitPane split = new SplitPane(objects, lines);
        split.setDividerPositions(0.42);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(top, split);
    }

}
