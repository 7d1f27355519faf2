package dev.meshwizard.ui.sidepanel;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.meshwizard.cluster.watch.PodRow;
import dev.meshwizard.cluster.watch.Row;
import dev.meshwizard.cluster.watch.ServiceRow;
import dev.meshwizard.cluster.watch.WatchState;
import dev.meshwizard.ui.common.Ages;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The live side panel: watched namespaces, filter, pods and services tables, details of the selection. */
public final class SidePanelView extends VBox {

    private final SidePanelViewModel model;
    private final TableView<LiveRow<PodRow>> podTable = new TableView<>();
    private final TableView<LiveRow<ServiceRow>> serviceTable = new TableView<>();
    private final ObjectProperty<Instant> clock = new SimpleObjectProperty<>(Instant.now());

    public SidePanelView(SidePanelViewModel model) {
        this.model = model;
        setId("side-panel");
        setSpacing(8);
        setPadding(new Insets(12));
        setMinWidth(360);

        SplitPane split = new SplitPane(tables(), details());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(header(), scopeRow(), filterField(), split);

        // ages move on by themselves: only the visible Age cells re-read the clock, no table-wide refresh
        Timeline ages = new Timeline(new KeyFrame(Duration.seconds(5), e -> clock.set(Instant.now())));
        ages.setCycleCount(Timeline.INDEFINITE);
        ages.play();
    }

    private VBox header() {
        Label title = new Label("Live cluster");
        title.getStyleClass().add(Styles.TITLE_4);
        Label status = new Label();
        status.setId("watch-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        FontIcon icon = new FontIcon(Feather.ACTIVITY);
        status.setGraphic(icon);
        model.stateProperty().addListener((obs, old, now) -> {
            status.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
            icon.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
            String style = now == WatchState.WATCHING ? Styles.SUCCESS
                    : now == WatchState.LOST ? Styles.DANGER : now == WatchState.SYNCING ? Styles.WARNING : null;
            if (style != null) {
                status.getStyleClass().add(style);
                icon.getStyleClass().add(style);
            }
        });
        return new VBox(2, title, status);
    }

    private HBox scopeRow() {
        TextField namespaces = new TextField();
        namespaces.setId("watch-namespaces");
        namespaces.setPromptText("istio-system, default, …");
        namespaces.textProperty().bindBidirectional(model.namespacesProperty());
        namespaces.disableProperty().bind(model.allNamespacesProperty());
        namespaces.setOnAction(e -> model.applyScope());
        HBox.setHgrow(namespaces, Priority.ALWAYS);
        CheckBox all = new CheckBox("All");
        all.setId("watch-all");
        all.selectedProperty().bindBidirectional(model.allNamespacesProperty());
        Button apply = new Button("Watch");
        apply.setId("watch-apply");
        apply.setOnAction(e -> model.applyScope());
        Label label = new Label("Namespaces");
        for (javafx.scene.layout.Region fixed : List.of(label, all, apply)) {
            // the field gives way, never the words ("Namespa…", "Wat…")
            fixed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        namespaces.setMinWidth(120);
        HBox row = new HBox(6, label, namespaces, all, apply);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private TextField filterField() {
        TextField filter = new TextField();
        filter.setId("filter");
        filter.setPromptText("Filter by name, namespace, status, node…");
        filter.textProperty().bindBidirectional(model.filterProperty());
        return filter;
    }

    private TabPane tables() {
        podTable.setId("pods-table");
        SortedList<LiveRow<PodRow>> sortedPods = new SortedList<>(model.pods());
        sortedPods.comparatorProperty().bind(podTable.comparatorProperty());
        podTable.setItems(sortedPods);
        podTable.getColumns().add(text("Namespace", PodRow::namespace, 105));
        podTable.getColumns().add(text("Name", PodRow::name, 170));
        podTable.getColumns().add(text("Ready", p -> p.ready() + "/" + p.total(), 56));
        TableColumn<LiveRow<PodRow>, String> status = text("Status", PodRow::status, 140);
        status.setCellFactory(c -> new StatusCell());
        podTable.getColumns().add(status);
        TableColumn<LiveRow<PodRow>, Integer> restarts = new TableColumn<>("Restarts");
        restarts.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().get().restarts()));
        restarts.setMinWidth(dev.meshwizard.ui.common.Views.titleWidth("Restarts"));
        restarts.setPrefWidth(restarts.getMinWidth());
        podTable.getColumns().add(restarts);
        podTable.getColumns().add(age(PodRow::created));
        podTable.getColumns().add(text("Sidecar", p -> p.sidecar() ? "✓" : "—", 60));
        podTable.getColumns().add(text("Node", PodRow::node, 100));
        setUp(podTable, "No pods in the watched namespaces");

        serviceTable.setId("services-table");
        SortedList<LiveRow<ServiceRow>> sortedServices = new SortedList<>(model.services());
        sortedServices.comparatorProperty().bind(serviceTable.comparatorProperty());
        serviceTable.setItems(sortedServices);
        serviceTable.getColumns().add(text("Namespace", ServiceRow::namespace, 105));
        serviceTable.getColumns().add(text("Name", ServiceRow::name, 150));
        serviceTable.getColumns().add(text("Type", ServiceRow::type, 90));
        serviceTable.getColumns().add(text("Cluster IP", ServiceRow::clusterIp, 100));
        serviceTable.getColumns().add(text("Ports", ServiceRow::ports, 200));
        serviceTable.getColumns().add(text("External", ServiceRow::external, 150));
        serviceTable.getColumns().add(age(ServiceRow::created));
        setUp(serviceTable, "No services in the watched namespaces");

        Tab podsTab = new Tab("Pods", podTable);
        podsTab.setId("pods-tab");
        Tab servicesTab = new Tab("Services", serviceTable);
        servicesTab.setId("services-tab");
        podsTab.textProperty().bind(javafx.beans.binding.Bindings.size(model.pods()).asString("Pods (%d)"));
        servicesTab.textProperty().bind(
                javafx.beans.binding.Bindings.size(model.services()).asString("Services (%d)"));
        TabPane tabs = new TabPane(podsTab, servicesTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private <R extends Row> void setUp(TableView<LiveRow<R>> table, String placeholder) {
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, Styles.STRIPED);
        table.setPlaceholder(new Label(placeholder));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now.get());
            }
        });
    }

    private TextArea details() {
        TextArea details = new TextArea();
        details.setId("details");
        details.setEditable(false);
        details.setWrapText(false);
        details.setPromptText("Select a pod or service to see its labels, annotations, conditions and containers.");
        details.textProperty().bind(model.detailsProperty());
        details.getStyleClass().add("monospace");
        details.setStyle("-fx-font-family: monospace;");
        return details;
    }

    private static <R extends Row> TableColumn<LiveRow<R>, String> text(String title, Function<R, String> value,
                                                                        double width) {
        TableColumn<LiveRow<R>, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue().get())));
        // the table scrolls sideways rather than cutting titles to "Namesp…"
        double titleWidth = dev.meshwizard.ui.common.Views.titleWidth(title);
        column.setPrefWidth(Math.max(width, titleWidth));
        column.setMinWidth(titleWidth);
        return column;
    }

    private <R extends Row> TableColumn<LiveRow<R>, Instant> age(Function<R, Instant> created) {
        TableColumn<LiveRow<R>, Instant> column = new TableColumn<>("Age");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(created.apply(c.getValue().get())));
        column.setComparator(Comparator.nullsLast(Comparator.<Instant>naturalOrder().reversed()));
        column.setCellFactory(c -> new TableCell<>() {
            {
                clock.addListener((obs, old, now) -> show(getItem(), isEmpty()));
            }

            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                show(item, empty);
            }

            private void show(Instant item, boolean empty) {
                setText(empty || item == null ? null : Ages.format(item, clock.get()));
            }
        });
        column.setMinWidth(dev.meshwizard.ui.common.Views.titleWidth("Age"));
        column.setPrefWidth(column.getMinWidth());
        return column;
    }

    /** Colours the status by pseudo-class: cheaper for CSS than swapping style classes on every update. */
    private static final class StatusCell extends TableCell<LiveRow<PodRow>, String> {
        private static final PseudoClass GOOD = PseudoClass.getPseudoClass("good");
        private static final PseudoClass WARN = PseudoClass.getPseudoClass("warn");
        private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");

        StatusCell() {
            getStyleClass().add("pod-status");
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            boolean none = empty || item == null;
            boolean good = !none && (item.equals("Running") || item.equals("Completed"));
            boolean bad = !none && (item.contains("BackOff") || item.contains("Err") || item.equals("Failed")
                    || item.equals("Evicted") || item.equals("OOMKilled"));
            pseudoClassStateChanged(GOOD, good);
            pseudoClassStateChanged(BAD, bad);
            pseudoClassStateChanged(WARN, !none && !good && !bad);
        }
    }
}
