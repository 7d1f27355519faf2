package dev.meshwizard.cluster.watch;

/** An immutable snapshot of one watched object, made at once from an informer event. */
public sealed interface Row permits PodRow, ServiceRow {

    /** Stable identity of the object across updates (its uid). */
    String key();

    String namespace();

    String name();
}
