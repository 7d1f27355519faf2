package dev.meshwizard.ui.install;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.meshwizard.ui.common.ConfirmationBar;
import dev.meshwizard.ui.common.Views;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Helm's releases in the plan's namespace, the selected one's history, and rollback to a chosen revision. */
public final class ReleasesView extends VBox {

    public ReleasesView(ReleasesViewModel model) {
        setSpacing(8);
        setPadding(new Insets(8, 0, 0, 0));

        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("releases-refresh");
        refresh.disableProperty().bind(model.busyProperty());
        refresh.setOnAction(e -> model.refresh());
        Label advice = Views.wrapping("");
        advice.setId("releases-advice");
        advice.textProperty().bind(model.adviceProperty());
        HBox.setHgrow(advice, Priority.ALWAYS);
        Label age = Views.muted("");
        age.setId("releases-age");
        age.textProperty().bind(model.ageProperty());
        // the button keeps its word; the texts wrap (a lost connection makes the age a sentence)
        refresh.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(age, Priority.SOMETIMES);
        HBox top = new HBox(8, refresh, advice, age);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<ReleasesViewModel.ReleaseRow> releases = new TableView<>(model.releases());
        releases.setId("releases-table");
        releases.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        releases.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        releases.getColumns().add(Views.column("Name", ReleasesViewModel.ReleaseRow::name, 175));
        releases.getColumns().add(Views.column("Chart", ReleasesViewModel.ReleaseRow::chart, 80));
        releases.getColumns().add(Views.column("Version", ReleasesViewModel.ReleaseRow::version, 70));
        releases.getColumns().add(Views.column("Revision", r -> String.valueOf(r.revision()), 70));
        releases.getColumns().add(Views.column("Status", ReleasesViewModel.ReleaseRow::status, 90));
        TableColumn<ReleasesViewModel.ReleaseRow, String> updated = Views.column("Updated",
                ReleasesViewModel.ReleaseRow::updated, 150);
        updated.setMinWidth(170);
        releases.getColumns().add(updated);
        releases.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(ReleasesViewModel.ReleaseRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(Styles.STATE_DANGER, !empty && item != null && item.needsAttention());
            }
        });
        releases.setPlaceholder(new Label("No Helm releases here yet."));
        releases.setPrefHeight(120);
        releases.setMinHeight(120);
        model.selectedProperty().bind(releases.getSelectionModel().selectedItemProperty());
        String[] lastSelected = {null};
        releases.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                lastSelected[0] = now.name();
            }
        });
        // Helm's records are read again after each change: keep the same release selected
        model.releases().addListener((javafx.collections.ListChangeListener<ReleasesViewModel.ReleaseRow>) c ->
                model.releases().stream().filter(r -> r.name().equals(lastSelected[0])).findFirst()
                        .ifPresent(r -> releases.getSelectionModel().select(r)));

        TableView<ReleasesViewModel.RevisionRow> history = new TableView<>(model.history());
        history.setId("releases-history");
        history.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.getColumns().add(Views.column("Revision", r -> String.valueOf(r.revision()), 70));
        history.getColumns().add(Views.column("Updated", ReleasesViewModel.RevisionRow::updated, 150));
        history.getColumns().add(Views.column("Status", ReleasesViewModel.RevisionRow::status, 110));
        history.getColumns().add(Views.column("Chart", ReleasesViewModel.RevisionRow::chart, 110));
        history.getColumns().add(Views.column("Description", ReleasesViewModel.RevisionRow::description, 200));
        history.setPlaceholder(new Label("Select a release to see its history."));
        history.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedRevisionProperty().set(now);
            }
        });
        model.selectedRevisionProperty().addListener((obs, old, now) -> {
            if (now != null && history.getSelectionModel().getSelectedItem() != now) {
                history.getSelectionModel().select(now);
            }
        });
        history.setMinHeight(90);
        history.setPrefHeight(150);
        VBox.setVgrow(history, Priority.ALWAYS);

        Button rollback = new Button("", new FontIcon(Feather.ROTATE_CCW));
        rollback.setId("rollback");
        rollback.textProperty().bind(Bindings.createStringBinding(() -> model.selectedRevisionProperty().get() == null
                        || model.selectedProperty().get() == null ? "Roll back…" : "Roll back "
                        + model.selectedProperty().get().name() + " to revision "
                        + model.selectedRevisionProperty().get().revision() + "…",
                model.selectedRevisionProperty(), model.selectedProperty()));
        rollback.disableProperty().bind(model.canRollbackProperty().not());
        rollback.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ConfirmationBar ask = new ConfirmationBar("rollback-confirmation");
        rollback.setOnAction(e -> ask.ask(model.rollbackAction(), model::rollback));
        Label explain = Views.muted("A rollback is a new revision with the chosen revision's chart and values; "
                + "a revision stuck pending is marked failed first.");
        HBox actions = new HBox(8, rollback, explain);
        actions.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(top, releases, actions, ask, history);
    }

}
