package dev.meshwizard.ui.routing;

import atlantafx.base.theme.Styles;
import dev.meshwizard.mesh.FormProblem;
import dev.meshwizard.mesh.RoutingForm;
import dev.meshwizard.mesh.RoutingForms;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The form of one routing kind: builds its fields from a form, collects them into a form when one is edited (on
 * Enter, focus loss or a choice) and shows the problems of the last edit under the fields they concern.
 */
abstract class KindFormView<F extends RoutingForm> extends VBox {

    private final RoutingFormViewModel model;
    private final Map<String, Label> problemLabels = new HashMap<>();
    private F shown;
    private boolean building;

    KindFormView(RoutingFormViewModel model) {
        this.model = model;
        setSpacing(10);
        model.problems().addListener((ListChangeListener<FormProblem>) c -> showProblems());
    }

    /** Shows a form, rebuilding the fields unless they already hold it (as after the user's own edit). */
    final void show(F form) {
        if (form.equals(shown)) {
            return;
        }
        shown = form;
        building = true;
        problemLabels.clear();
        getChildren().clear();
        build(form);
        building = false;
        showProblems();
    }

    protected abstract void build(F form);

    protected abstract F collect();

    /** Writes the fields' form into the document. */
    protected final void commit() {
        if (building) {
            return;
        }
        F edited = collect();
        shown = edited;
        model.submit(edited);
    }

    /** Rebuilds the fields for a form with a row added or removed and writes it. */
    protected final void replace(F form) {
        shown = null;
        show(form);
        shown = form;
        model.submit(form);
    }

    private void showProblems() {
        problemLabels.values().forEach(label -> label.setText(""));
        for (FormProblem problem : model.problems()) {
            Label label = problemLabels.get(problem.field());
            if (label != null) {
                label.setText(problem.message());
            }
        }
    }

    /** The label under a field that shows its problem; hidden while there is none. */
    protected final Label problem(String field) {
        Label label = new Label();
        label.setId("form-problem-" + field);
        label.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        problemLabels.put(field, label);
        return label;
    }

    protected final TextField text(String value, String prompt, double width) {
        TextField field = new TextField(value);
        field.setPromptText(prompt);
        field.setPrefWidth(width);
        field.setMinWidth(Math.min(width, 60));
        field.setOnAction(e -> commit());
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && field.getScene() != null) {
                commit();
            }
        });
        return field;
    }

    protected final ComboBox<String> choice(List<String> options, String value, String none) {
        ComboBox<String> box = new ComboBox<>();
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.getItems().setAll(options);
        if (!options.contains(value)) {
            box.getItems().add(value);
        }
        box.setValue(value);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String option) {
                return option == null || option.isEmpty() ? none : option;
            }

            @Override
            public String fromString(String text) {
                return none.equals(text) ? "" : text;
            }
        });
        box.valueProperty().addListener((obs, old, now) -> commit());
        return box;
    }

    protected final CheckBox check(String text, boolean value) {
        CheckBox box = new CheckBox(text);
        box.setSelected(value);
        box.selectedProperty().addListener((obs, old, now) -> commit());
        return box;
    }

    protected final Button button(String text, Feather icon, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.getStyleClass().add(Styles.SMALL);
        button.setOnAction(e -> action.run());
        return button;
    }

    protected final Button remove(String what, Runnable action) {
        Button button = new Button(null, new FontIcon(Feather.X));
        button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        button.setTooltip(new Tooltip("Remove " + what));
        button.setOnAction(e -> action.run());
        return button;
    }

    /** A captioned field with its problem under it. */
    protected final VBox field(String caption, Control control, String problemField) {
        Label label = new Label(caption);
        // a narrow form wraps the caption rather than cutting it ("Hosts (comma separ…")
        label.setWrapText(true);
        VBox box = new VBox(2, label, control, problem(problemField));
        control.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /** A table-like grid: captions in the first row. */
    protected static GridPane grid(String... captions) {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(2);
        for (int i = 0; i < captions.length; i++) {
            Label caption = new Label(captions[i]);
            caption.getStyleClass().add(Styles.TEXT_MUTED);
            // the column is as wide as its caption: the form scrolls sideways rather than cut "Rewrite…"
            caption.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.add(caption, i, 0);
        }
        return grid;
    }

    /** Adds a row of fields to a grid, with the problem of each field in the grid row under it. */
    protected final void addRow(GridPane grid, int row, List<String> problemFields, Node... nodes) {
        for (int i = 0; i < nodes.length; i++) {
            grid.add(nodes[i], i, 2 * row + 1);
            if (i < problemFields.size() && problemFields.get(i) != null) {
                grid.add(problem(problemFields.get(i)), i, 2 * row + 2);
            }
        }
    }

    protected static List<String> split(TextField field) {
        return RoutingForms.split(field.getText());
    }

    /** A whole number; {@code invalid} for text that is not one (the form's check then names the field). */
    protected static int number(TextField field, int invalid) {
        try {
            return Integer.parseInt(field.getText().trim());
        } catch (NumberFormatException e) {
            return invalid;
        }
    }

    /** A whole number, null when empty, {@code invalid} for text that is not one. */
    protected static Integer optional(TextField field, int invalid) {
        return field.getText().isBlank() ? null : number(field, invalid);
    }

    protected static String text(Integer value) {
        return value == null ? "" : String.valueOf(value);
    }
}
