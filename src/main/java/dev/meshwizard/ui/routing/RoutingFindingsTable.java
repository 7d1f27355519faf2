package dev.meshwizard.ui.routing;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.meshwizard.mesh.analysis.Finding;
import dev.meshwizard.mesh.analysis.Severity;
import dev.meshwizard.ui.common.Views;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The table of the Routing step's findings: severity icon, code, istioctl's code and message name, object, path,
 * message and fix.
 */
final class RoutingFindingsTable {

    private RoutingFindingsTable() {
    }

    static TableView<Finding> create(ObservableList<Finding> items) {
        TableView<Finding> findings = new TableView<>(items);
        findings.setId("routing-findings");
        findings.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        // columns keep their widths and the table scrolls sideways: squeezed to fit a laptop, every cell read
        // "IST01…", "spec.h…"; the selected finding's whole text is shown below the table
        findings.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<Finding, Severity> severity = new TableColumn<>("");
        severity.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue().severity()));
        severity.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Severity item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty || item == null ? null : switch (item) {
                    case ERROR -> Views.icon(Feather.X_CIRCLE, "danger");
                    case WARNING -> Views.icon(Feather.ALERT_TRIANGLE, "warning");
                    case INFO -> Views.icon(Feather.INFO, "success");
                });
            }
        });
        severity.setMinWidth(34);
        severity.setMaxWidth(34);
        findings.getColumns().add(severity);
        TableColumn<Finding, String> code = Views.column("Code", Finding::code, 70);
        code.setMinWidth(86);
        findings.getColumns().add(code);
        TableColumn<Finding, String> istio = Views.column("istioctl", f -> f.istio().label(), 300);
        istio.setId("routing-findings-istio");
        istio.setMinWidth(90);
        findings.getColumns().add(istio);
        findings.getColumns().add(Views.column("Object", f -> f.object().toString(), 240));
        findings.getColumns().add(Views.column("Path", Finding::path, 220));
        findings.getColumns().add(Views.column("Message", Finding::message, 420));
        findings.getColumns().add(Views.column("Fix", Finding::fix, 360));
        findings.setPlaceholder(Views.muted("No findings."));
        return findings;
    }

    /**
     * The Findings tab's region: the analysis status (two lines at most), the table, and the selected finding's
     * whole text, each with a height of its own so that nothing around them moves while the findings change.
     */
    static VBox region(TableView<Finding> findings, javafx.beans.value.ObservableValue<String> status) {
        Label analysis = Views.muted("");
        analysis.setId("routing-analysis-status");
        analysis.textProperty().bind(status);
        // two lines at most, so the table keeps its room; the whole text is in the tooltip
        analysis.setMinHeight(20);
        analysis.setMaxHeight(44);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.setWrapText(true);
        whole.setMaxWidth(560);
        whole.textProperty().bind(analysis.textProperty());
        analysis.setTooltip(whole);
        Label details = Views.wrapping("");
        details.setId("routing-finding-details");
        details.textProperty().bind(findings.getSelectionModel().selectedItemProperty().map(f -> f.summary()
                + (f.fix().isEmpty() ? "" : "\nFix: " + f.fix())).orElse(""));
        // the selected finding's whole text in a region of its own height: the table keeps three rows in view
        javafx.scene.control.ScrollPane detailsPane = new javafx.scene.control.ScrollPane(details);
        detailsPane.setFitToWidth(true);
        detailsPane.setMinHeight(66);
        detailsPane.setPrefHeight(66);
        detailsPane.setMaxHeight(66);
        detailsPane.visibleProperty().bind(details.textProperty().isNotEmpty());
        detailsPane.managedProperty().bind(detailsPane.visibleProperty());
        VBox findingsBox = new VBox(4, analysis, findings, detailsPane);
        VBox.setVgrow(findings, Priority.ALWAYS);
        // the findings' own region: however many there are, and whatever the details say, it keeps its height
        findings.setMinHeight(112);
        findingsBox.setMinHeight(0);
        return findingsBox;
    }
}
