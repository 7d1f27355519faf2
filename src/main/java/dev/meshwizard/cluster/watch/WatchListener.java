package dev.meshwizard.cluster.watch;

/** Receives the rows of a {@link ClusterWatch}. Called on informer threads: must not block. */
public interface WatchListener {

    /** A row was added or changed. */
    void upserted(Row row);

    /** The object with this key went away. */
    void deleted(Row row);

    /**
     * After the connection came back: every row there is now; rows not among them went away meanwhile. Called
     * before the state goes back to {@link WatchState#WATCHING}.
     */
    default void replaced(java.util.List<Row> rows) {
        rows.forEach(this::upserted);
    }

    /** The watch connection changed state (synced, lost, back). */
    void stateChanged(WatchState state, String detail);
}
