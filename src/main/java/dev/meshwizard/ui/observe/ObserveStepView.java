package dev.meshwizard.ui.observe;

import dev.meshwizard.ui.common.Views;
import dev.meshwizard.ui.observe.AccessLogView;
import dev.meshwizard.ui.observe.GatewayProbeView;
import dev.meshwizard.ui.observe.KialiAdminView;
import javafx.geometry.Insets;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Observe step: probe through the ingress gateway, Kiali, and the proxies' access logs, one tab each. */
public final class ObserveStepView extends VBox {

    public ObserveStepView(ObserveStepViewModel model) {
        setSpacing(10);
        setPadding(new Insets(16));

        Tab probe = new Tab("Ingress and probe", padded(new GatewayProbeView(model.probe())));
        probe.setId("observe-probe-tab");
        Tab kiali = new Tab("Kiali", padded(new KialiAdminView(model.kiali())));
        kiali.setId("observe-kiali-tab");
        Tab logs = new Tab("Access logs", padded(new AccessLogView(model.accessLogs())));
        logs.setId("observe-logs-tab");
        TabPane tabs = new TabPane(probe, kiali, logs);
        tabs.setId("observe-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        getChildren().addAll(Views.heading("Observe", "Sends requests through the ingress gateway as curl "
                + "http://$GATEWAY_URL/productpage would, shows Kiali, and follows the proxies' access logs with "
                + "their response flags explained."), tabs);
        model.refresh();
    }

    private static VBox padded(VBox content) {
        content.setPadding(new Insets(10, 0, 0, 0));
        VBox.setVgrow(content, Priority.ALWAYS);
        return content;
    }
}
