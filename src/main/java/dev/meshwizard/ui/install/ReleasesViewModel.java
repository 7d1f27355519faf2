package dev.meshwizard.ui.install;

import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.helm.HelmRelease;
import dev.meshwizard.cluster.helm.HelmRevision;
import dev.meshwizard.cluster.helm.InstallRun;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.render.ClusterCommands;
import dev.meshwizard.ui.state.SessionModel;
import dev.meshwizard.ui.common.ClusterAction;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The releases panel: Helm's own records of the releases in the plan's namespace (name, chart, version, revision,
 * status, updated), the history of the selected one, rollback to a chosen revision, and advice for releases left
 * pending or failed.
 */
public final class ReleasesViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One release as the table shows it. */
    public record ReleaseRow(String name, String chart, String version, int revision, String status,
                             String updated, boolean needsAttention) {
    }

    /** One revision of the selected release. */
    public record RevisionRow(int revision, String updated, String status, String chart, String description) {
    }

    private final JobRunner jobs;
    private final SessionModel sessionModel;
    private final Supplier<String> namespace;
    private final Consumer<String> log;
    private final ObservableList<ReleaseRow> releases = FXCollections.observableArrayList();
    private final ObservableList<RevisionRow> history = FXCollections.observableArrayList();
    private final ObjectProperty<ReleaseRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<RevisionRow> selectedRevision = new SimpleObjectProperty<>(this, "selectedRevision");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper advice = new ReadOnlyStringWrapper(this, "advice", "");
    private final BooleanBinding canRollback;
    private final ReadOnlyStringWrapper age = new ReadOnlyStringWrapper(this, "age", "");
    private java.time.LocalTime readAt;

    /**
     * @param namespace the namespace whose releases to show (the plan's)
     * @param log       where rollbacks and failures are reported (the Install step's log)
     */
    public ReleasesViewModel(JobRunner jobs, SessionModel sessionModel, Supplier<String> namespace,
                             Consumer<String> log) {
        this.jobs = jobs;
        this.sessionModel = sessionModel;
        this.namespace = namespace;
        this.log = log;
        canRollback = Bindings.createBooleanBinding(() -> selected.get() != null && selectedRevision.get() != null
                        && !busy.get() && sessionModel.session() != null
                        && (selectedRevision.get().revision() != selected.get().revision()
                        || selected.get().status().startsWith("pending-")),
                selected, selectedRevision, busy, sessionModel.sessionProperty());
        selected.addListener((obs, old, now) -> loadHistory(now));
        sessionModel.sessionProperty().addListener((obs, old, now) -> refresh());
        sessionModel.onReconnect(this::refresh);
        sessionModel.lostProperty().addListener((obs, old, now) -> showAge());
    }

    /** Reads Helm's records again. */
    public void refresh() {
        ClusterSession session = sessionModel.session();
        if (session == null) {
            releases.clear();
            history.clear();
            readAt = null;
            showAge();
            advice.set("Connect to a cluster to see its Helm releases.");
            return;
        }
        String ns = namespace.get();
        busy.set(true);
        Job.of("Reading Helm releases", () -> session.helm().list(ns)).onSuccess(list -> {
            busy.set(false);
            releases.setAll(list.stream().map(ReleasesViewModel::row).toList());
            advice.set(advice(list, ns));
            readAt = java.time.LocalTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            showAge();
        }).onFailure(e -> {
            busy.set(false);
            advice.set("Cannot read the Helm releases: " + e.getMessage());
        }).runWith(jobs);
    }

    private void showAge() {
        age.set(readAt == null ? "" : "Read at " + readAt
                + (sessionModel.lostProperty().get() ? "; the connection is lost, this may be stale" : ""));
    }

    /** When the table was read, and whether it may be stale (the connection is lost). */
    public ReadOnlyStringProperty ageProperty() {
        return age.getReadOnlyProperty();
    }

    private void loadHistory(ReleaseRow release) {
        history.clear();
        selectedRevision.set(null);
        ClusterSession session = sessionModel.session();
        if (release == null || session == null) {
            return;
        }
        String ns = namespace.get();
        Job.of("Reading the history of " + release.name(), () -> session.helm().history(release.name(), ns))
                .onSuccess(revisions -> {
                    if (selected.get() != null && selected.get().name().equals(release.name())) {
                        List<RevisionRow> rows = new java.util.ArrayList<>(revisions.stream().map(ReleasesViewModel::row).toList());
                        java.util.Collections.reverse(rows);
                        history.setAll(rows);
                        lastDeployedBefore(revisions, release.revision()).ifPresent(previous -> history.stream()
                                .filter(r -> r.revision() == previous).findFirst().ifPresent(selectedRevision::set));
                    }
                })
                .onFailure(e -> log.accept("Cannot read the history of " + release.name() + ": " + e.getMessage()))
                .runWith(jobs);
    }

    /** Rolls the selected release back to the selected revision: a new revision with that one's chart and values. */
    public void rollback() {
        ReleaseRow release = selected.get();
        RevisionRow revision = selectedRevision.get();
        ClusterSession session = sessionModel.session();
        if (!canRollback.get() || session == null) {
            return;
        }
        String ns = namespace.get();
        busy.set(true);
        log.accept("Rolling " + release.name() + " back to revision " + revision.revision());
        Job.of("Rolling back " + release.name(), () -> session.helm().rollback(release.name(), ns,
                revision.revision(), InstallRun.DEFAULT_TIMEOUT)).onSuccess(done -> {
                    busy.set(false);
                    log.accept(done.name() + " rolled back to revision " + revision.revision() + ": now revision "
                            + done.revision() + " " + done.status());
                    refresh();
                    loadHistory(release);
                }).onFailure(e -> {
                    busy.set(false);
                    log.accept("Rollback failed: " + e.getMessage());
                    refresh();
                }).runWith(jobs);
    }

    /** The question asked before {@link #rollback()}: release, revisions, where, and the helm command. */
    public ClusterAction rollbackAction() {
        ReleaseRow release = selected.get();
        RevisionRow revision = selectedRevision.get();
        String ns = namespace.get();
        return ClusterAction.on(sessionModel.session(), "Roll back " + release.name() + " to revision "
                + revision.revision(), ns, "1 release changes: " + release.name() + " (now revision "
                + release.revision() + ") gets revision " + (release.revision() + 1) + " with revision "
                + revision.revision() + "'s chart (" + revision.chart() + ") and values.", ClusterCommands.rollback(
                release.name(), ns, revision.revision(), sessionModel.session().context().name()));
    }

    private static Optional<Integer> lastDeployedBefore(List<HelmRevision> revisions, int current) {
        return revisions.stream().filter(r -> r.revision() < current)
                .filter(r -> !r.status().equals("failed") && !r.pending())
                .map(HelmRevision::revision).reduce((a, b) -> b);
    }

    static String advice(List<HelmRelease> list, String ns) {
        if (list.isEmpty()) {
            return "No Helm releases in " + ns + " yet.";
        }
        StringBuilder text = new StringBuilder();
        for (HelmRelease release : list) {
            if (release.pending()) {
                text.append(release.name()).append(" is stuck in ").append(release.status())
                        .append(": Helm refuses to change it. If the client that started it is gone, Install or"
                                + " upgrade marks it failed and continues; or ")
                        .append(release.revision() > 1
                                ? "roll it back to its last deployed revision, or uninstall it. " : "uninstall it. ");
            } else if (release.failed()) {
                text.append(release.name()).append(" failed at revision ").append(release.revision())
                        .append(": install again to upgrade it, or roll it back. ");
            }
        }
        return text.isEmpty() ? list.size() + " release(s) in " + ns + ", as Helm records them." : text.toString()
                .strip();
    }

    private static ReleaseRow row(HelmRelease release) {
        return new ReleaseRow(release.name(), release.chart(), release.version(), release.revision(),
                release.status(), release.updated().map(ReleasesViewModel::time).orElse(""),
                release.pending() || release.failed());
    }

    private static RevisionRow row(HelmRevision revision) {
        return new RevisionRow(revision.revision(), revision.updated().map(ReleasesViewModel::time).orElse(""),
                revision.status(), revision.chart() + " " + revision.version(), revision.description());
    }

    private static String time(OffsetDateTime time) {
        return time.atZoneSameInstant(ZoneId.systemDefault()).format(TIME);
    }

    public ObservableList<ReleaseRow> releases() {
        return releases;
    }

    public ObservableList<RevisionRow> history() {
        return history;
    }

    public ObjectProperty<ReleaseRow> selectedProperty() {
        return selected;
    }

    public ObjectProperty<RevisionRow> selectedRevisionProperty() {
        return selectedRevision;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty adviceProperty() {
        return advice.getReadOnlyProperty();
    }

    public BooleanBinding canRollbackProperty() {
        return canRollback;
    }
}
