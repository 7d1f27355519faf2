package dev.meshwizard.ui.cluster;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.meshwizard.cluster.connect.KubeContext;
import dev.meshwizard.cluster.precheck.PrecheckItem;
import dev.meshwizard.ui.common.Views;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Cluster step: kubeconfig contexts, connect/offline, and the precheck checklist. */
public final class ClusterStepView extends VBox {

    private final ClusterStepViewModel model;

    public ClusterStepView(ClusterStepViewModel model) {
        this.model = model;
        setSpacing(12);
        setPadding(new Insets(16));
        getChildren().addAll(
                Views.heading("Cluster", "Pick a kubeconfig context to install into, or work offline: "
                        + "every later step can preview and export without a cluster."),
                kubeconfigRow(),
                contextsTable(),
                connectRow(),
                Views.errorLabel("cluster-error", model.errorProperty()),
                precheckSection());
    }

    private VBox kubeconfigRow() {
        Label source = Views.wrapping("");
        source.setId("kubeconfig-source");
        source.textProperty().bind(model.sourceProperty());
        source.getStyleClass().add(Styles.TEXT_MUTED);

        Button open = new Button("Open file…", new FontIcon(Feather.FOLDER));
        open.setId("open-kubeconfig");
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a kubeconfig file");
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                model.openKubeconfig(file.toPath());
            }
        });
        Button reload = new Button("Use default", new FontIcon(Feather.REFRESH_CW));
        reload.setId("reload-kubeconfig");
        reload.setTooltip(new javafx.scene.control.Tooltip("Read KUBECONFIG, else ~/.kube/config, as kubectl does"));
        reload.setOnAction(e -> model.reloadDefault());
        open.disableProperty().bind(model.busyProperty());
        reload.disableProperty().bind(model.busyProperty());

        Label title = new Label("Kubeconfig");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        HBox row = new HBox(8, title, open, reload);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(4, row, source);
    }

    private TableView<KubeContext> contextsTable() {
        TableView<KubeContext> table = new TableView<>(model.contexts());
        table.setId("contexts");
        table.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No contexts — Mesh Wizard works offline"));
        table.getColumns().add(column("Context", c -> c.current() ? c.name() + "  (current)" : c.name(), 180));
        table.getColumns().add(column("Server", KubeContext::server, 220));
        table.getColumns().add(column("User", KubeContext::user, 120));
        table.getColumns().add(column("Namespace", c -> c.namespace().isEmpty() ? "default" : c.namespace(), 100));
        table.setPrefHeight(120);
        table.setMinHeight(110);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedContextProperty().set(now);
            }
        });
        model.selectedContextProperty().addListener((obs, old, now) -> table.getSelectionModel().select(now));
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<KubeContext>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.connect();
                }
            });
            return row;
        });
        return table;
    }

    private static TableColumn<KubeContext, String> column(String title,
                                                          java.util.function.Function<KubeContext, String> value,
                                                          double width) {
        TableColumn<KubeContext, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private VBox connectRow() {
        Button connect = new Button("Connect", new FontIcon(Feather.LINK));
        connect.setId("connect");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setDefaultButton(true);
        connect.textProperty().bind(Bindings.createStringBinding(() -> {
            KubeContext context = model.selectedContextProperty().get();
            return context == null ? "Connect" : "Connect to " + context.name();
        }, model.selectedContextProperty()));
        connect.disableProperty().bind(model.canConnectProperty().not());
        connect.setOnAction(e -> model.connect());

        Button offline = new Button("Work offline", new FontIcon(Feather.CLOUD_OFF));
        offline.setId("go-offline");
        offline.setOnAction(e -> model.goOffline());

        Label state = Views.wrapping("");
        state.setId("connection-state");
        state.textProperty().bind(model.connectionProperty());
        state.getStyleClass().add(Styles.TEXT_BOLD);

        HBox buttons = new HBox(8, connect, offline);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(6, buttons, state);
    }

    private VBox precheckSection() {
        ComboBox<String> version = new ComboBox<>();
        version.setId("istio-version");
        version.getItems().setAll(ClusterStepViewModel.ISTIO_VERSIONS);
        version.valueProperty().bindBidirectional(model.istioVersionProperty());

        Button run = new Button("Run precheck", new FontIcon(Feather.CHECK_SQUARE));
        run.setId("run-precheck");
        run.disableProperty().bind(model.canPrecheckProperty().not());
        run.setOnAction(e -> model.runPrecheck());

        Label summary = Views.wrapping("");
        summary.setId("precheck-summary");
        summary.textProperty().bind(model.precheckSummaryProperty());

        HBox controls = new HBox(8, new Label("Istio"), version, run);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        version.setMinWidth(Region.USE_PREF_SIZE);
        run.setMinWidth(Region.USE_PREF_SIZE);

        ListView<PrecheckItem> items = new ListView<>(model.precheckItems());
        items.setId("precheck-items");
        items.setCellFactory(list -> new PrecheckCell());
        Label placeholder = Views.wrapping("Connect, then run the precheck to see whether the cluster is ready for "
                + "Istio: Kubernetes version, permissions for what an install creates, and Istio already present.");
        placeholder.setPadding(new Insets(12));
        items.setPlaceholder(placeholder);
        VBox.setVgrow(items, Priority.ALWAYS);
        items.setMinHeight(120);

        Label title = new Label("Precheck");
        title.getStyleClass().add(Styles.TITLE_4);
        VBox section = new VBox(8, title, controls, summary, items);
        VBox.setVgrow(section, Priority.ALWAYS);
        return section;
    }

    private static final class PrecheckCell extends ListCell<PrecheckItem> {
        @Override
        protected void updateItem(PrecheckItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            FontIcon icon = switch (item.status()) {
                case PASS -> Views.icon(Feather.CHECK_CIRCLE, Styles.SUCCESS);
                case WARN -> Views.icon(Feather.ALERT_TRIANGLE, Styles.WARNING);
                case FAIL -> Views.icon(Feather.X_CIRCLE, Styles.DANGER);
            };
            Label title = new Label(item.title() + " — " + Views.words(item.status()));
            title.getStyleClass().add(Styles.TEXT_BOLD);
            Label detail = Views.wrapping(item.detail());
            VBox text = new VBox(2, title, detail);
            if (!item.fix().isBlank()) {
                Label fix = Views.wrapping("Fix: " + item.fix());
                fix.getStyleClass().add(Styles.TEXT_MUTED);
                text.getChildren().add(fix);
            }
            HBox box = new HBox(8, icon, text);
            text.maxWidthProperty().bind(getListView().widthProperty().subtract(60));
            setText(null);
            setGraphic(box);
        }
    }
}
