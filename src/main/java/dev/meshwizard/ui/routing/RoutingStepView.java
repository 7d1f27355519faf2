package dev.meshwizard.ui.routing;

import dev.meshwizard.ui.changes.ObjectChangesView;
import dev.meshwizard.ui.changes.ObjectChangesViewModel;

import atlantafx.base.theme.Styles;
import dev.meshwizard.mesh.RoutingDocument;
import dev.meshwizard.mesh.analysis.Finding;
import dev.meshwizard.ui.common.ConfirmationBar;
import dev.meshwizard.ui.common.Views;
import dev.meshwizard.ui.common.YamlEditor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Routing step: the workspace's routing documents, a YAML editor, templates, findings, and apply/delete. */
public final class RoutingStepView extends VBox {

    private final RoutingStepViewModel model;
    private final YamlEditor editor = new YamlEditor(true);
    private final Label yamlError = new Label();
    private final ConfirmationBar ask = new ConfirmationBar("routing-confirmation");

    public RoutingStepView(RoutingStepViewModel model) {
        this.model = model;
        setSpacing(8);
        setPadding(new Insets(16));
        editor.setId("routing-editor");
        yamlError.setId("routing-yaml-error");
        yamlError.getStyleClass().add(Styles.DANGER);
        yamlError.setWrapText(true);
        yamlError.managedProperty().bind(yamlError.visibleProperty());
        yamlError.visibleProperty().bind(yamlError.textProperty().isNotEmpty());

        ListView<RoutingStepViewModel.Entry> list = documentList();
        VBox editorBox = new VBox(6, weightBar(), editor, yamlError);
        VBox.setVgrow(editor, Priority.ALWAYS);
        Tab yamlTab = new Tab("YAML", editorBox);
        yamlTab.setId("routing-yaml-tab");
        Tab formTab = new Tab("Form", new RoutingFormView(model.forms()));
        formTab.setId("routing-form-tab");
        TabPane editing = new TabPane(yamlTab, formTab);
        editing.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane documents = new SplitPane(list, editing);
        documents.setDividerPositions(0.29);
        SplitPane.setResizableWithParent(list, false);

        TabPane tabs = bottomTabs();
        SplitPane main = new SplitPane(documents, tabs);
        main.setOrientation(Orientation.VERTICAL);
        // a laptop-sized window still shows several findings
        main.setDividerPositions(0.4);
        VBox.setVgrow(main, Priority.ALWAYS);

        Label status = Views.muted("");
        status.setId("routing-status");
        status.textProperty().bind(model.statusProperty());
        // what changes with each edit (the status lines, the findings) sits above the action bar or inside the
        // split pane, which absorbs it: the buttons stay where the pointer is
        getChildren().addAll(Views.heading("Routing", "Gateways, VirtualServices and DestinationRules of the "
                + "workspace, edited as YAML or as a form and saved in its routing folder (exported with install.sh). "
                + "Each change is analysed against the planned gateways, and against the cluster when connected."),
                toolbar(), status, main, applyStatus(), actions(), ask);

        editor.onEdited(Duration.ofMillis(350), model::edit);
        model.selectedProperty().addListener((obs, old, now) -> {
            list.getSelectionModel().select(now);
            show(now);
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.revealProperty().addListener((obs, old, reveal) -> {
            if (reveal != null) {
                editor.goToLine(reveal.line());
                editor.requestFocus();
            }
        });
        show(model.selectedProperty().get());
    }

    private final ChangeListener<String> errorListener = (obs, old, now) -> showError(selectedEntry());
    private final ChangeListener<RoutingDocument> documentListener = (obs, old, now) -> {
        if (now != null && !editor.getText().equals(now.yaml())) {
            editor.setText(now.yaml());
        }
    };

    private RoutingStepViewModel.Entry selectedEntry() {
        return model.selectedProperty().get();
    }

    private void show(RoutingStepViewModel.Entry entry) {
        if (entry != null && !editor.getText().equals(entry.document().yaml())) {
            editor.setText(entry.document().yaml());
        } else if (entry == null) {
            editor.setText("");
        }
        editor.setDisable(entry == null);
        for (RoutingStepViewModel.Entry each : model.entries()) {
            each.errorProperty().removeListener(errorListener);
            each.documentProperty().removeListener(documentListener);
        }
        if (entry != null) {
            entry.errorProperty().addListener(errorListener);
            entry.documentProperty().addListener(documentListener);
        }
        showError(entry);
    }

    private void showError(RoutingStepViewModel.Entry entry) {
        String error = entry == null ? "" : entry.errorProperty().get();
        yamlError.setText(error);
        editor.showProblems(entry == null || error.isEmpty() ? Map.of()
                : Map.of(Math.max(1, entry.errorLine()), error));
    }

    private ListView<RoutingStepViewModel.Entry> documentList() {
        ListView<RoutingStepViewModel.Entry> list = new ListView<>(model.entries());
        list.setId("routing-documents");
        list.getStyleClass().add(Styles.DENSE);
        list.setMinWidth(180);
        list.setPlaceholder(Views.muted("No documents: add one from Templates or load them from the cluster."));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(RoutingStepViewModel.Entry item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                textProperty().bind(item.documentProperty().map(RoutingDocument::title));
                setGraphic(item.errorProperty().get().isEmpty() ? null : Views.icon(Feather.ALERT_CIRCLE, "danger"));
            }
        });
        return list;
    }

    private HBox toolbar() {
        MenuItem allV1 = item("Bookinfo: every service to v1", "template-all-v1", model.templates()::addAllV1);
        MenuItem jason = item("Bookinfo: reviews for end-user jason → v2", "template-jason",
                model.templates()::addReviewsForJason);
        MenuItem weighted = item("Bookinfo: reviews weighted v1 / v3", "template-weighted",
                () -> model.templates().addReviewsWeighted(50));
        MenuItem rules = item("Bookinfo: DestinationRules with every subset", "template-destination-rules",
                model.templates()::addDestinationRules);
        MenuItem paths = item("Path-based routing…", "template-paths", () -> RoutingDialogs.pathRouting(this, model));
        MenuItem tls = item("HTTPS redirect + TLS gateway…", "template-tls", () -> RoutingDialogs.tlsGateway(this,
                model));
        MenuButton templates = new MenuButton("Templates", new FontIcon(Feather.FILE_PLUS));
        templates.setId("routing-templates");
        templates.getItems().addAll(allV1, jason, weighted, rules, new SeparatorMenuItem(), paths, tls);
        Button load = new Button("Load from cluster", new FontIcon(Feather.DOWNLOAD_CLOUD));
        load.setId("routing-load-cluster");
        load.setOnAction(e -> model.loadFromCluster());
        Button remove = new Button("Remove", new FontIcon(Feather.X));
        remove.setTooltip(new javafx.scene.control.Tooltip("Removes the document from the workspace, not from the "
                + "cluster"));
        remove.setId("routing-remove");
        remove.disableProperty().bind(model.selectedProperty().isNull());
        remove.setOnAction(e -> model.removeSelected());
        TextField namespace = new TextField();
        namespace.setId("routing-namespace");
        namespace.setPrefWidth(120);
        namespace.textProperty().bindBidirectional(model.namespaceProperty());
        HBox bar = new HBox(8, templates, Views.label("in namespace"), namespace, load, remove);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.Node node : List.of(templates, load, remove)) {
            ((Region) node).setMinWidth(Region.USE_PREF_SIZE);
        }
        namespace.setMinWidth(80);
        return bar;
    }

    private HBox weightBar() {
        Slider slider = new Slider(0, 100, 50);
        slider.setId("routing-weight");
        slider.setMajorTickUnit(25);
        slider.setShowTickMarks(true);
        slider.setBlockIncrement(10);
        HBox.setHgrow(slider, Priority.ALWAYS);
        Label value = new Label();
        value.textProperty().bind(slider.valueProperty().map(v -> Math.round(v.doubleValue()) + "% v1 · "
                + (100 - Math.round(v.doubleValue())) + "% v3"));
        slider.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                model.templates().addReviewsWeighted((int) Math.round(slider.getValue()));
            }
        });
        slider.setOnMouseReleased(e -> model.templates().addReviewsWeighted((int) Math.round(slider.getValue())));
        HBox bar = new HBox(8, Views.label("reviews weights"), slider, value);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(model.selectedProperty().flatMap(RoutingStepViewModel.Entry::documentProperty)
                .map(d -> d.kind().equals("VirtualService") && d.name().equals("reviews")
                        && d.yaml().contains("weight:")).orElse(false));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private TabPane bottomTabs() {
        TableView<Finding> findings = RoutingFindingsTable.create(model.analysis().findings());
        findings.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.open(now);
            }
        });
        VBox findingsBox = RoutingFindingsTable.region(findings, model.analysis().statusProperty());
        Tab findingsTab = new Tab("Findings", findingsBox);
        findingsTab.setId("routing-findings-tab");

        Tab changesTab = new Tab("Changes", new ObjectChangesView(model.applying().changes(), "routing"));
        changesTab.setId("routing-changes-tab");
        ListView<String> log = new ListView<>(model.applying().log());
        log.setId("routing-log");
        log.getStyleClass().addAll("monospace", Styles.DENSE);
        log.setPlaceholder(new Label("What Apply and Delete did appears here."));
        TabPane tabs = new TabPane(findingsTab, changesTab, new Tab("Log", log));
        tabs.setId("routing-tabs");
        tabs.setMinHeight(0);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        model.applying().changes().rows().addListener((ListChangeListener<ObjectChangesViewModel.Row>) c -> {
            if (!model.applying().changes().rows().isEmpty()) {
                tabs.getSelectionModel().select(changesTab);
            }
        });
        return tabs;
    }

    private HBox actions() {
        CheckBox all = new CheckBox("All documents");
        all.setId("routing-all");
        all.selectedProperty().bindBidirectional(model.allProperty());
        RoutingApplyViewModel applying = model.applying();
        Button preview = new Button("Preview changes", new FontIcon(Feather.GIT_PULL_REQUEST));
        preview.setId("routing-preview");
        preview.disableProperty().bind(applying.canPreviewProperty().not());
        preview.setOnAction(e -> applying.preview());
        Button apply = new Button("Apply", new FontIcon(Feather.UPLOAD_CLOUD));
        apply.setId("routing-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(applying.canApplyProperty().not());
        apply.setOnAction(e -> ask.ask(applying.action(true), applying::apply));
        Button delete = new Button("Delete from cluster", new FontIcon(Feather.TRASH_2));
        delete.setId("routing-delete");
        delete.disableProperty().bind(applying.canPreviewProperty().not());
        delete.setOnAction(e -> ask.ask(applying.action(false), applying::delete));
        HBox bar = new HBox(8, all, preview, apply, delete);
        bar.setId("routing-actions");
        for (javafx.scene.Node node : List.of(all, preview, apply, delete)) {
            ((Region) node).setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Label applyStatus() {
        Label status = Views.wrapping("");
        status.setId("routing-apply-status");
        status.textProperty().bind(model.applying().statusProperty());
        status.managedProperty().bind(status.visibleProperty());
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        return status;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
