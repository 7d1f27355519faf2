package dev.meshwizard.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Bottom bar: the connection state on the left, the running job and its progress on the right. */
public final class StatusBarView extends HBox {

    public StatusBarView(StatusBarViewModel model, ObservableStringValue connection) {
        setId("status-bar");
        getStyleClass().add("status-line");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 12, 4, 12));

        Label state = new Label();
        state.setId("status-connection");
        state.setGraphic(new FontIcon(Feather.SERVER));
        state.textProperty().bind(connection);

        Label error = new Label();
        error.setId("status-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setTooltip(new javafx.scene.control.Tooltip("Click to dismiss"));
        error.setOnMouseClicked(e -> model.dismissError());
        error.setMinWidth(0);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label job = new Label();
        job.setId("status-job");
        job.getStyleClass().add(Styles.TEXT_MUTED);
        job.textProperty().bind(model.jobProperty());

        ProgressBar progress = new ProgressBar();
        progress.setId("status-progress");
        progress.setPrefWidth(140);
        progress.getStyleClass().add(Styles.SMALL);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.progressProperty().isNotEqualTo(0, 0.0001));

        getChildren().addAll(state, new Separator(javafx.geometry.Orientation.VERTICAL), error, spacer, job,
                progress);
    }
}
