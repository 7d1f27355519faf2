package dev.meshwizard.ui.routing;

import dev.meshwizard.ui.common.Views;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/** The small forms behind the Routing step's templates that need input. */
final class RoutingDialogs {

    private RoutingDialogs() {
    }

    /** Host, gateway and a row per path prefix → service:port. */
    static void pathRouting(Node owner, RoutingStepViewModel model) {
        TextField name = new TextField("paths");
        TextField host = new TextField("*");
        TextField gateway = new TextField("bookinfo-gateway");
        TextArea rows = new TextArea("/productpage productpage:9080\n/api/v1/products productpage:9080");
        rows.setPrefRowCount(5);
        rows.setStyle("-fx-font-family: monospace;");
        GridPane form = form();
        form.addRow(0, Views.label("Name"), name);
        form.addRow(1, Views.label("Host"), host);
        form.addRow(2, Views.label("Gateway"), gateway);
        form.addRow(3, Views.label("Paths"), rows);
        form.add(Views.muted("One line per path: /prefix service:port. Longer prefixes first: the first match"
                + " wins."), 1, 4);
        CheckBox strip = new CheckBox("Strip the prefix: /storage/v2 reaches the service as /v2, /storage as /");
        strip.setId("path-routing-strip");
        form.add(strip, 1, 5);
        show(owner, "Path-based routing", form, () -> model.templates().addPathRouting(name.getText().trim(),
                host.getText().trim(), gateway.getText().trim(), rows.getText(), strip.isSelected()));
    }

    /** Hosts, Secret name and the PEM files the Secret is created from when applying. */
    static void tlsGateway(Node owner, RoutingStepViewModel model) {
        TextField name = new TextField("https-gateway");
        TextField hosts = new TextField("shop.example.com");
        TextField secret = new TextField("shop-tls");
        Path[] files = new Path[2];
        Label certLabel = Views.muted("no file chosen");
        Label keyLabel = Views.muted("no file chosen");
        Button cert = new Button("Certificate…");
        cert.setOnAction(e -> choose(owner, "Certificate (PEM)", certLabel, files, 0));
        Button key = new Button("Private key…");
        key.setOnAction(e -> choose(owner, "Private key (PEM, unencrypted)", keyLabel, files, 1));
        GridPane form = form();
        form.addRow(0, Views.label("Name"), name);
        form.addRow(1, Views.label("Hosts"), hosts);
        form.addRow(2, Views.label("Secret"), secret);
        form.addRow(3, Views.label("Certificate"), new HBox(8, cert, certLabel));
        form.addRow(4, Views.label("Key"), new HBox(8, key, keyLabel));
        RoutingTemplates templates = model.templates();
        form.add(Views.muted("Selector " + templates.gatewaySelector() + " (gateway release "
                + templates.gatewayRelease() + "). HTTP on port 80 redirects to HTTPS on 443. The Secret is read "
                + "from the files only when applying; the workspace and exports keep only its name."), 1, 5);
        show(owner, "HTTPS redirect and TLS gateway", form, () -> templates.addTlsGateway(name.getText().trim(),
                hosts.getText(), secret.getText().trim(), files[0], files[1]));
    }

    private static void choose(Node owner, String title, Label label, Path[] files, int index) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        File chosen = chooser.showOpenDialog(owner.getScene().getWindow());
        if (chosen != null) {
            files[index] = chosen.toPath();
            label.setText(chosen.getName());
        }
    }

    private static GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        return form;
    }

    /** Shows the form; OK keeps it open while {@code submit} answers what is wrong. */
    private static void show(Node owner, String title, GridPane form, Supplier<String> submit) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(title);
        Label error = Views.wrapping("");
        error.getStyleClass().add("danger");
        form.add(error, 1, form.getRowCount());
        dialog.getDialogPane().setContent(form);
        ButtonType add = new ButtonType("Add to workspace", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
        dialog.getDialogPane().setPrefWidth(560);
        dialog.getDialogPane().lookupButton(add).addEventFilter(ActionEvent.ACTION, e -> {
            String problem = submit.get();
            if (!problem.isEmpty()) {
                error.setText(problem);
                e.consume();
            }
        });
        dialog.show();
    }
}
