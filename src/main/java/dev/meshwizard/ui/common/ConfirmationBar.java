package dev.meshwizard.ui.common;

import atlantafx.base.theme.Styles;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Asks before a cluster change, in place: names context, API server and namespace and what will change, with a
 * button that says what it does, Cancel, and "Copy as commands". For a local context the user may turn the
 * question off (then the change runs at once).
 */
public final class ConfirmationBar extends VBox {

    private final Label question = Views.wrapping("");
    private final Button confirm = new Button("", new FontIcon(Feather.CHECK));
    private final CheckBox dontAsk = new CheckBox();
    private ClusterAction action;
    private Runnable run;

    public ConfirmationBar(String id) {
        setId(id);
        getStyleClass().add("confirmation");
        setSpacing(6);
        setPadding(new Insets(8));
        question.setId(id + "-question");
        confirm.setId(id + "-confirm");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setMinWidth(USE_PREF_SIZE);
        Button cancel = new Button("Cancel");
        cancel.setId(id + "-cancel");
        cancel.setCancelButton(true);
        cancel.setMinWidth(USE_PREF_SIZE);
        cancel.setOnAction(e -> hide());
        Button copy = new Button("Copy as commands", new FontIcon(Feather.CLIPBOARD));
        copy.setId(id + "-copy");
        copy.setMinWidth(USE_PREF_SIZE);
        copy.setOnAction(e -> copy(action));
        dontAsk.setId(id + "-dont-ask");
        dontAsk.managedProperty().bind(dontAsk.visibleProperty());
        dontAsk.setWrapText(true);
        confirm.setOnAction(e -> {
            if (dontAsk.isVisible() && dontAsk.isSelected()) {
                ConfirmationPolicy.of(this).skip(action.context(), true);
            }
            Runnable chosen = run;
            hide();
            chosen.run();
        });
        // wraps on a narrow window rather than widening the step
        FlowPane buttons = new FlowPane(8, 6, confirm, cancel, copy);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPrefWrapLength(300);
        setMinWidth(0);
        getChildren().addAll(question, dontAsk, buttons);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /**
     * Asks about {@code action} and runs {@code then} when confirmed; runs it at once when the user turned the
     * question off for this (local) context.
     */
    public void ask(ClusterAction clusterAction, Runnable then) {
        if (clusterAction.local() && ConfirmationPolicy.of(this).skips(clusterAction.context())) {
            then.run();
            return;
        }
        action = clusterAction;
        run = then;
        question.setText(clusterAction.question());
        confirm.setText(clusterAction.buttonText());
        dontAsk.setText("Do not ask again for context " + clusterAction.context() + " (a local cluster)");
        dontAsk.setSelected(false);
        dontAsk.setVisible(clusterAction.local());
        setVisible(true);
        confirm.requestFocus();
        javafx.application.Platform.runLater(this::scrollIntoView);
    }

    /** A step taller than the window scrolls: the question must be seen where the button was clicked. */
    private void scrollIntoView() {
        for (javafx.scene.Node n = getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
                scroll.applyCss();
                scroll.layout();
                javafx.scene.Node content = scroll.getContent();
                double contentHeight = content.getLayoutBounds().getHeight();
                double viewport = scroll.getViewportBounds().getHeight();
                if (contentHeight <= viewport) {
                    return;
                }
                javafx.geometry.Bounds bar = content.sceneToLocal(localToScene(getLayoutBounds()));
                double top = scroll.getVvalue() * (contentHeight - viewport);
                double wanted = bar.getMaxY() > top + viewport ? bar.getMaxY() - viewport + 8
                        : bar.getMinY() < top ? bar.getMinY() - 8 : top;
                scroll.setVvalue(Math.max(0, Math.min(1, wanted / (contentHeight - viewport))));
                return;
            }
        }
    }

    /** Asks, building the action only now (its counts and commands are read when the user clicks). */
    public void ask(Supplier<ClusterAction> clusterAction, Runnable then) {
        ask(clusterAction.get(), then);
    }

    public void hide() {
        setVisible(false);
        action = null;
        run = null;
    }

    /** Puts an action's command lines on the clipboard. */
    public static void copy(ClusterAction action) {
        if (action != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(action.commands());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }
}
