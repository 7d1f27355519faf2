package dev.meshwizard.ui.routing;

import dev.meshwizard.mesh.DestinationRuleForm;
import dev.meshwizard.mesh.GatewayForm;
import dev.meshwizard.mesh.RoutingForm;
import dev.meshwizard.mesh.VirtualServiceForm;
import dev.meshwizard.ui.common.Views;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The form beside the YAML of the selected routing document: the view of its kind, disabled with a note while the
 * YAML cannot be read.
 */
final class RoutingFormView extends VBox {

    private final GatewayFormView gateway;
    private final VirtualServiceFormView virtualService;
    private final DestinationRuleFormView destinationRule;
    private final StackPane content = new StackPane();

    RoutingFormView(RoutingFormViewModel model) {
        setId("routing-form");
        setSpacing(6);
        setPadding(new Insets(8));
        gateway = new GatewayFormView(model);
        virtualService = new VirtualServiceFormView(model);
        destinationRule = new DestinationRuleFormView(model);
        Label note = Views.errorLabel("routing-form-note", model.noteProperty());
        Label hint = Views.muted("Changes are written into the YAML on Enter or when leaving a field; fields the "
                + "form does not show are kept, YAML comments are not.");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        content.disableProperty().bind(model.noteProperty().isNotEmpty());
        content.setPadding(new Insets(4));
        content.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        getChildren().addAll(note, hint, scroll);
        model.formProperty().addListener((obs, old, now) -> show(now));
        show(model.formProperty().get());
    }

    private void show(RoutingForm form) {
        if (form instanceof GatewayForm g) {
            gateway.show(g);
            content.getChildren().setAll(gateway);
        } else if (form instanceof VirtualServiceForm v) {
            virtualService.show(v);
            content.getChildren().setAll(virtualService);
        } else if (form instanceof DestinationRuleForm d) {
            destinationRule.show(d);
            content.getChildren().setAll(destinationRule);
        } else {
            content.getChildren().setAll(Views.muted("Select a document to edit it as a form."));
        }
    }
}
