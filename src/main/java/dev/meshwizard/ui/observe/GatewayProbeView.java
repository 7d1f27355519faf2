package dev.meshwizard.ui.observe;

import atlantafx.base.theme.Styles;
import dev.meshwizard.ui.common.Views;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The gateway's address, the probe's settings, a chart of status codes per second and the totals. */
public final class GatewayProbeView extends VBox {

    private final StackedBarChart<String, Number> chart;
    private final CategoryAxis seconds = new CategoryAxis();
    private final Map<String, XYChart.Series<String, Number>> series = new TreeMap<>();
    private final Map<String, XYChart.Data<String, Number>> points = new HashMap<>();

    public GatewayProbeView(GatewayProbeViewModel model) {
        setSpacing(8);

        Label gateway = new Label();
        gateway.textProperty().bind(model.gatewayProperty().map(g -> "Gateway release: " + g));
        Button find = new Button("Find the address", new FontIcon(Feather.SEARCH));
        find.setId("find-gateway");
        find.disableProperty().bind(model.canLookUpProperty().not());
        find.setOnAction(e -> model.findAddress());
        HBox gatewayRow = new HBox(10, gateway, find);
        gatewayRow.setAlignment(Pos.CENTER_LEFT);
        Label reason = Views.muted("");
        reason.setId("gateway-reason");
        reason.textProperty().bind(model.addressReasonProperty());

        TextField url = new TextField();
        url.setId("gateway-url");
        url.setPromptText("host:port");
        url.setPrefColumnCount(24);
        url.textProperty().bindBidirectional(model.gatewayUrlProperty());
        Button forward = new Button("Forward to the gateway pod", new FontIcon(Feather.SHUFFLE));
        forward.setId("forward-gateway");
        forward.visibleProperty().bind(model.forwardNeededProperty());
        forward.managedProperty().bind(forward.visibleProperty());
        forward.setOnAction(e -> model.forwardToGateway());
        Label forwardState = new Label();
        forwardState.setId("gateway-forward-state");
        forwardState.getStyleClass().add(Styles.TEXT_MUTED);
        forwardState.textProperty().bind(model.forwardStateProperty());
        url.setMinWidth(120);
        forward.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(url, Priority.SOMETIMES);
        HBox urlRow = new HBox(8, Views.label("GATEWAY_URL"), url, forward, forwardState);
        urlRow.setAlignment(Pos.CENTER_LEFT);

        TextField path = new TextField();
        path.setId("probe-path");
        path.setPrefColumnCount(10);
        path.setMinWidth(Region.USE_PREF_SIZE);
        path.textProperty().bindBidirectional(model.pathProperty());
        Spinner<Integer> rate = spinner("probe-rate", 1, 50, model.rateProperty().get());
        rate.setTooltip(new javafx.scene.control.Tooltip("Requests a second at most"));
        model.rateProperty().bind(rate.valueProperty());
        Spinner<Integer> count = spinner("probe-count", 1, 10_000, model.countProperty().get());
        model.countProperty().bind(count.valueProperty());
        Spinner<Integer> max = spinner("probe-max-time", 1, 3600, model.maxSecondsProperty().get());
        model.maxSecondsProperty().bind(max.valueProperty());
        Button start = new Button("Start", new FontIcon(Feather.PLAY));
        start.setId("probe-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(model.canStartProperty().not());
        start.setOnAction(e -> model.start());
        Button stop = new Button("Stop", new FontIcon(Feather.SQUARE));
        stop.setId("probe-stop");
        stop.disableProperty().bind(model.runningProperty().not());
        stop.setOnAction(e -> model.stop());
        // on a laptop the settings wrap to a second line rather than run off the window ("At most (s)" cut)
        javafx.scene.layout.FlowPane probeRow = new javafx.scene.layout.FlowPane(16, 6,
                pair("Path", path), pair("Rate /s", rate), pair("Count", count), pair("At most (s)", max));
        probeRow.setAlignment(Pos.CENTER_LEFT);

        Label summary = Views.wrapping("");
        summary.setId("probe-summary");
        summary.textProperty().bind(model.summaryProperty());
        HBox runRow = new HBox(8, start, stop, summary);
        runRow.setAlignment(Pos.CENTER_LEFT);
        Label hint = Views.wrapping("");
        hint.setId("probe-hint");
        hint.getStyleClass().add(Styles.WARNING);
        hint.textProperty().bind(model.hintProperty());
        hint.visibleProperty().bind(hint.textProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());

        NumberAxis requests = new NumberAxis();
        requests.setLabel("requests");
        requests.setMinorTickVisible(false);
        requests.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number value) {
                // whole requests only: fractional ticks stay unlabelled
                return value.doubleValue() % 1 == 0 ? Long.toString(value.longValue()) : "";
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text);
            }
        });
        seconds.setLabel("second");
        seconds.setAutoRanging(false);
        chart = new StackedBarChart<>(seconds, requests);
        chart.setId("probe-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(2);
        chart.setMinHeight(180);
        HBox.setHgrow(chart, Priority.ALWAYS);
        model.chart().buckets().addListener((ListChangeListener<ProbeChartViewModel.Bucket>) change -> redraw(change));

        VBox totals = new VBox(4, heading("By status"), countsBox("probe-by-status", model.chart().byStatus(), true),
                heading("By reviews version"), countsBox("probe-by-version", model.chart().byVersion(), false));
        totals.setMinWidth(190);
        HBox results = new HBox(12, chart, totals);
        VBox.setVgrow(results, Priority.ALWAYS);

        getChildren().addAll(gatewayRow, reason, urlRow, probeRow, runRow, hint, results);
    }

    private static HBox pair(String caption, Node field) {
        Label label = Views.label(caption);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox pair = new HBox(8, label, field);
        pair.setAlignment(Pos.CENTER_LEFT);
        return pair;
    }

    private static Spinner<Integer> spinner(String id, int min, int max, int initial) {
        Spinner<Integer> spinner = new Spinner<>(min, max, initial);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(105);
        spinner.setMinWidth(Region.USE_PREF_SIZE);
        return spinner;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    /** A line per count, with the chart's colour square for status codes. */
    private static VBox countsBox(String id, ObservableList<ProbeChartViewModel.Count> counts, boolean coloured) {
        VBox box = new VBox(2);
        box.setId(id);
        Label none = new Label("no requests yet");
        none.getStyleClass().add(Styles.TEXT_MUTED);
        Runnable fill = () -> box.getChildren().setAll(counts.isEmpty() ? List.of(none)
                : counts.stream().map(count -> line(count, coloured)).toList());
        counts.addListener((ListChangeListener<ProbeChartViewModel.Count>) c -> fill.run());
        fill.run();
        return box;
    }

    private static Node line(ProbeChartViewModel.Count count, boolean coloured) {
        Label line = new Label(count.label() + ":  " + count.count());
        if (coloured) {
            Rectangle square = new Rectangle(10, 10);
            square.setStyle("-fx-fill: " + colour(count.label()) + ";");
            line.setGraphic(square);
        }
        return line;
    }

    private void redraw(ListChangeListener.Change<? extends ProbeChartViewModel.Bucket> change) {
        ObservableList<? extends ProbeChartViewModel.Bucket> buckets = change.getList();
        if (buckets.isEmpty()) {
            chart.getData().clear();
            series.clear();
            points.clear();
            seconds.getCategories().clear();
            return;
        }
        while (change.next()) {
            for (ProbeChartViewModel.Bucket bucket : change.getAddedSubList()) {
                draw(bucket);
            }
        }
    }

    private void draw(ProbeChartViewModel.Bucket bucket) {
        String x = Long.toString(bucket.second());
        if (!seconds.getCategories().contains(x)) {
            seconds.getCategories().add(x);
        }
        bucket.byCode().forEach((code, count) -> {
            XYChart.Data<String, Number> point = points.get(code + "@" + x);
            if (point != null) {
                point.setYValue(count);
                return;
            }
            XYChart.Series<String, Number> line = series.computeIfAbsent(code, c -> {
                XYChart.Series<String, Number> created = new XYChart.Series<>();
                created.setName(c);
                // series stack in code order, so 200 stays at the bottom whichever code came first
                chart.getData().add((int) series.keySet().stream().filter(k -> k.compareTo(c) < 0).count(), created);
                return created;
            });
            XYChart.Data<String, Number> created = new XYChart.Data<>(x, count);
            created.nodeProperty().addListener((obs, old, node) -> {
                if (node != null) {
                    node.setStyle("-fx-bar-fill: " + colour(code) + ";");
                }
            });
            line.getData().add(created);
            points.put(code + "@" + x, created);
        });
    }

    /** Semantic theme colours: 2xx success, 3xx accent, 4xx warning, 5xx and no response danger. */
    static String colour(String code) {
        return switch (code.charAt(0)) {
            case '2' -> "-color-success-emphasis";
            case '3' -> "-color-accent-emphasis";
            case '4' -> "-color-warning-emphasis";
            default -> "-color-danger-emphasis";
        };
    }
}
