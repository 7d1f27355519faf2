package dev.meshwizard.ui.install;

import dev.meshwizard.ui.changes.ChangesView;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.meshwizard.ui.common.ClusterAction;
import dev.meshwizard.ui.common.ConfirmationBar;
import dev.meshwizard.ui.common.Views;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
        ConfirmationBar ask = new ConfirmationBar("install-confirmation");
        install.setOnAction(e -> model.prepareInstall(action -> ask.ask(action, model::install)));
        Button cancel = new Button("Cancel", new FontIcon(Feather.X));
        cancel.setId("cancel-install");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Button uninstall = new Button("Uninstall…", new FontIcon(Feather.TRASH_2));
        uninstall.setId("uninstall");
        uninstall.disableProperty().bind(model.canInstallProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.setId("install-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox controls = new HBox(8, install, cancel, uninstall, progress);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label summary = Views.wrapping("");
        summary.setId("install-summary");
        summary.textProperty().bind(model.summaryProperty());

        TableView<InstallStepViewModel.ReleaseLine> table = new TableView<>(model.lines());
        table.setId("install-releases");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Views.column("Release", InstallStepViewModel.ReleaseLine::release, 170));
        table.getColumns().add(Views.column("Chart", InstallStepViewModel.ReleaseLine::chart, 80));
        table.getColumns().add(Views.column("Phase", l -> Views.words(l.phase()), 80));
        table.getColumns().add(Views.column("Elapsed", InstallStepViewModel.ReleaseLine::elapsed, 70));
        table.getColumns().add(Views.column("What is happening", InstallStepViewModel.ReleaseLine::message, 200));
        table.setPrefHeight(150);
        table.setMinHeight(150);

        ListView<String> log = new ListView<>(model.log());
        log.setId("install-log");
        log.getStyleClass().addAll("monospace", Styles.DENSE);
        log.setPlaceholder(new Label("Helm's output and the install's events appear here."));
        model.log().addListener((ListChangeListener<String>) c -> log.scrollTo(model.log().size() - 1));

        VBox confirm = uninstallConfirmation(model);
        uninstall.setOnAction(e -> confirm.setVisible(true));

        Tab logTab = new Tab("Log", log);
        // scrolls, so that the rollback question below the tables can be seen on a laptop screen
        javafx.scene.control.ScrollPane releasesScroll = new javafx.scene.control.ScrollPane(
                new ReleasesView(model.releases()));
        releasesScroll.setFitToWidth(true);
        Tab releasesTab = new Tab("Releases", releasesScroll);
        releasesTab.setId("releases-tab");
        releasesTab.setOnSelectionChanged(e -> {
            if (releasesTab.isSelected()) {
                model.releases().refresh();
            }
        });
        Tab changesTab = new Tab("Changes", new ChangesView(model.changes()));
        changesTab.setId("changes-tab");
        changesTab.setOnSelectionChanged(e -> {
            if (changesTab.isSelected() && model.changes().rows().isEmpty()) {
                model.changes().compare();
            }
        });
        TabPane tabs = new TabPane(logTab, releasesTab, changesTab);
        tabs.setId("install-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        // on a laptop screen the step scrolls to the releases and their history rather than squeezing them
        tabs.setMinHeight(380);

        getChildren().addAll(Views.heading("Install", "Installs or upgrades the plan's Helm releases in order, "
                + "waiting for each: CRDs established, Deployments available (the load balancer's address is not "
                + "awaited; the side panel shows it when it comes). Stock helm list shows the result."),
                controls, ask, confirm, summary, table, tabs);
    }

    /** Asks before uninstalling, and whether the CRDs and the namespace go too. */
    private static VBox uninstallConfirmation(InstallStepViewModel model) {
        Label question = Views.wrapping("");
        CheckBox crds = new CheckBox("Also delete the Istio CRDs — this deletes every Istio object in the cluster "
                + "(Gateways, VirtualServices, DestinationRules…)");
        crds.setId("uninstall-crds");
        crds.setWrapText(true);
        CheckBox namespace = new CheckBox("");
        namespace.setId("uninstall-namespace");
        Button yes = new Button("Uninstall", new FontIcon(Feather.TRASH_2));
        yes.setId("confirm-uninstall");
        yes.getStyleClass().add(Styles.DANGER);
        Button no = new Button("Keep everything");
        no.setId("keep-installed");
        Button copy = new Button("Copy as commands", new FontIcon(Feather.CLIPBOARD));
        copy.setId("uninstall-copy");
        HBox buttons = new HBox(8, yes, no, copy);
        VBox box = new VBox(6, question, crds, namespace, buttons);
        box.setId("uninstall-confirmation");
        box.getStyleClass().add("confirmation");
        box.setPadding(new Insets(8));
        box.managedProperty().bind(box.visibleProperty());
        box.setVisible(false);
        box.visibleProperty().addListener((obs, old, shown) -> {
            if (shown) {
                String ns = model.namespace();
                ClusterAction action = model.uninstallAction();
                question.setText(action.question() + " Order: gateways, istiod, base.");
                yes.setText("Uninstall from context " + action.context());
                copy.setOnAction(e -> ConfirmationBar.copy(action));
                namespace.setText("Also delete namespace " + ns + " and everything left in it");
                crds.setSelected(false);
                namespace.setSelected(false);
            }
        });
        yes.setOnAction(e -> {
            box.setVisible(false);
            model.uninstall(crds.isSelected(), namespace.isSelected());
        });
        no.setOnAction(e -> box.setVisible(false));
        return box;
    }

}
