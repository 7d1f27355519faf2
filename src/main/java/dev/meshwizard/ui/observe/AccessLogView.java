package dev.meshwizard.ui.observe;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.meshwizard.ui.common.Views;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The access-log switch, the followed proxy logs with failed requests highlighted, and the selected line's flags. */
public final class AccessLogView extends VBox {

    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    public AccessLogView(AccessLogViewModel model) {
        setSpacing(8);

        ToggleSwitch toggle = new ToggleSwitch("Access logs for the whole mesh (Telemetry mesh-default)");
        toggle.setId("access-log-switch");
        toggle.setLabelPosition(javafx.geometry.HorizontalDirection.RIGHT);
        toggle.selectedProperty().bindBidirectional(model.telemetryProperty());
        Label state = Views.muted("");
        state.setId("access-log-state");
        state.textProperty().bind(model.stateProperty());

        ComboBox<String> workload = new ComboBox<>(model.workloads());
        workload.setId("log-workload");
        workload.setPromptText("a pod with a sidecar");
        workload.setPrefWidth(320);
        workload.valueProperty().bindBidirectional(model.workloadProperty());
        Button follow = new Button("Follow the logs", new FontIcon(Feather.PLAY));
        follow.setId("follow-logs");
        follow.setOnAction(e -> model.follow());
        Button stop = new Button("Stop", new FontIcon(Feather.SQUARE));
        stop.setId("stop-logs");
        stop.disableProperty().bind(model.followingProperty().not());
        stop.setOnAction(e -> model.stopFollowing());
        // the pod list gives way on a laptop, never the buttons' words ("Follow the…", "…")
        workload.setMinWidth(140);
        Label podsAnd = Views.label("Gateway pods and");
        for (javafx.scene.layout.Region fixed : List.of(podsAnd, follow, stop)) {
            fixed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox podRow = new HBox(8, podsAnd, workload, follow, stop);
        podRow.setAlignment(Pos.CENTER_LEFT);
        Label followStatus = Views.muted("");
        followStatus.setId("follow-status");
        followStatus.textProperty().bind(model.followStatusProperty());

        TableView<LogRow> table = new TableView<>(model.rows());
        table.setId("access-log-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Follow the logs to see each request the proxies handle."));
        table.getColumns().add(Views.column("Pod", LogRow::pod, 170));
        table.getColumns().add(Views.column("Request", LogRow::request, 200));
        table.getColumns().add(highlighted("Status", LogRow::status, 72, row -> row.status().matches("[45].*|-")));
        table.getColumns().add(highlighted("Flags", LogRow::flags, 72, row -> !row.flags().isEmpty()));
        TableColumn<LogRow, String> duration = Views.column("Duration", LogRow::duration, 95);
        duration.setMinWidth(95);
        table.getColumns().add(duration);
        table.getColumns().add(Views.column("Upstream cluster", LogRow::upstream, 300));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LogRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(DANGER, !empty && row != null && row.failed());
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.select(row));
        model.rows().addListener((ListChangeListener<LogRow>) c -> {
            if (table.getSelectionModel().isEmpty() && !model.rows().isEmpty()) {
                table.scrollTo(model.rows().size() - 1);
            }
        });

        TextArea explanation = new TextArea();
        explanation.setId("flag-explanation");
        explanation.setEditable(false);
        explanation.setWrapText(true);
        explanation.setPromptText("Select a line to have its response flags explained.");
        explanation.textProperty().bind(model.explanationProperty());

        SplitPane split = new SplitPane(table, explanation);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        VBox.setVgrow(split, Priority.ALWAYS);

        getChildren().addAll(toggle, state, podRow, followStatus, split);
    }

    /** A column whose text is shown in the danger colour when {@code bad} holds for the row. */
    private static TableColumn<LogRow, String> highlighted(String title, Function<LogRow, String> value, double width,
                                                          Predicate<LogRow> bad) {
        TableColumn<LogRow, String> column = Views.column(title, value, width);
        column.setMinWidth(width);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                LogRow row = getTableRow() == null ? null : getTableRow().getItem();
                boolean danger = !empty && row != null && bad.test(row);
                getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_BOLD);
                if (danger) {
                    getStyleClass().addAll(Styles.DANGER, Styles.TEXT_BOLD);
                }
            }
        });
        return column;
    }
}
