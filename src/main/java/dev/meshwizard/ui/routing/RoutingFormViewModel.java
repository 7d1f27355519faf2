package dev.meshwizard.ui.routing;

import dev.meshwizard.mesh.FormProblem;
import dev.meshwizard.mesh.RoutingDocument;
import dev.meshwizard.mesh.RoutingForm;
import dev.meshwizard.mesh.RoutingFormException;
import dev.meshwizard.mesh.RoutingForms;
import dev.meshwizard.mesh.RoutingYamlException;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The form of the selected routing document, kept in step with its YAML: a valid text shows as a form; a form edit
 * rewrites the text (comments are not kept) and runs the analysis again; while the text is invalid the form is
 * disabled and the text stays as the user wrote it.
 */
public final class RoutingFormViewModel {

    private final RoutingStepViewModel step;
    private final ReadOnlyObjectWrapper<RoutingForm> form = new ReadOnlyObjectWrapper<>(this, "form");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ObservableList<FormProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<FormProblem> readOnlyProblems = FXCollections.unmodifiableObservableList(problems);
    private final ChangeListener<RoutingDocument> documentListener = (obs, old, now) -> refresh();

    RoutingFormViewModel(RoutingStepViewModel step) {
        this.step = step;
        step.selectedProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.documentProperty().removeListener(documentListener);
            }
            if (now != null) {
                now.documentProperty().addListener(documentListener);
            }
            problems.clear();
            refresh();
        });
        if (step.selectedProperty().get() != null) {
            step.selectedProperty().get().documentProperty().addListener(documentListener);
        }
        refresh();
    }

    private void refresh() {
        RoutingStepViewModel.Entry entry = step.selectedProperty().get();
        if (entry == null) {
            form.set(null);
            note.set("");
            return;
        }
        try {
            RoutingForm read = RoutingForms.read(entry.document());
            if (!read.equals(form.get())) {
                problems.clear();
            }
            form.set(read);
            note.set("");
        } catch (RoutingYamlException e) {
            note.set("The form is off while the YAML has an error (" + e.getMessage() + "). Fix the YAML to use "
                    + "the form again; your text is kept as written.");
        }
    }

    /**
     * Writes an edited form into the selected document: its YAML is written anew (fields the form does not show are
     * kept, comments are not), saved and analysed. A form with problems is not written; {@link #problems()} says why.
     *
     * @return whether the document was changed
     */
    public boolean submit(RoutingForm edited) {
        RoutingStepViewModel.Entry entry = step.selectedProperty().get();
        if (entry == null || !note.get().isEmpty()) {
            return false;
        }
        List<FormProblem> found = RoutingForms.problems(edited);
        problems.setAll(found);
        if (!found.isEmpty() || edited.equals(form.get())) {
            return false;
        }
        try {
            RoutingDocument written = RoutingForms.write(entry.document(), edited);
            step.replace(entry, written, "Wrote the form into " + written.title() + " (YAML comments are not kept).");
            return true;
        } catch (RoutingFormException e) {
            problems.setAll(e.problems());
            return false;
        } catch (RoutingYamlException e) {
            note.set(e.getMessage());
            return false;
        }
    }

    /** The selected document's form; null without a selection. While the YAML is invalid, the last valid form. */
    public ReadOnlyObjectProperty<RoutingForm> formProperty() {
        return form.getReadOnlyProperty();
    }

    /** Why the form is disabled; "" when it can be used. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** The problems of the last submitted form, one a field. */
    public ObservableList<FormProblem> problems() {
        return readOnlyProblems;
    }
}
