package dev.meshwizard.ui.wizard;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.meshwizard.ui.common.Views;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Install step: a line per Helm release with its phase, overall progress, the log, install and cancel. */
public final class InstallStepView extends VBox {

    public InstallStepView(InstallStepViewModel model) {
        setSpacing(10);
        setPadding(new Insets(16));

        Button install = new Button("Install or upgrade", new FontIcon(Feather.PLAY));
        install.setId("install");
        install.getStyleClass().add(Styles.ACCENT);
        install.disableProperty().bind(model.canInstallProperty().not());
        install.setOnAction(e -> model.install());
        Button cancel = new Button("Cancel", new FontIcon(Feather.X));
        cancel.setId("cancel-install");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("install-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox controls = new HBox(8, install, cancel, progress);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label summary = Views.wrapping("");
        summary.setId("install-summary");
        summary.textProperty().bind(model.summaryProperty());

        TableView<InstallStepViewModel.ReleaseLine> table = new TableView<>(model.lines());
        table.setId("install-releases");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Release", InstallStepViewModel.ReleaseLine::release, 170));
        table.getColumns().add(column("Chart", InstallStepViewModel.ReleaseLine::chart, 80));
        table.getColumns().add(column("Phase", l -> l.phase().name().toLowerCase(java.util.Locale.ROOT), 80));
        table.getColumns().add(column("Elapsed", InstallStepViewModel.ReleaseLine::elapsed, 70));
        table.getColumns().add(column("What is happening", InstallStepViewModel.ReleaseLine::message, 300));
        table.setPrefHeight(170);

        ListView<String> log = new ListView<>(model.log());
        log.setId("install-log");
        log.getStyleClass().addAll("monospace", Styles.DENSE);
        log.setPlaceholder(new Label("Helm's output and the install's events appear here."));
        model.log().addListener((ListChangeListener<String>) c -> log.scrollTo(model.log().size() - 1));
        VBox.setVgrow(log, Priority.ALWAYS);

        getChildren().addAll(Views.heading("Install", "Installs or upgrades the plan's Helm releases in order, "
                + "waiting for each: CRDs established, Deployments available (the load balancer's address is not "
                + "awaited; the side panel shows it when it comes). Stock helm list shows the result."),
                controls, summary, table, log);
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
