package dev.meshwizard.ui.values;

import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.ValuesProblem;
import dev.meshwizard.ui.common.Views;
import dev.meshwizard.ui.common.YamlEditor;
import java.time.Duration;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Helm values: a tab per release with a form for common keys beside the YAML, problems marked at their line. */
public final class ValuesStepView extends VBox {

    private final TabPane tabs = new TabPane();

    public ValuesStepView(ValuesStepViewModel model) {
        setSpacing(10);
        setPadding(new Insets(16));
        tabs.setId("values-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(Views.heading("Helm values", "The values file of each release, as Helm gets it with -f. "
                + "The form edits the keys people change most and keeps your comments and key order; the YAML is "
                + "checked as you type."), tabs);
        fill(model);
        model.releases().addListener((ListChangeListener<ReleaseValuesViewModel>) c -> fill(model));
    }

    private void fill(ValuesStepViewModel model) {
        tabs.getTabs().setAll(model.releases().stream().map(this::tab).toList());
    }

    private Tab tab(ReleaseValuesViewModel release) {
        YamlEditor editor = new YamlEditor(true);
        editor.setId("values-editor-" + release.releaseName());
        editor.setText(release.textProperty().get());
        editor.onEdited(Duration.ofMillis(300), release::textEdited);
        release.textProperty().addListener((obs, old, now) -> {
            if (!now.equals(editor.getText())) {
                editor.setText(now);
            }
        });
        ListView<ValuesProblem> problems = new ListView<>(release.problems());
        problems.setId("values-problems-" + release.releaseName());
        problems.setPrefHeight(90);
        problems.setPlaceholder(new Label("No problems"));
        problems.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ValuesProblem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : "Line " + item.line() + ": " + item.message()
                        + (item.fix().isBlank() ? "" : " — " + item.fix()));
            }
        });
        problems.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                editor.goToLine(now.line());
            }
        });
        release.problems().addListener((ListChangeListener<ValuesProblem>) c ->
                editor.showProblems(release.problemsByLine()));
        VBox right = new VBox(6, editor, problems);
        VBox.setVgrow(editor, Priority.ALWAYS);

        ScrollPane form = new ScrollPane(form(release));
        form.setFitToWidth(true);
        // on a laptop the form keeps room for its labels, fields and the ports table's titles
        form.setMinWidth(370);
        SplitPane split = new SplitPane(form, right);
        split.setDividerPositions(0.45);
        Tab tab = new Tab(release.releaseName() + " (" + release.component().chartName() + ")", split);
        tab.setId("values-tab-" + release.releaseName());
        return tab;
    }

    private VBox form(ReleaseValuesViewModel release) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        for (ReleaseValuesViewModel.Field field : release.fields()) {
            if (field.path().equals("service.type")) {
                ComboBox<String> type = new ComboBox<>();
                type.setId("field-" + release.releaseName() + "-service-type");
                type.getItems().setAll("LoadBalancer", "NodePort", "ClusterIP", "None");
                type.setEditable(false);
                type.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                type.valueProperty().bindBidirectional(field.value());
                grid.addRow(row++, Views.label(field.label()), type);
            } else {
                TextField text = new TextField();
                text.setId("field-" + release.releaseName() + "-" + field.path().replace('.', '-'));
                text.setPromptText("chart default");
                text.setMinWidth(140);
                text.setText(field.value().get());
                field.value().addListener((obs, old, now) -> {
                    if (!text.isFocused() && !now.equals(text.getText())) {
                        text.setText(now);
                    }
                });
                text.setOnAction(e -> field.value().set(text.getText()));
                text.focusedProperty().addListener((obs, was, is) -> {
                    if (!is && !text.getText().equals(field.value().get())) {
                        field.value().set(text.getText());
                    }
                });
                grid.addRow(row++, Views.label(field.label()), text);
            }
        }
        Label error = Views.errorLabel("form-error-" + release.releaseName(), release.formErrorProperty());
        VBox box = new VBox(10, grid, error);
        box.setPadding(new Insets(8));
        if (release.component() == Component.GATEWAY) {
            box.getChildren().add(new GatewayServiceForm(release));
        }
        if (release.fields().isEmpty()) {
            box.getChildren().add(Views.wrapping("No form for this chart: edit its values as YAML."));
        }
        return box;
    }
}
