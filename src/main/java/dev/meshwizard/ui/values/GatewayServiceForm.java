package dev.meshwizard.ui.values;

import atlantafx.base.theme.Styles;
import dev.meshwizard.plan.AwsNlbOptions;
import dev.meshwizard.plan.HealthCheck;
import dev.meshwizard.ui.common.Views;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
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
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The gateway chart's Service in the values form: ports, annotations, the health check and the AWS NLB preset. */
final class GatewayServiceForm extends VBox {

    GatewayServiceForm(ReleaseValuesViewModel release) {
        super(10);
        getChildren().addAll(portsTable(release), annotationsTable(release), healthChecks(release),
                awsButton(release));
    }

    private VBox portsTable(ReleaseValuesViewModel release) {
        TableView<ReleaseValuesViewModel.PortLine> table = new TableView<>(release.ports());
        table.setId("ports-" + release.releaseName());
        table.setEditable(true);
        table.getStyleClass().add(Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(130);
        table.setPlaceholder(Views.wrapping("The chart's ports: status-port 15021, http2 80, https 443. "
                + "Add a port to list them here and change them."));
        String[] titles = {"Name", "Port", "Target port", "Protocol"};
        for (int i = 0; i < titles.length; i++) {
            int column = i;
            TableColumn<ReleaseValuesViewModel.PortLine, String> c = new TableColumn<>(titles[i]);
            c.setMinWidth(Views.titleWidth(titles[i]));
            c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(part(cell.getValue(), column)));
            c.setCellFactory(TextFieldTableCell.forTableColumn());
            c.setOnEditCommit(e -> {
                List<ReleaseValuesViewModel.PortLine> lines = new ArrayList<>(release.ports());
                lines.set(e.getTablePosition().getRow(), with(e.getRowValue(), column, e.getNewValue()));
                release.setPorts(lines);
            });
            table.getColumns().add(c);
        }
        Button add = new Button("Add port", new FontIcon(Feather.PLUS));
        add.setId("add-port-" + release.releaseName());
        add.setOnAction(e -> {
            List<ReleaseValuesViewModel.PortLine> lines = new ArrayList<>(release.ports().isEmpty()
                    ? ReleaseValuesViewModel.CHART_PORTS : release.ports());
            lines.add(new ReleaseValuesViewModel.PortLine("tcp-" + (lines.size() + 1), "8080", "8080", "TCP"));
            release.setPorts(lines);
        });
        Button remove = new Button("Remove", new FontIcon(Feather.MINUS));
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            List<ReleaseValuesViewModel.PortLine> lines = new ArrayList<>(release.ports());
            lines.remove(table.getSelectionModel().getSelectedIndex());
            release.setPorts(lines);
        });
        Label title = new Label("Service ports (a Gateway server port must be one of the target ports)");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setWrapText(true);
        return new VBox(4, title, table, new HBox(6, add, remove));
    }

    private static String part(ReleaseValuesViewModel.PortLine line, int column) {
        return switch (column) {
            case 0 -> line.name();
            case 1 -> line.port();
            case 2 -> line.targetPort();
            default -> line.protocol();
        };
    }

    private static ReleaseValuesViewModel.PortLine with(ReleaseValuesViewModel.PortLine line, int column, String value) {
        return switch (column) {
            case 0 -> new ReleaseValuesViewModel.PortLine(value, line.port(), line.targetPort(), line.protocol());
            case 1 -> new ReleaseValuesViewModel.PortLine(line.name(), value, line.targetPort(), line.protocol());
            case 2 -> new ReleaseValuesViewModel.PortLine(line.name(), line.port(), value, line.protocol());
            default -> new ReleaseValuesViewModel.PortLine(line.name(), line.port(), line.targetPort(), value);
        };
    }

    private VBox annotationsTable(ReleaseValuesViewModel release) {
        TableView<ReleaseValuesViewModel.Annotation> table = new TableView<>(release.annotations());
        table.setId("annotations-" + release.releaseName());
        table.setEditable(true);
        table.getStyleClass().add(Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(120);
        table.setPlaceholder(new Label("No annotations"));
        TableColumn<ReleaseValuesViewModel.Annotation, String> key = new TableColumn<>("Annotation");
        key.setMinWidth(Views.titleWidth("Annotation"));
        key.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().key()));
        TableColumn<ReleaseValuesViewModel.Annotation, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().value()));
        value.setCellFactory(TextFieldTableCell.forTableColumn());
        value.setOnEditCommit(e -> release.setAnnotation(e.getRowValue().key(), e.getNewValue()));
        table.getColumns().add(key);
        table.getColumns().add(value);
        TextField newKey = new TextField();
        newKey.setPromptText("new annotation, e.g. external-dns.alpha.kubernetes.io/hostname");
        TextField newValue = new TextField();
        newValue.setPromptText("value");
        Button add = new Button("Add", new FontIcon(Feather.PLUS));
        add.disableProperty().bind(newKey.textProperty().isEmpty().or(newValue.textProperty().isEmpty()));
        add.setOnAction(e -> {
            release.setAnnotation(newKey.getText(), newValue.getText());
            newKey.clear();
            newValue.clear();
        });
        Button remove = new Button("Remove", new FontIcon(Feather.MINUS));
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> release.setAnnotation(table.getSelectionModel().getSelectedItem().key(), ""));
        HBox.setHgrow(newKey, Priority.ALWAYS);
        Label title = new Label("Service annotations");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        return new VBox(4, title, table, new HBox(6, newKey, newValue, add), remove);
    }

    private VBox healthChecks(ReleaseValuesViewModel release) {
        Label title = new Label("Load balancer health check (AWS NLB)");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(6, title);
        for (HealthCheck check : HealthCheck.values()) {
            RadioButton choice = new RadioButton(check.label());
            choice.setWrapText(true);
            choice.setId("health-" + check.name());
            choice.setToggleGroup(group);
            choice.setUserData(check);
            choice.setSelected(release.healthCheckProperty().get() == check);
            Label explanation = Views.wrapping(check.description());
            explanation.getStyleClass().add(Styles.TEXT_MUTED);
            box.getChildren().addAll(choice, explanation);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                release.healthCheckProperty().set((HealthCheck) now.getUserData());
            }
        });
        release.healthCheckProperty().addListener((obs, old, now) -> group.getToggles().forEach(
                t -> t.setSelected(t.getUserData() == now)));
        return box;
    }

    private Button awsButton(ReleaseValuesViewModel release) {
        Button aws = new Button("AWS NLB preset…", new FontIcon(Feather.CLOUD));
        aws.setId("aws-nlb-preset");
        aws.setOnAction(e -> awsDialog(release));
        return aws;
    }

    private void awsDialog(ReleaseValuesViewModel release) {
        ComboBox<AwsNlbOptions.Scheme> scheme = new ComboBox<>();
        scheme.getItems().setAll(AwsNlbOptions.Scheme.values());
        scheme.setValue(AwsNlbOptions.Scheme.INTERNET_FACING);
        Views.showAs(scheme, v -> v == AwsNlbOptions.Scheme.INTERNET_FACING ? "Internet-facing" : "Internal");
        CheckBox crossZone = new CheckBox("Cross-zone load balancing");
        crossZone.setSelected(true);
        TextField subnets = new TextField();
        subnets.setPromptText("subnet-1, subnet-2 (optional)");
        TextField groups = new TextField();
        groups.setPromptText("sg-1, sg-2 (optional)");
        TextField cert = new TextField();
        cert.setPromptText("arn:aws:acm:… (optional: TLS on the load balancer)");
        TextField sslPorts = new TextField("443");
        TextField policy = new TextField();
        policy.setPromptText("e.g. ELBSecurityPolicy-TLS13-1-2-2021-06 (optional)");
        ComboBox<HealthCheck> check = new ComboBox<>();
        check.getItems().setAll(HealthCheck.values());
        Views.showAs(check, HealthCheck::label);
        check.setValue(release.healthCheckProperty().get() == null ? HealthCheck.HTTP_STATUS_PORT
                : release.healthCheckProperty().get());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Scheme"), scheme);
        grid.addRow(1, new Label(""), crossZone);
        grid.addRow(2, new Label("Subnets"), subnets);
        grid.addRow(3, new Label("Security groups"), groups);
        grid.addRow(4, new Label("TLS certificate ARN"), cert);
        grid.addRow(5, new Label("TLS ports"), sslPorts);
        grid.addRow(6, new Label("TLS policy"), policy);
        grid.addRow(7, new Label("Health check"), check);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("AWS Network Load Balancer");
        dialog.setHeaderText("Annotations for the AWS Load Balancer Controller on the gateway Service");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.initOwner(getScene().getWindow());
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> release.applyAwsNlb(new AwsNlbOptions(
                scheme.getValue(), crossZone.isSelected(), split(subnets.getText()), split(groups.getText()),
                cert.getText(), sslPorts.getText(), policy.getText(), check.getValue())));
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
