package dev.meshwizard.ui.common;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** Shows an {@link OverwriteQuestion} as a dialog listing the files, with "Overwrite" and "Cancel". */
public final class OverwriteDialog {

    private OverwriteDialog() {
    }

    /** Shows the dialog whenever {@code question} asks, owned by {@code owner}'s window. */
    public static void attach(Node owner, OverwriteQuestion question) {
        question.filesProperty().addListener((obs, old, files) -> {
            if (!files.isEmpty()) {
                Platform.runLater(() -> show(owner, question, files));
            }
        });
    }

    private static void show(Node owner, OverwriteQuestion question, List<String> files) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        dialog.setTitle("Overwrite?");
        ListView<String> list = new ListView<>();
        list.setId("overwrite-files");
        list.getItems().setAll(files);
        list.setPrefHeight(Math.min(240, 28 + 24 * files.size()));
        dialog.getDialogPane().setContent(new VBox(8, Views.wrapping(question.target()
                + " holds files Mesh Wizard did not write, or that were changed since it wrote them:"), list,
                new Label("Overwriting replaces the files Mesh Wizard writes; other files are left as they are.")));
        ButtonType overwrite = new ButtonType("Overwrite", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(overwrite, ButtonType.CANCEL);
        dialog.getDialogPane().setPrefWidth(560);
        boolean confirmed = dialog.showAndWait().filter(overwrite::equals).isPresent();
        if (confirmed) {
            question.confirm();
        } else {
            question.cancel();
        }
    }
}
