package dev.meshwizard.ui.sample;

import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.apply.Injection;
import dev.meshwizard.cluster.apply.NamespaceInjection;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import java.util.Optional;
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
 * Sidecar injection of the cluster's namespaces: the table, and turning injection on (for the plan's revision when
 * it has one) or off, and restarting a namespace's Deployments so that running pods follow.
 */
public final class InjectionViewModel {

    static final String OFFLINE = "Sidecar injection needs a connected cluster: connect in the Cluster step.";

    private final JobRunner jobs;
    private final PlanModel planModel;
    private final SessionModel sessionModel;
    private final ObservableList<NamespaceInjection> namespaces = FXCollections.observableArrayList();
    private final ObjectProperty<NamespaceInjection> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", OFFLINE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanBinding canChange;

    public InjectionViewModel(JobRunner jobs, PlanModel planModel, SessionModel sessionModel) {
        this.jobs = jobs;
        this.planModel = planModel;
        this.sessionModel = sessionModel;
        this.canChange = sessionModel.sessionProperty().isNotNull().and(selected.isNotNull()).and(busy.not());
        sessionModel.sessionProperty().addListener((obs, old, now) -> refresh());
        sessionModel.onReconnect(this::refresh);
        refresh();
    }

    /** Reads the namespaces again; offline, empties the table and says why. */
    public void refresh() {
        ClusterSession session = sessionModel.session();
        if (session == null) {
            namespaces.clear();
            status.set(OFFLINE);
            return;
        }
        String keep = selected.get() == null ? null : selected.get().name();
        Job.of("Reading namespaces", () -> session.injection().namespaces()).onSuccess(rows -> {
            namespaces.setAll(rows);
            rows.stream().filter(r -> r.name().equals(keep)).findFirst().ifPresent(selected::set);
            if (status.get().equals(OFFLINE)) {
                status.set("");
            }
        }).onFailure(e -> status.set("Cannot read the namespaces: " + e.getMessage())).runWith(jobs);
    }

    /** Turns injection on in the selected namespace: {@code istio.io/rev} when the plan has a revision. */
    public void enable() {
        Optional<String> revision = revision();
        change("Enabling injection", (injection, ns) -> injection.enable(ns, revision), ns -> "Injection enabled in "
                + ns + (revision.map(r -> " for revision " + r + " (istio.io/rev=" + r + ")")
                .orElse(" (istio-injection=enabled)"))
                + ". Pods already running get a sidecar only after a restart.");
    }

    /** Turns injection off in the selected namespace. */
    public void disable() {
        change("Disabling injection", Injection::disable, ns -> "Injection disabled in " + ns
                + ". Pods already running keep their sidecar until restarted.");
    }

    /** Restarts the selected namespace's Deployments, so their pods follow the namespace's injection. */
    public void restartDeployments() {
        ClusterSession session = sessionModel.session();
        NamespaceInjection row = selected.get();
        if (session == null || row == null || busy.get()) {
            return;
        }
        busy.set(true);
        Job.of("Restarting Deployments in " + row.name(), () -> session.injection().restartDeployments(row.name()))
                .onSuccess(names -> {
                    busy.set(false);
                    status.set(names.isEmpty() ? "No Deployments in " + row.name() + "."
                            : "Restarted " + String.join(", ", names) + " in " + row.name()
                            + ": new pods are created with the namespace's injection.");
                    refresh();
                }).onFailure(e -> {
                    busy.set(false);
                    status.set("Restart failed: " + e.getMessage());
                }).runWith(jobs);
    }

    private void change(String title, Change change, java.util.function.Function<String, String> done) {
        ClusterSession session = sessionModel.session();
        NamespaceInjection row = selected.get();
        if (session == null || row == null || busy.get()) {
            return;
        }
        busy.set(true);
        Job.of(title + " in " + row.name(), () -> change.apply(session.injection(), row.name())).onSuccess(now -> {
            busy.set(false);
            replace(now);
            status.set(done.apply(row.name()));
        }).onFailure(e -> {
            busy.set(false);
            status.set(title + " failed: " + e.getMessage());
        }).runWith(jobs);
    }

    private void replace(NamespaceInjection now) {
        for (int i = 0; i < namespaces.size(); i++) {
            if (namespaces.get(i).name().equals(now.name())) {
                namespaces.set(i, now);
            }
        }
        selected.set(now);
    }

    Optional<String> revision() {
        String revision = planModel.plan().revision();
        return revision.isBlank() ? Optional.empty() : Optional.of(revision);
    }

    /** Text for the button that turns injection on. */
    public String enableText() {
        return revision().map(r -> "Enable injection (revision " + r + ")").orElse("Enable injection");
    }

    /** One change of a namespace's labels. */
    private interface Change {
        NamespaceInjection apply(Injection injection, String namespace);
    }

    /** One row's state as shown, e.g. {@code revision 1-30}. */
    public static String describe(NamespaceInjection row) {
        return switch (row.state()) {
            case ENABLED -> "enabled";
            case DISABLED -> "disabled";
            case REVISION -> "revision " + row.revision();
            case NONE -> "—";
        };
    }

    public ObservableList<NamespaceInjection> namespaces() {
        return namespaces;
    }

    public ObjectProperty<NamespaceInjection> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canChangeProperty() {
        return canChange;
    }
}
