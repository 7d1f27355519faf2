package dev.meshwizard.ui.sidepanel;

import dev.meshwizard.cluster.watch.Row;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One table line that lives as long as its object: an update swaps the row inside instead of replacing the list
 * element, so the table keeps its cells and selection and only re-reads the visible ones.
 */
public final class LiveRow<R extends Row> {

    private final ReadOnlyObjectWrapper<R> row;

    LiveRow(R row) {
        this.row = new ReadOnlyObjectWrapper<>(this, "row", row);
    }

    public R get() {
        return row.get();
    }

    void set(R newRow) {
        row.set(newRow);
    }

    public ReadOnlyObjectProperty<R> rowProperty() {
        return row.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return String.valueOf(row.get());
    }
}
