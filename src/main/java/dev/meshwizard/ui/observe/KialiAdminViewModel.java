package dev.meshwizard.ui.observe;

import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.forward.KialiStatus;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Kiali part of the Observe step: whether Kiali is installed and ready and which Prometheus it reads; installs
 * it from an Istio release folder's addons (with their Prometheus when asked); points it at another Prometheus; and
 * opens it in the Kiali tab.
 */
public final class KialiAdminViewModel {

    private final JobRunner jobs;
    private final SessionModel sessionModel;
    private final Runnable openKiali;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper installed = new ReadOnlyBooleanWrapper(this, "installed");
    private final StringProperty releaseFolder = new SimpleStringProperty(this, "releaseFolder", "");
    private final BooleanProperty withPrometheus = new SimpleBooleanProperty(this, "withPrometheus", true);
    private final ObservableList<String> prometheusUrls = FXCollections.observableArrayList();
    private final StringProperty prometheusUrl = new SimpleStringProperty(this, "prometheusUrl", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanBinding connectedAndIdle;
    /** Kiali's state as last read, without when; and when it was read (null: nothing read yet). */
    private String lastRead = "";
    private java.time.LocalTime readAt;

    /** @param openKiali opens (or shows) the Kiali tab */
    public KialiAdminViewModel(JobRunner jobs, PlanModel planModel, SessionModel sessionModel, Runnable openKiali) {
        this.jobs = jobs;
        this.sessionModel = sessionModel;
        this.openKiali = openKiali;
        this.connectedAndIdle = sessionModel.sessionProperty().isNotNull().and(busy.not());
        prefill(planModel.plan());
        planModel.planProperty().addListener((obs, old, now) -> {
            if (releaseFolder.get().isBlank()) {
                prefill(now);
            }
        });
        sessionModel.sessionProperty().addListener((obs, old, now) -> {
            status.set(now == null ? "Not connected" : "");
            readAt = null;
            installed.set(false);
            prometheusUrls.clear();
            message.set("");
        });
        status.set(sessionModel.session() == null ? "Not connected" : "");
        sessionModel.lostProperty().addListener((obs, old, now) -> showAge());
        sessionModel.onReconnect(this::refresh);
    }

    /** The plan's chart source, when it is an Istio release folder: that has {@code samples/addons}. */
    private void prefill(InstallPlan plan) {
        if (plan.source().kind() == ChartSourceSpec.Kind.ISTIO_RELEASE && plan.source().folder() != null) {
            releaseFolder.set(plan.source().folder().toString());
        }
    }

    /** Reads Kiali's state and the cluster's Prometheus Services. */
    public void refresh() {
        ClusterSession session = sessionModel.session();
        if (session == null || busy.get()) {
            return;
        }
        busy.set(true);
        record Found(KialiStatus status, List<String> urls) {
        }
        Job.of("Reading Kiali's state", () -> new Found(session.kiali().status(), session.kiali().prometheusUrls()))
                .onSuccess(found -> {
                    busy.set(false);
                    show(found.status());
                    prometheusUrls.setAll(found.urls());
                    if (prometheusUrl.get() == null || prometheusUrl.get().isBlank()) {
                        prometheusUrl.set(!found.status().prometheusUrl().isEmpty() ? found.status().prometheusUrl()
                                : found.urls().isEmpty() ? "" : found.urls().get(0));
                    }
                }).onFailure(e -> {
                    busy.set(false);
                    status.set("Cannot read Kiali's state: " + e.getMessage());
                }).runWith(jobs);
    }

    private void show(KialiStatus kiali) {
        installed.set(kiali.installed());
        lastRead = !kiali.installed() ? "Not installed" : "Installed, " + kiali.readyPods() + "/" + kiali.pods()
                + " pods ready" + (kiali.serviceExists() ? "" : ", no Service") + (kiali.prometheusUrl().isEmpty()
                ? ", no Prometheus URL in its ConfigMap" : ", Prometheus " + kiali.prometheusUrl());
        readAt = java.time.LocalTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        showAge();
    }

    /** The state as last read with when it was read; while the connection is lost, says it may be stale. */
    private void showAge() {
        if (readAt == null) {
            return;
        }
        status.set(lastRead + (sessionModel.lostProperty().get()
                ? " (read at " + readAt + "; the connection is lost, this may be stale)"
                : lastRead.equals("Not installed") ? "" : " (read at " + readAt + "; Refresh reads again)"));
    }

    /** Applies the release folder's {@code samples/addons/kiali.yaml} (and {@code prometheus.yaml} when asked). */
    public void install() {
        ClusterSession session = sessionModel.session();
        String folder = releaseFolder.get().strip();
        if (session == null || busy.get()) {
            return;
        }
        if (folder.isEmpty()) {
            message.set("Choose an Istio release folder (the one with samples/addons).");
            return;
        }
        boolean prometheus = withPrometheus.get();
        busy.set(true);
        message.set("Installing Kiali from " + folder + "…");
        Job.of("Installing Kiali", () -> session.kiali().install(Path.of(folder), prometheus)).onSuccess(applied -> {
            busy.set(false);
            message.set("Applied " + String.join(", ", applied));
            refresh();
        }).onFailure(e -> {
            busy.set(false);
            message.set("Install failed: " + (e instanceof java.nio.file.NoSuchFileException
                    ? "no " + e.getMessage() + " (not an Istio release folder?)" : e.getMessage()));
        }).runWith(jobs);
    }

    /** Sets the chosen Prometheus URL in Kiali's ConfigMap (keeping the rest) and restarts Kiali. */
    public void pointAtPrometheus() {
        ClusterSession session = sessionModel.session();
        String url = prometheusUrl.get() == null ? "" : prometheusUrl.get().strip();
        if (session == null || busy.get()) {
            return;
        }
        if (!url.matches("(?i)https?://\\S+")) {
            message.set("A Prometheus URL starts with http:// or https://");
            return;
        }
        busy.set(true);
        message.set("Pointing Kiali at " + url + "…");
        Job.ofRunnable("Pointing Kiali at Prometheus", () -> session.kiali().pointAtPrometheus(url))
                .onSuccess(done -> {
                    busy.set(false);
                    message.set("Kiali now reads " + url + "; its pods restart to pick it up.");
                    refresh();
                }).onFailure(e -> {
                    busy.set(false);
                    message.set(e.getMessage());
                }).runWith(jobs);
    }

    /** Opens Kiali in its tab. */
    public void open() {
        openKiali.run();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty installedProperty() {
        return installed.getReadOnlyProperty();
    }

    public StringProperty releaseFolderProperty() {
        return releaseFolder;
    }

    public BooleanProperty withPrometheusProperty() {
        return withPrometheus;
    }

    /** The cluster's Prometheus Services as URLs, those on port 9090 first. */
    public ObservableList<String> prometheusUrls() {
        return prometheusUrls;
    }

    public StringProperty prometheusUrlProperty() {
        return prometheusUrl;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last action did or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when connected and no Kiali action runs. */
    public BooleanBinding canActProperty() {
        return connectedAndIdle;
    }
}
