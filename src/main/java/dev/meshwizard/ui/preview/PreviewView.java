package dev.meshwizard.ui.preview;

import atlantafx.base.theme.Styles;
import dev.meshwizard.render.RenderedManifests;
import dev.meshwizard.render.RenderedObject;
import dev.meshwizard.render.RenderedRelease;
import dev.meshwizard.ui.common.OverwriteDialog;
import dev.meshwizard.ui.common.Views;
import dev.meshwizard.ui.common.YamlEditor;
import java.io.File;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Offline manifest preview: release → kind → name tree, the selected object's YAML, search and export. */
public final class PreviewView extends VBox {

    private final PreviewViewModel model;
    private final TreeView<Object> tree = new TreeView<>();
    private final YamlEditor yaml = new YamlEditor(false);

    public PreviewView(PreviewViewModel model) {
        this.model = model;
        setSpacing(10);
        setPadding(new Insets(16));

        Button render = new Button("Render now", new FontIcon(Feather.REFRESH_CW));
        render.setId("render-now");
        render.setOnAction(e -> model.renderNow());
        Button export = new Button("Export folder…", new FontIcon(Feather.DOWNLOAD));
        export.setId("export");
        export.disableProperty().bind(model.manifestsProperty().isNull());
        export.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose an empty folder or a new folder name for the export");
            File chosen = chooser.showDialog(getScene().getWindow());
            if (chosen != null) {
                model.export(chosen.toPath());
            }
        });
        OverwriteDialog.attach(this, model.overwriteQuestion());
        TextField search = new TextField();
        search.setId("preview-search");
        search.setPromptText("Search the manifests…");
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnAction(e -> yaml.find(search.getText()));
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox toolbar = new HBox(8, render, export, search);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        Label status = Views.wrapping("");
        status.setId("preview-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());

        tree.setId("preview-tree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item instanceof RenderedObject object ? object.name()
                        : item.toString());
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now.getValue() instanceof RenderedObject object) {
                model.selectedProperty().set(object);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> select(now));
        model.selectedYamlProperty().addListener((obs, old, now) -> {
            yaml.setText(now);
            if (!model.searchProperty().get().isBlank()) {
                yaml.find(model.searchProperty().get());
            }
        });
        model.manifestsProperty().addListener((obs, old, now) -> fillTree(now));
        model.searchProperty().addListener((obs, old, now) -> fillTree(model.manifestsProperty().get()));

        yaml.setId("preview-yaml");
        SplitPane split = new SplitPane(tree, yaml);
        split.setDividerPositions(0.42);
        VBox.setVgrow(split, Priority.ALWAYS);

        getChildren().addAll(Views.heading("Preview", "Every manifest the plan installs, rendered offline by Helm's own "
                + "template engine. Secrets' values are shown as <redacted>. Export writes the values files, the "
                + "manifests and install/uninstall scripts that use only helm and kubectl."),
                toolbar, status, Views.errorLabel("preview-error", model.errorProperty()), split);
    }

    private void fillTree(RenderedManifests manifests) {
        TreeItem<Object> root = new TreeItem<>("manifests");
        if (manifests != null) {
            for (RenderedRelease release : manifests.releases()) {
                List<RenderedObject> shown = release.objects().stream().filter(model::matches).toList();
                TreeItem<Object> releaseItem = new TreeItem<>(release.name() + " (" + release.chart() + " "
                        + release.chartVersion() + ", " + shown.size() + ")");
                releaseItem.setExpanded(true);
                Map<String, Integer> counts = new java.util.LinkedHashMap<>();
                shown.forEach(o -> counts.merge(o.kind(), 1, Integer::sum));
                for (Map.Entry<String, Integer> kind : counts.entrySet()) {
                    TreeItem<Object> kindItem = new TreeItem<>(kind.getKey() + " (" + kind.getValue() + ")");
                    kindItem.setExpanded(shown.size() <= 30);
                    shown.stream().filter(o -> o.kind().equals(kind.getKey()))
                            .forEach(o -> kindItem.getChildren().add(new TreeItem<>(o)));
                    releaseItem.getChildren().add(kindItem);
                }
                root.getChildren().add(releaseItem);
            }
        }
        tree.setRoot(root);
        select(model.selectedProperty().get());
    }

    /** Selects the tree line of an object (the tree is rebuilt on each render). */
    private void select(RenderedObject object) {
        if (object == null || tree.getRoot() == null) {
            return;
        }
        for (TreeItem<Object> release : tree.getRoot().getChildren()) {
            for (TreeItem<Object> kind : release.getChildren()) {
                for (TreeItem<Object> item : kind.getChildren()) {
                    if (item.getValue() == object && tree.getSelectionModel().getSelectedItem() != item) {
                        tree.getSelectionModel().select(item);
                        return;
                    }
                }
            }
        }
    }
}
