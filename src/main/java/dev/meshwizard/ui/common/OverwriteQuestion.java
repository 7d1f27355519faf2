package dev.meshwizard.ui.common;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A write the domain refused because it would overwrite what the user made, waiting for the user's answer: the
 * view shows the files and calls {@link #confirm()} or {@link #cancel()}. Nothing is overwritten without that.
 */
public final class OverwriteQuestion {

    private final ReadOnlyObjectWrapper<List<String>> files = new ReadOnlyObjectWrapper<>(this, "files", List.of());
    private String target = "";
    private Runnable onConfirm = () -> { };

    /** Asks whether to overwrite {@code files} in {@code target}; {@code onConfirm} writes anyway. */
    public void ask(String target, List<String> files, Runnable onConfirm) {
        this.target = target;
        this.onConfirm = onConfirm;
        this.files.set(List.copyOf(files));
    }

    /** The files the write would overwrite or mix with; empty when nothing is asked. */
    public ReadOnlyObjectProperty<List<String>> filesProperty() {
        return files.getReadOnlyProperty();
    }

    /** The file or folder written to. */
    public String target() {
        return target;
    }

    /** Writes anyway. */
    public void confirm() {
        Runnable write = onConfirm;
        clear();
        write.run();
    }

    /** Leaves everything as it is. */
    public void cancel() {
        clear();
    }

    private void clear() {
        onConfirm = () -> { };
        files.set(List.of());
    }
}
