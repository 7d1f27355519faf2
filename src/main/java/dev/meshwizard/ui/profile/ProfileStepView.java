package dev.meshwizard.ui.profile;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.ChartSourceSpec.Kind;
import dev.meshwizard.ui.common.Views;
import java.io.File;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Profile step: profile comparison, platform/revision/version, chart source, releases and warnings. */
public final class ProfileStepView extends VBox {

    private final ProfileStepViewModel model;

    public ProfileStepView(ProfileStepViewModel model) {
        this.model = model;
        setSpacing(12);
        setPadding(new Insets(16));
        getChildren().addAll(
                Views.heading("Profile", "Choose what to install. A profile picks the Helm releases and the charts' "
                        + "profile value; platform and revision are passed to every chart."),
                profileTable(), settingsGrid(), sourceSection(), releasesSection(), warningsBox());
    }

    private TableView<ProfileStepViewModel.ProfileLine> profileTable() {
        TableView<ProfileStepViewModel.ProfileLine> table = new TableView<>(model.profiles());
        table.setId("profiles");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Views.column("Profile", line -> line.profile().id(), 80));
        table.getColumns().add(Views.column("Installs", ProfileStepViewModel.ProfileLine::installs, 190));
        table.getColumns().add(Views.column("What it changes", ProfileStepViewModel.ProfileLine::changes, 300));
        table.setPrefHeight(250);
        table.setMinHeight(200);
        Runnable select = () -> model.profiles().stream()
                .filter(line -> line.profile() == model.profileProperty().get()).findFirst()
                .ifPresent(line -> table.getSelectionModel().select(line));
        select.run();
        model.profileProperty().addListener((obs, old, now) -> select.run());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now.profile() != model.profileProperty().get()) {
                model.profileProperty().set(now.profile());
            }
        });
        return table;
    }


    private GridPane settingsGrid() {
        ComboBox<String> platform = new ComboBox<>();
        platform.setId("platform");
        platform.getItems().setAll(ProfileStepViewModel.PLATFORMS);
        platform.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? "none" : value;
            }

            @Override
            public String fromString(String text) {
                return "none".equals(text) ? "" : text;
            }
        });
        platform.valueProperty().bindBidirectional(model.platformProperty());

        TextField revision = new TextField();
        revision.setId("revision");
        revision.setPromptText("none, or e.g. 1-30-3");
        revision.textProperty().bindBidirectional(model.revisionProperty());

        TextField version = new TextField();
        version.setId("istio-version-field");
        version.setPromptText("e.g. 1.30.3");
        version.textProperty().bindBidirectional(model.istioVersionProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, Views.label("Platform"), platform, Views.label("Revision"), revision);
        grid.add(Views.errorLabel("revision-error", model.revisionErrorProperty()), 3, 1);
        grid.addRow(2, Views.label("Istio version"), version);
        return grid;
    }

    private VBox sourceSection() {
        ToggleGroup group = new ToggleGroup();
        RadioButton repo = new RadioButton("Istio Helm repository");
        repo.setId("source-repo");
        RadioButton release = new RadioButton("Istio release folder");
        release.setId("source-release");
        RadioButton charts = new RadioButton("Folder of charts");
        charts.setId("source-charts");
        repo.setUserData(Kind.HELM_REPO);
        release.setUserData(Kind.ISTIO_RELEASE);
        charts.setUserData(Kind.CHARTS_FOLDER);
        for (RadioButton button : new RadioButton[] {repo, release, charts}) {
            button.setToggleGroup(group);
            button.setSelected(button.getUserData() == model.sourceKindProperty().get());
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.sourceKindProperty().set((Kind) now.getUserData());
            }
        });
        model.sourceKindProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(group::selectToggle));

        TextField url = new TextField();
        url.setId("repo-url");
        url.textProperty().bindBidirectional(model.repoUrlProperty());
        url.visibleProperty().bind(repo.selectedProperty());
        url.managedProperty().bind(url.visibleProperty());
        HBox.setHgrow(url, Priority.ALWAYS);

        TextField folder = new TextField();
        folder.setId("source-folder");
        folder.setPromptText("istio-1.30.3/ or a folder of charts");
        folder.textProperty().bindBidirectional(model.sourceFolderProperty());
        Button browse = new Button("Browse…", new FontIcon(Feather.FOLDER));
        browse.setOnAction(e -> {
            File chosen = new DirectoryChooser().showDialog(getScene().getWindow());
            if (chosen != null) {
                folder.setText(chosen.getAbsolutePath());
                model.checkSource();
            }
        });
        HBox folderRow = new HBox(6, folder, browse);
        HBox.setHgrow(folder, Priority.ALWAYS);
        folderRow.visibleProperty().bind(repo.selectedProperty().not());
        folderRow.managedProperty().bind(folderRow.visibleProperty());

        Button check = new Button("Check charts", new FontIcon(Feather.CHECK));
        check.setId("check-source");
        check.setOnAction(e -> model.checkSource());
        Label status = Views.wrapping("");
        status.setId("source-status");
        status.textProperty().bind(model.sourceStatusProperty());
        Label images = Views.muted("");
        images.setId("source-images");
        images.setWrapText(true);
        images.textProperty().bind(model.imagesProperty());
        images.visibleProperty().bind(model.imagesProperty().isNotEmpty());
        images.managedProperty().bind(images.visibleProperty());

        Label title = new Label("Charts from");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        HBox kinds = new HBox(14, repo, release, charts);
        HBox where = new HBox(6, url, folderRow, check);
        where.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(folderRow, Priority.ALWAYS);
        return new VBox(6, title, kinds, where, status, images);
    }

    private VBox releasesSection() {
        TableView<ChartRelease> table = new TableView<>(model.releases());
        table.setId("releases");
        table.setEditable(true);
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ChartRelease, String> name = Views.column("Release", ChartRelease::name, 200);
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setOnEditCommit(e -> model.editRelease(e.getRowValue(), e.getNewValue(), e.getRowValue().namespace()));
        TableColumn<ChartRelease, String> namespace = Views.column("Namespace", ChartRelease::namespace, 160);
        namespace.setCellFactory(TextFieldTableCell.forTableColumn());
        namespace.setOnEditCommit(e -> model.editRelease(e.getRowValue(), e.getRowValue().name(), e.getNewValue()));
        table.getColumns().add(name);
        table.getColumns().add(Views.column("Chart", r -> r.component().chartName(), 100));
        table.getColumns().add(namespace);
        table.setPlaceholder(new Label("The empty profile installs nothing"));
        table.setPrefHeight(150);
        Label title = new Label("Releases, in install order (double-click a name or namespace to change it)");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        return new VBox(6, title, table, Views.errorLabel("release-error", model.releaseErrorProperty()));
    }

    private VBox warningsBox() {
        VBox box = new VBox(4);
        box.setId("plan-warnings");
        Runnable fill = () -> box.getChildren().setAll(model.warnings().stream().map(text -> {
            Label label = Views.wrapping(text);
            label.setGraphic(Views.icon(Feather.ALERT_TRIANGLE, Styles.WARNING));
            return label;
        }).toList());
        fill.run();
        model.warnings().addListener((ListChangeListener<String>) c -> fill.run());
        return box;
    }
}
