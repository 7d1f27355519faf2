package dev.meshwizard.ui.wizard;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** The step list on the left and the selected step's view beside it. */
public final class WizardFrame extends BorderPane {

    private final ListView<WizardStep> stepList = new ListView<>();
    private final StackPane content = new StackPane();
    private final java.util.Map<String, ScrollPane> built = new java.util.HashMap<>();

    public WizardFrame(List<WizardStep> steps) {
        stepList.setId("steps");
        stepList.getStyleClass().add("step-list");
        stepList.getItems().setAll(steps);
        stepList.setPrefWidth(170);
        stepList.setMinWidth(140);
        stepList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(WizardStep step, boolean empty) {
                super.updateItem(step, empty);
                if (empty || step == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    int number = getIndex() + 1;
                    setText(number + ". " + step.title());
                    setGraphic(new FontIcon(step.icon()));
                    setPadding(new Insets(8, 10, 8, 10));
                }
            }
        });
        stepList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> show(now));
        setLeft(stepList);
        setCenter(content);
        if (!steps.isEmpty()) {
            stepList.getSelectionModel().select(0);
        } else {
            content.getChildren().setAll(new Label("No steps"));
        }
    }

    private void show(WizardStep step) {
        if (step == null) {
            return;
        }
        ScrollPane scroll = built.computeIfAbsent(step.id(), id -> {
            ScrollPane pane = new ScrollPane(step.view().get());
            pane.setFitToWidth(true);
            pane.setFitToHeight(true);
            return pane;
        });
        content.getChildren().setAll(scroll);
    }
}
