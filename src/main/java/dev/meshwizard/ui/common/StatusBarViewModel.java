package dev.meshwizard.ui.common;

import dev.meshwizard.job.JobHandle;
import dev.meshwizard.job.JobListener;
import dev.meshwizard.job.JobRunner;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The running job (the newest, when several run) and its progress, for the status bar. */
public final class StatusBarViewModel implements JobListener {

    private final List<JobHandle> running = new ArrayList<>();
    private final ReadOnlyStringWrapper job = new ReadOnlyStringWrapper(this, "job", "Ready");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public StatusBarViewModel(JobRunner jobs) {
        jobs.addListener(this);
    }

    @Override
    public void started(JobHandle handle) {
        running.add(handle);
        show(handle, -1, "");
    }

    @Override
    public void progressed(JobHandle handle, double fraction, String message) {
        if (!running.isEmpty() && running.get(running.size() - 1) == handle) {
            show(handle, fraction, message);
        }
    }

    @Override
    public void finished(JobHandle handle) {
        running.remove(handle);
        if (running.isEmpty()) {
            job.set("Ready");
            progress.set(0);
        } else {
            show(running.get(running.size() - 1), -1, "");
        }
    }

    private void show(JobHandle handle, double fraction, String message) {
        String more = running.size() > 1 ? "  (+" + (running.size() - 1) + " more)" : "";
        job.set(handle.title() + (message == null || message.isBlank() ? "" : ": " + message) + more);
        progress.set(fraction < 0 ? -1 : fraction);
    }

    /** Shows an error no view reported itself (an uncaught exception) until dismissed. */
    public void showError(String text) {
        error.set(text);
    }

    public void dismissError() {
        error.set("");
    }

    /** The error shown, empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty jobProperty() {
        return job.getReadOnlyProperty();
    }

    /** Progress of the shown job: -1 while indeterminate, 0 when idle. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
