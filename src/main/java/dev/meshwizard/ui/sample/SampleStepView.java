package dev.meshwizard.ui.sample;

import dev.meshwizard.ui.changes.ObjectChangesView;
import dev.meshwizard.ui.changes.ObjectChangesViewModel;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.meshwizard.cluster.apply.NamespaceInjection;
import dev.meshwizard.samples.Bookinfo;
import dev.meshwizard.ui.common.OverwriteDialog;
import dev.meshwizard.ui.common.ConfirmationBar;
import dev.meshwizard.ui.common.Views;
import dev.meshwizard.ui.common.YamlEditor;
import java.io.File;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Sample step: sidecar injection per namespace, then a sample application previewed, applied or deleted. */
public final class SampleStepView extends VBox {

    public SampleStepView(SampleStepViewModel model) {
        setSpacing(10);
        setPadding(new Insets(16));
        VBox injection = injection(model.injection());
        VBox sample = sample(model);
        VBox.setVgrow(sample, Priority.ALWAYS);
        getChildren().addAll(Views.heading("Sample", "Turn on sidecar injection where the sample goes, then deploy "
                + "Bookinfo, httpbin, curl or any manifest file — previewed against the cluster first, applied with "
                + "server-side apply (field manager mesh-wizard)."), injection, sample);
    }

    private static VBox injection(InjectionViewModel model) {
        Label title = new Label("Sidecar injection");
        title.getStyleClass().add(Styles.TITLE_4);
        TableView<NamespaceInjection> table = new TableView<>(model.namespaces());
        table.setId("injection-namespaces");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Views.column("Namespace", NamespaceInjection::name, 140));
        table.getColumns().add(Views.column("Injection", InjectionViewModel::describe, 100));
        table.getColumns().add(Views.column("Pods", r -> String.valueOf(r.pods()), 60));
        table.getColumns().add(Views.column("Without sidecar", r -> String.valueOf(r.podsWithoutSidecar()), 130));
        table.getColumns().add(Views.column("Note", r -> r.bothLabels()
                ? "⚠ both istio-injection and istio.io/rev: Istio goes by istio-injection" : "", 260));
        table.setPlaceholder(Views.muted(InjectionViewModel.OFFLINE));
        table.setPrefHeight(150);
        table.setMinHeight(140);
        // both ways, not bound: the model selects the row it has just replaced after a change
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty()
                .set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });

        Button enable = new Button(model.enableText(), new FontIcon(Feather.TOGGLE_RIGHT));
        enable.setId("enable-injection");
        enable.disableProperty().bind(model.canChangeProperty().not());
        enable.setOnAction(e -> model.enable());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                enable.setText(model.enableText()));
        Button disable = new Button("Disable injection", new FontIcon(Feather.TOGGLE_LEFT));
        disable.setId("disable-injection");
        disable.disableProperty().bind(model.canChangeProperty().not());
        disable.setOnAction(e -> model.disable());
        Button restart = new Button("Restart deployments", new FontIcon(Feather.ROTATE_CW));
        restart.setId("restart-deployments");
        restart.disableProperty().bind(model.canChangeProperty().not());
        restart.setOnAction(e -> model.restartDeployments());
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refresh-namespaces");
        refresh.setOnAction(e -> model.refresh());
        HBox buttons = new HBox(8, enable, disable, restart, refresh);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label status = Views.wrapping("");
        status.setId("injection-status");
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        buttons.getChildren().forEach(b -> ((Button) b).setMinWidth(Region.USE_PREF_SIZE));
        Label hint = Views.muted("Running pods get or lose their sidecar only when restarted.");
        return new VBox(6, title, table, buttons, status, hint);
    }

    private VBox sample(SampleStepViewModel model) {
        Label title = new Label("Deploy a sample");
        title.getStyleClass().add(Styles.TITLE_4);
        ToggleGroup group = new ToggleGroup();
        RadioButton bookinfo = radio("Bookinfo", "sample-bookinfo", SampleStepViewModel.Sample.BOOKINFO, group);
        RadioButton httpbin = radio("httpbin", "sample-httpbin", SampleStepViewModel.Sample.HTTPBIN, group);
        RadioButton curl = radio("curl", "sample-curl", SampleStepViewModel.Sample.CURL, group);
        RadioButton file = radio("Manifest file", "sample-file", SampleStepViewModel.Sample.FILE, group);
        group.selectToggle(bookinfo);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.sampleProperty().set((SampleStepViewModel.Sample) now.getUserData());
            }
        });
        model.sampleProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(group::selectToggle));
        Button load = new Button("Load manifest file…", new FontIcon(Feather.FOLDER));
        load.setId("load-manifest");
        load.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Load a manifest file");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                model.loadFile(chosen.toPath());
            }
        });
        HBox choice = new HBox(14, bookinfo, httpbin, curl, file, load);
        choice.setAlignment(Pos.CENTER_LEFT);

        TextField namespace = field("sample-namespace", "default", 130);
        namespace.textProperty().bindBidirectional(model.namespaceProperty());
        TextField registry = field("sample-registry", Bookinfo.DEFAULT_REGISTRY, 160);
        registry.textProperty().bindBidirectional(model.registryProperty());
        TextField tag = field("sample-tag", Bookinfo.DEFAULT_TAG, 80);
        tag.textProperty().bindBidirectional(model.tagProperty());
        CheckBox gateway = new CheckBox("with its Gateway and VirtualService");
        gateway.setId("sample-with-gateway");
        gateway.selectedProperty().bindBidirectional(model.withGatewayProperty());
        HBox bookinfoFields = new HBox(8, Views.label("Registry"), registry, Views.label("Tag"), tag);
        bookinfoFields.setAlignment(Pos.CENTER_LEFT);
        bookinfoFields.visibleProperty().bind(model.sampleProperty().isEqualTo(SampleStepViewModel.Sample.BOOKINFO));
        bookinfoFields.managedProperty().bind(bookinfoFields.visibleProperty());
        HBox fields = new HBox(8, Views.label("Namespace"), namespace, bookinfoFields);
        fields.setAlignment(Pos.CENTER_LEFT);
        gateway.visibleProperty().bind(bookinfoFields.visibleProperty());
        gateway.managedProperty().bind(gateway.visibleProperty());
        Label gatewayNote = Views.muted("");
        gatewayNote.setId("sample-gateway-note");
        gatewayNote.textProperty().bind(model.gatewayNoteProperty());
        gatewayNote.visibleProperty().bind(gatewayNote.textProperty().isNotEmpty());
        gatewayNote.managedProperty().bind(gatewayNote.visibleProperty());

        Button preview = new Button("Preview changes", new FontIcon(Feather.GIT_PULL_REQUEST));
        preview.setId("sample-preview");
        preview.disableProperty().bind(model.canApplyProperty().not());
        preview.setOnAction(e -> model.preview());
        Button apply = new Button("Apply", new FontIcon(Feather.UPLOAD_CLOUD));
        apply.setId("sample-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(model.canApplyProperty().not());
        ConfirmationBar ask = new ConfirmationBar("sample-confirmation");
        apply.setOnAction(e -> ask.ask(model.applyAction(), model::apply));
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        delete.setId("sample-delete");
        delete.disableProperty().bind(model.canApplyProperty().not());
        delete.setOnAction(e -> ask.ask(model.deleteAction(), model::delete));
        Button save = new Button("Save YAML…", new FontIcon(Feather.DOWNLOAD));
        save.setId("sample-save");
        save.disableProperty().bind(model.yamlProperty().isEmpty());
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the sample's manifests");
            chooser.setInitialFileName("sample.yaml");
            File chosen = chooser.showSaveDialog(getScene().getWindow());
            if (chosen != null) {
                model.saveYaml(chosen.toPath());
            }
        });
        OverwriteDialog.attach(this, model.overwriteQuestion());
        Label summary = Views.muted("");
        summary.textProperty().bind(model.summaryProperty());
        HBox actions = new HBox(8, preview, apply, delete, save);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getChildren().forEach(b -> ((Button) b).setMinWidth(Region.USE_PREF_SIZE));
        Label offline = Views.muted("Offline: the manifests are shown below and can be saved; preview, apply and "
                + "delete need a connected cluster.");
        offline.visibleProperty().bind(model.offlineProperty());
        offline.managedProperty().bind(offline.visibleProperty());
        Label status = Views.wrapping("");
        status.setId("sample-status");
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        YamlEditor yaml = new YamlEditor(false);
        yaml.setId("sample-yaml");
        yaml.setText(model.yamlProperty().get());
        model.yamlProperty().addListener((obs, old, now) -> yaml.setText(now));
        ListView<String> log = new ListView<>(model.log());
        log.setId("sample-log");
        log.getStyleClass().addAll("monospace", Styles.DENSE);
        log.setPlaceholder(new Label("What Apply and Delete did appears here."));
        model.log().addListener((ListChangeListener<String>) c -> log.scrollTo(model.log().size() - 1));
        Tab changesTab = new Tab("Changes", new ObjectChangesView(model.changes(), "sample"));
        TabPane tabs = new TabPane(new Tab("Manifests", yaml), changesTab, new Tab("Log", log));
        tabs.setId("sample-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        model.changes().rows().addListener((ListChangeListener<ObjectChangesViewModel.Row>) c -> {
            if (!model.changes().rows().isEmpty()) {
                tabs.getSelectionModel().select(changesTab);
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        // on a laptop screen the step scrolls to the changes rather than squeezing them to nothing
        tabs.setMinHeight(300);
        return new VBox(6, title, choice, fields, gateway, gatewayNote, summary, actions, ask, offline,
                Views.errorLabel("sample-error", model.errorProperty()), status, tabs);
    }

    private static RadioButton radio(String text, String id, SampleStepViewModel.Sample sample, ToggleGroup group) {
        RadioButton button = new RadioButton(text);
        button.setId(id);
        button.setUserData(sample);
        button.setToggleGroup(group);
        return button;
    }

    private static TextField field(String id, String prompt, double width) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefWidth(width);
        field.setMinWidth(width);
        return field;
    }
}
