package dev.meshwizard.ui.observe;

import atlantafx.base.theme.Styles;
import dev.meshwizard.ui.common.Views;
import java.io.File;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Kiali's state, install from an Istio release folder, the Prometheus it reads, and Open Kiali. */
public final class KialiAdminView extends VBox {

    public KialiAdminView(KialiAdminViewModel model) {
        setSpacing(10);

        Label status = new Label();
        status.setId("kiali-status");
        status.textProperty().bind(model.statusProperty().map(s -> "Kiali: " + s));
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("kiali-refresh");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.disableProperty().bind(model.canActProperty().not());
        refresh.setOnAction(e -> model.refresh());
        Button open = new Button("Open Kiali", new FontIcon(Feather.EXTERNAL_LINK));
        open.setId("open-kiali");
        open.getStyleClass().add(Styles.ACCENT);
        open.disableProperty().bind(model.installedProperty().not());
        open.setOnAction(e -> model.open());
        HBox statusRow = new HBox(8, status, refresh, open);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        TextField folder = new TextField();
        folder.setId("kiali-release-folder");
        folder.setPromptText("an unpacked Istio release, e.g. ~/istio-1.28.1");
        folder.textProperty().bindBidirectional(model.releaseFolderProperty());
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button("Choose…", new FontIcon(Feather.FOLDER));
        choose.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Istio release folder (with samples/addons)");
            File current = new File(folder.getText());
            if (current.isDirectory()) {
                chooser.setInitialDirectory(current);
            }
            File chosen = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (chosen != null) {
                model.releaseFolderProperty().set(chosen.getAbsolutePath());
            }
        });
        CheckBox prometheus = new CheckBox("with the addon's Prometheus");
        prometheus.setId("kiali-with-prometheus");
        prometheus.selectedProperty().bindBidirectional(model.withPrometheusProperty());
        Button install = new Button("Install Kiali", new FontIcon(Feather.DOWNLOAD_CLOUD));
        install.setId("install-kiali");
        install.disableProperty().bind(model.canActProperty().not());
        install.setOnAction(e -> model.install());
        HBox folderRow = new HBox(8, Views.label("Istio release"), folder, choose);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        HBox installRow = new HBox(12, install, prometheus);
        installRow.setAlignment(Pos.CENTER_LEFT);

        ComboBox<String> url = new ComboBox<>(model.prometheusUrls());
        url.setId("prometheus-url");
        url.setEditable(true);
        url.setPrefWidth(360);
        url.valueProperty().bindBidirectional(model.prometheusUrlProperty());
        Button point = new Button("Point Kiali at it", new FontIcon(Feather.LINK));
        point.setId("point-kiali");
        point.disableProperty().bind(model.canActProperty().not().or(model.installedProperty().not()));
        point.setOnAction(e -> {
            model.prometheusUrlProperty().set(url.getEditor().getText());
            model.pointAtPrometheus();
        });
        HBox prometheusRow = new HBox(8, Views.label("Prometheus"), url, point);
        prometheusRow.setAlignment(Pos.CENTER_LEFT);

        Label message = Views.wrapping("");
        message.setId("kiali-message");
        message.textProperty().bind(model.messageProperty());

        getChildren().addAll(statusRow, Views.muted("Installs samples/addons/kiali.yaml of the release folder by "
                        + "server-side apply, as kubectl apply -f does; the addon's Prometheus is optional when the "
                        + "cluster has one."), folderRow, installRow,
                Views.muted("Kiali reads metrics from the Prometheus named in its ConfigMap. Pointing it elsewhere "
                        + "changes only that URL and restarts Kiali."), prometheusRow, message);
    }
}
