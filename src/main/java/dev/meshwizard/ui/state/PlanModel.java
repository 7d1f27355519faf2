package dev.meshwizard.ui.state;

import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.plan.Workspace;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the window keeps the install plan. Steps read it and publish edited copies; every change is
 * saved to the workspace folder in the background (atomically; the newest plan wins).
 */
public final class PlanModel {

    /** Istio version offered when nothing else is known. */
    public static final String DEFAULT_ISTIO_VERSION = "1.28.1";

    private static final Logger LOG = LoggerFactory.getLogger(PlanModel.class);
    private static final int UNDO_LIMIT = 100;

    private final JobRunner jobs;
    private final ReadOnlyObjectWrapper<InstallPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyStringWrapper saveStatus = new ReadOnlyStringWrapper(this, "saveStatus", "");
    private final AtomicReference<InstallPlan> pendingSave = new AtomicReference<>();
    private final ReadOnlyObjectWrapper<Path> workspaceFolder = new ReadOnlyObjectWrapper<>(this, "workspace");
    private final Deque<InstallPlan> history = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private Path workspace;

    public PlanModel(JobRunner jobs) {
        this.jobs = jobs;
        plan.set(Plans.forProfile(Profile.DEFAULT,
                ChartSourceSpec.helmRepo(ChartSourceSpec.ISTIO_REPO, DEFAULT_ISTIO_VERSION), DEFAULT_ISTIO_VERSION));
    }

    public ReadOnlyObjectProperty<InstallPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public InstallPlan plan() {
        return plan.get();
    }

    /** Status of the last autosave, e.g. "Saved to …" or the error. */
    public ReadOnlyStringProperty saveStatusProperty() {
        return saveStatus.getReadOnlyProperty();
    }

    /** The open workspace folder, null until one is open; other workspace files (routing) live next to the plan. */
    public ReadOnlyObjectProperty<Path> workspaceProperty() {
        return workspaceFolder.getReadOnlyProperty();
    }

    /** Publishes an edited plan and saves it when a workspace is open; {@link #undo()} goes back to the one before. */
    public void publish(InstallPlan edited) {
        if (edited.equals(plan.get())) {
            return;
        }
        history.push(plan.get());
        if (history.size() > UNDO_LIMIT) {
            history.removeLast();
        }
        canUndo.set(true);
        plan.set(edited);
        autosave();
    }

    /** Brings back the plan before the last edit (and saves it); nothing when there is none. */
    public void undo() {
        InstallPlan previous = history.poll();
        canUndo.set(!history.isEmpty());
        if (previous != null) {
            plan.set(previous);
            autosave();
        }
    }

    /** True when an edit can be undone. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /**
     * Uses {@code folder} as the workspace from now on: with {@code load}, the plan saved there (if any) replaces
     * the current one; otherwise, or when the folder holds no plan yet, the current plan is saved into it.
     */
    public void openWorkspace(Path folder, boolean load) {
        Job.of("Opening workspace " + folder.getFileName(), () -> {
            Workspace opened = Workspace.open(folder);
            return load && opened.exists() ? opened.load() : null;
        }).onSuccess(loaded -> {
            workspace = folder;
            workspaceFolder.set(folder);
            if (loaded != null) {
                history.clear();
                canUndo.set(false);
                plan.set(loaded);
                saveStatus.set("Opened " + folder);
            } else {
                autosave();
            }
        }).onFailure(e -> saveStatus.set("Cannot open workspace: " + e.getMessage())).runWith(jobs);
    }

    private void autosave() {
        Path target = workspace;
        if (target == null) {
            return;
        }
        // only the newest plan is written; a save already queued picks it up
        if (pendingSave.getAndSet(plan.get()) != null) {
            return;
        }
        Job.of("Saving workspace", () -> {
            InstallPlan toSave;
            while ((toSave = pendingSave.get()) != null) {
                Workspace.open(target).save(toSave);
                if (pendingSave.compareAndSet(toSave, null)) {
                    break;
                }
            }
            return target;
        }).onSuccess(saved -> saveStatus.set("Saved to " + saved))
                .onFailure(e -> {
                    pendingSave.set(null);
                    LOG.warn("Saving the workspace failed", e);
                    saveStatus.set("Saving the workspace failed: " + e.getMessage() + " (the plan is kept in memory)");
                }).runWith(jobs);
    }
}
