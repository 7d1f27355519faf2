package dev.meshwizard.ui.sidepanel;

import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.watch.ClusterWatch;
import dev.meshwizard.cluster.watch.PodRow;
import dev.meshwizard.cluster.watch.Row;
import dev.meshwizard.cluster.watch.ServiceRow;
import dev.meshwizard.cluster.watch.WatchScope;
import dev.meshwizard.cluster.watch.WatchState;
import dev.meshwizard.job.CoalescingBuffer.Batch;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.ui.state.AppSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The live side panel: pods and services of the watched namespaces, a filter, and the selected row's
 * details. Rows arrive from the session's {@link ClusterWatch} through a {@link RowBridge} that hands
 * them to the FX thread in batches.
 */
public final class SidePanelViewModel {

    private final JobRunner jobs;
    private final AppSettings settings;
    private final RowBridge.Factory bridges;

    // the extractor turns a row swap into an "updated" change: filter and sort follow it, the table re-reads
    // its visible cells instead of rebuilding them (a replaced element makes the table rebuild every cell)
    private final ObservableList<LiveRow<PodRow>> pods =
            FXCollections.observableArrayList(row -> new Observable[] {row.rowProperty()});
    private final ObservableList<LiveRow<ServiceRow>> services =
            FXCollections.observableArrayList(row -> new Observable[] {row.rowProperty()});
    private final FilteredList<LiveRow<PodRow>> filteredPods = new FilteredList<>(pods);
    private final FilteredList<LiveRow<ServiceRow>> filteredServices = new FilteredList<>(services);
    private final Map<String, LiveRow<PodRow>> podIndex = new HashMap<>();
    private java.time.LocalTime asOf;
    private final Map<String, LiveRow<ServiceRow>> serviceIndex = new HashMap<>();

    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final StringProperty namespaces = new SimpleStringProperty(this, "namespaces", "");
    private final BooleanProperty allNamespaces = new SimpleBooleanProperty(this, "allNamespaces");
    private final ReadOnlyObjectWrapper<WatchState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Offline");
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");

    private ClusterSession session;
    private ClusterWatch watch;
    private RowBridge bridge;

    public SidePanelViewModel(JobRunner jobs, AppSettings settings, RowBridge.Factory bridges) {
        this.jobs = jobs;
        this.settings = settings;
        this.bridges = bridges;
        namespaces.set(String.join(", ", settings.watchedNamespaces()));
        allNamespaces.set(settings.watchAllNamespaces());
        filter.addListener((obs, old, now) -> applyFilter(now));
        selected.addListener((obs, old, now) -> details.set(now == null ? "" : RowDetails.describe(now)));
    }

    /** Follows the session: a new one starts watching, none stops and clears. */
    public void sessionChanged(ClusterSession newSession) {
        stopWatch();
        session = newSession;
        clearRows();
        if (session == null) {
            state.set(null);
            status.set("Offline — connect to a cluster to see its pods and services");
        } else {
            startWatch();
        }
    }

    /** Applies the namespace field and the all-namespaces switch: restarts the watch with the new scope. */
    public void applyScope() {
        Set<String> wanted = parseNamespaces(namespaces.get());
        namespaces.set(String.join(", ", wanted));
        settings.watchedNamespaces(wanted);
        settings.watchAllNamespaces(allNamespaces.get());
        if (session != null) {
            stopWatch();
            clearRows();
            startWatch();
        }
    }

    WatchScope scope() {
        return allNamespaces.get() ? WatchScope.all() : WatchScope.of(parseNamespaces(namespaces.get()));
    }

    static Set<String> parseNamespaces(String text) {
        Set<String> result = Arrays.stream(text == null ? new String[0] : text.split("[,\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (result.isEmpty()) {
            result.add("istio-system");
        }
        return result;
    }

    private void startWatch() {
        ClusterSession target = session;
        WatchScope scope = scope();
        RowBridge newBridge = bridges.create(this::applyBatch, this::applyState);
        bridge = newBridge;
        state.set(WatchState.SYNCING);
        status.set("Loading " + describe(scope) + "…");
        Job.of("Watching " + describe(scope), () -> target.watch(scope, newBridge))
                .onSuccess(started -> {
                    if (bridge == newBridge) {
                        watch = started;
                    } else {
                        closeQuietly(started, newBridge);
                    }
                })
                .onFailure(e -> {
                    if (bridge == newBridge) {
                        state.set(WatchState.LOST);
                        status.set("Cannot watch " + describe(scope) + ": " + e.getMessage());
                    }
                })
                .runWith(jobs);
    }

    private void stopWatch() {
        ClusterWatch oldWatch = watch;
        RowBridge oldBridge = bridge;
        watch = null;
        bridge = null;
        if (oldWatch != null || oldBridge != null) {
            closeQuietly(oldWatch, oldBridge);
        }
    }

    private void closeQuietly(ClusterWatch oldWatch, RowBridge oldBridge) {
        if (oldBridge != null) {
            oldBridge.close();
        }
        if (oldWatch != null) {
            Job.ofRunnable("Stopping the watch", oldWatch::close).runWith(jobs);
        }
    }

    private static String describe(WatchScope scope) {
        return scope.allNamespaces() ? "all namespaces" : String.join(", ", scope.namespaces());
    }

    void applyState(WatchState newState, String detail) {
        if (newState == WatchState.WATCHING || state.get() == WatchState.WATCHING) {
            // the rows were true until now
            asOf = java.time.LocalTime.now();
        }
        state.set(newState);
        String scope = describe(scope());
        status.set(switch (newState) {
            case SYNCING -> "Loading " + scope + "…";
            case WATCHING -> "Live — " + scope;
            case LOST -> "Watch lost" + (detail == null || detail.isBlank() ? "" : " (" + detail + ")")
                    + " — retrying; the rows below are as of " + (asOf == null ? "the last list"
                    : asOf.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)) + " and may be stale";
        });
    }

    /** Applies one batch of changes to the tables. Runs on the FX thread. */
    void applyBatch(Batch<String, Row> batch) {
        List<LiveRow<PodRow>> newPods = new ArrayList<>();
        List<LiveRow<ServiceRow>> newServices = new ArrayList<>();
        Set<String> gonePods = new HashSet<>();
        Set<String> goneServices = new HashSet<>();
        for (String key : batch.removals()) {
            if (podIndex.containsKey(key)) {
                gonePods.add(key);
            } else if (serviceIndex.containsKey(key)) {
                goneServices.add(key);
            }
        }
        batch.upserts().forEach((key, row) -> {
            if (row instanceof PodRow pod) {
                upsert(podIndex, key, pod, newPods);
            } else if (row instanceof ServiceRow service) {
                upsert(serviceIndex, key, service, newServices);
            }
        });
        remove(pods, podIndex, gonePods);
        remove(services, serviceIndex, goneServices);
        pods.addAll(newPods);
        services.addAll(newServices);
        Row current = selected.get();
        if (current != null) {
            if (batch.removals().contains(current.key())) {
                selected.set(null);
            } else if (batch.upserts().containsKey(current.key())) {
                selected.set(batch.upserts().get(current.key()));
            }
        }
    }

    private static <R extends Row> void upsert(Map<String, LiveRow<R>> index, String key, R row,
                                               List<LiveRow<R>> added) {
        LiveRow<R> live = index.get(key);
        if (live != null) {
            live.set(row);
        } else {
            live = new LiveRow<>(row);
            index.put(key, live);
            added.add(live);
        }
    }

    private static <R extends Row> void remove(ObservableList<LiveRow<R>> list, Map<String, LiveRow<R>> index,
                                               Set<String> keys) {
        if (!keys.isEmpty()) {
            keys.forEach(index::remove);
            list.removeIf(live -> keys.contains(live.get().key()));
        }
    }

    private void clearRows() {
        pods.clear();
        services.clear();
        podIndex.clear();
        serviceIndex.clear();
        selected.set(null);
    }

    private void applyFilter(String text) {
        String[] tokens = text == null ? new String[0] : text.toLowerCase(Locale.ROOT).trim().split("\\s+");
        boolean all = tokens.length == 0 || tokens[0].isEmpty();
        Predicate<LiveRow<? extends Row>> matches = live -> {
            String haystack = RowDetails.searchText(live.get());
            return Arrays.stream(tokens).allMatch(haystack::contains);
        };
        filteredPods.setPredicate(all ? null : matches::test);
        filteredServices.setPredicate(all ? null : matches::test);
        // the details follow the selection: a row the filter hides is no longer selected
        Row current = selected.get();
        if (current != null && filteredPods.stream().noneMatch(l -> l.get().key().equals(current.key()))
                && filteredServices.stream().noneMatch(l -> l.get().key().equals(current.key()))) {
            selected.set(null);
        }
    }

    /** The pods passing the filter. */
    public ObservableList<LiveRow<PodRow>> pods() {
        return filteredPods;
    }

    /** The services passing the filter. */
    public ObservableList<LiveRow<ServiceRow>> services() {
        return filteredServices;
    }

    /** Every pod row, unfiltered. */
    public int podCount() {
        return pods.size();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public StringProperty namespacesProperty() {
        return namespaces;
    }

    public BooleanProperty allNamespacesProperty() {
        return allNamespaces;
    }

    public ReadOnlyObjectProperty<WatchState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Stops watching; for shutdown. */
    public void close() {
        stopWatch();
    }
}
