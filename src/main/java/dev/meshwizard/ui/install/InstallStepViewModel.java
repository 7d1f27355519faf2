package dev.meshwizard.ui.install;

import dev.meshwizard.ui.changes.ChangesViewModel;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.helm.InstallEvent;
import dev.meshwizard.cluster.helm.InstallResult;
import dev.meshwizard.cluster.helm.InstallRun;
import dev.meshwizard.cluster.helm.UninstallRun;
import dev.meshwizard.cluster.helm.UpgradeDiff;
import java.util.List;
import java.util.Set;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobHandle;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.render.ClusterCommands;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.ui.common.ClusterAction;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executor;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Install step: runs the plan's Helm releases in order on the connected cluster, with a line per release
 * (phase, elapsed time, what is happening), an overall progress, a log, and cancel. Running it again upgrades
 * what is installed and continues after a failure.
 */
public final class InstallStepViewModel {

    /** One release's line. */
    public record ReleaseLine(String release, String chart, InstallEvent.Phase phase, String elapsed,
                              String message) {
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final JobRunner jobs;
    private final PlanModel planModel;
    private final SessionModel sessionModel;
    private final Executor fxThread;
    private final ObservableList<ReleaseLine> lines = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final BooleanBinding canInstall;
    private final ReleasesViewModel releases;
    private final ChangesViewModel changes;
    private final Renderer renderer;
    private JobHandle current;

    /** @param fxThread where install events are handed over (the FX thread in the app) */
    public InstallStepViewModel(JobRunner jobs, PlanModel planModel, SessionModel sessionModel, Renderer renderer,
                                Executor fxThread) {
        this.jobs = jobs;
        this.planModel = planModel;
        this.sessionModel = sessionModel;
        this.fxThread = fxThread;
        this.renderer = renderer;
        this.canInstall = sessionModel.sessionProperty().isNotNull().and(running.not());
        this.releases = new ReleasesViewModel(jobs, sessionModel, this::namespace, this::log);
        this.changes = new ChangesViewModel(jobs, planModel, sessionModel, renderer);
        showPlan(planModel.plan());
        planModel.planProperty().addListener((obs, old, now) -> {
            if (!running.get()) {
                showPlan(now);
            }
        });
        summary.set(sessionModel.session() == null ? "Connect to a cluster in the Cluster step to install." : "");
        sessionModel.sessionProperty().addListener((obs, old, now) -> summary.set(now == null
                ? "Connect to a cluster in the Cluster step to install." : "Ready to install into "
                + now.context().name() + "."));
    }

    private void showPlan(InstallPlan plan) {
        lines.setAll(plan.releases().stream().map(r -> new ReleaseLine(r.name(), r.component().chartName(),
                InstallEvent.Phase.PENDING, "", "")).toList());
    }

    /** Installs or upgrades every release in order; a second run upgrades and continues after a failure. */
    public void install() {
        ClusterSession session = sessionModel.session();
        if (session == null || running.get()) {
            return;
        }
        InstallPlan plan = planModel.plan();
        showPlan(plan);
        running.set(true);
        progress.set(0);
        log("Installing " + plan.releases().size() + " release(s) into " + session.context().name());
        summary.set("Installing…");
        current = Job.<InstallResult>of("Installing Istio", context -> {
            ChartSource charts = ChartSource.open(plan.source());
            return session.installRun(charts).run(plan, event -> fxThread.execute(() -> show(event)),
                    forwarding(context));
        }).onSuccess(result -> finished(result.message()))
                .onFailure(e -> finished("Install failed: " + e.getMessage()))
                .onCancelled(() -> finished(null)).runWith(jobs);
    }

    /**
     * Prepares the question asked before an install, in the background: what the plan changes against Helm's
     * records (counts) and the equivalent helm commands; {@code ask} gets it on the FX thread.
     */
    public void prepareInstall(java.util.function.Consumer<ClusterAction> ask) {
        ClusterSession session = sessionModel.session();
        if (session == null || running.get()) {
            return;
        }
        InstallPlan plan = planModel.plan();
        Job.<ClusterAction>of("Comparing the plan with the cluster", () -> {
            ChartSource charts = ChartSource.open(plan.source());
            List<UpgradeDiff.ReleaseChanges> diff = session.upgradeDiff(renderer).compute(plan, charts);
            long installed = diff.stream().filter(d -> d.deployedRevision().isPresent()).count();
            long changed = diff.stream().mapToLong(UpgradeDiff.ReleaseChanges::changedCount).sum();
            String what = (diff.size() - installed) + " release(s) installed, " + installed + " upgraded ("
                    + what() + "); " + changed + " object(s) added, changed or removed (the Changes tab lists them).";
            return ClusterAction.on(session, "Install or upgrade " + plan.releases().size() + " Istio release(s)",
                    namespace(), what, ClusterCommands.install(plan, renderer.render(plan, charts),
                            session.context().name()));
        }).onSuccess(ask::accept).onFailure(e -> summary.set("Cannot compare the plan with the cluster: "
                + e.getMessage())).runWith(jobs);
    }

    /** The question asked before an uninstall: the releases of the plan's namespace Helm has, and the commands. */
    public ClusterAction uninstallAction() {
        ClusterSession session = sessionModel.session();
        String ns = namespace();
        Set<String> planned = plannedIn(ns);
        long count = releases.releases().stream().filter(r -> planned.contains(r.name())).count();
        return ClusterAction.on(session, "Uninstall the Istio releases of " + ns, ns, (count == 0
                ? "Helm's releases were not read yet (see Releases)." : count + " Helm release(s) deleted in reverse "
                + "order, with the objects Helm installed; other releases of " + ns + " stay."),
                ClusterCommands.uninstall(planModel.plan(),
                session.context().name()));
    }

    /**
     * Uninstalls the Istio releases of the plan's namespace in reverse order; the CRDs (and every Istio object)
     * and the namespace only when asked.
     */
    public void uninstall(boolean deleteCrds, boolean deleteNamespace) {
        ClusterSession session = sessionModel.session();
        if (session == null || running.get()) {
            return;
        }
        String ns = namespace();
        lines.clear();
        running.set(true);
        progress.set(0);
        log("Uninstalling the Istio releases of " + ns + (deleteCrds ? ", then the Istio CRDs" : "")
                + (deleteNamespace ? ", then the namespace" : ""));
        summary.set("Uninstalling…");
        Set<String> planned = plannedIn(ns);
        current = Job.<UninstallRun.Result>of("Uninstalling Istio", context -> session.uninstallRun().run(ns,
                onlyInstalled(session, ns, planned, deleteCrds, deleteNamespace), event -> fxThread.execute(() -> {
                    if (event.phase() == InstallEvent.Phase.PENDING) {
                        lines.add(new ReleaseLine(event.release(), "", event.phase(), "", ""));
                    }
                    show(event);
                }), forwarding(context))).onSuccess(result -> finished(result.message()))
                .onFailure(e -> finished("Uninstall failed: " + e.getMessage()))
                .onCancelled(() -> finished(null)).runWith(jobs);
    }

    /** The plan's release names in {@code ns}: only these are uninstalled, never another control plane there. */
    private Set<String> plannedIn(String ns) {
        return planModel.plan().releases().stream().filter(r -> r.namespace().equals(ns)).map(ChartRelease::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The uninstall options naming the plan's releases that Helm has in {@code ns} (so that an {@code istiod} running
     * beside the plan's {@code istiod-<revision>} stays); a plan with none of them installed removes nothing.
     */
    private static UninstallRun.Options onlyInstalled(ClusterSession session, String ns, Set<String> planned,
                                                      boolean deleteCrds, boolean deleteNamespace)
            throws dev.meshwizard.cluster.helm.HelmException {
        Set<String> installed = session.helm().list(ns).stream().map(dev.meshwizard.cluster.helm.HelmRelease::name)
                .filter(planned::contains).collect(java.util.stream.Collectors.toUnmodifiableSet());
        if (installed.isEmpty()) {
            throw new dev.meshwizard.cluster.helm.HelmException("", "None of the plan's releases ("
                    + String.join(", ", new java.util.TreeSet<>(planned)) + ") is installed in " + ns
                    + "; nothing was uninstalled.");
        }
        return new UninstallRun.Options(deleteCrds, deleteNamespace, installed);
    }

    private dev.meshwizard.job.JobContext forwarding(dev.meshwizard.job.JobContext context) {
        return new dev.meshwizard.job.JobContext() {
            @Override
            public void progress(double fraction) {
                context.progress(fraction);
                fxThread.execute(() -> progress.set(fraction));
            }

            @Override
            public void message(String text) {
                context.message(text);
            }

            @Override
            public boolean isCancelled() {
                return context.isCancelled();
            }
        };
    }

    /**
     * A run ended: says how (unless {@code message} is null), then reads Helm's records again and drops the stale
     * comparison.
     */
    private void finished(String message) {
        running.set(false);
        if (message != null) {
            summary.set(message);
            log(message);
        }
        releases.refresh();
        changes.invalidate();
    }

    /** The namespace of the plan's releases, where installs and uninstalls happen. */
    public String namespace() {
        return planModel.plan().releases().stream().map(ChartRelease::namespace).findFirst().orElse("istio-system");
    }

    public ChangesViewModel changes() {
        return changes;
    }

    public ReleasesViewModel releases() {
        return releases;
    }

    /** Stops after the current Helm call; the result says what is installed. */
    public void cancel() {
        if (current != null) {
            current.cancel();
            log("Cancel requested: stopping after the current Helm call");
        }
    }

    private void show(InstallEvent event) {
        for (int i = 0; i < lines.size(); i++) {
            ReleaseLine line = lines.get(i);
            if (line.release().equals(event.release())) {
                lines.set(i, new ReleaseLine(line.release(), line.chart(), event.phase(), seconds(event.elapsed()),
                        event.message()));
            }
        }
        if (event.phase() != InstallEvent.Phase.PENDING) {
            log(event.release() + " " + dev.meshwizard.ui.common.Views.words(event.phase())
                    + (event.message().isBlank() ? "" : ": " + event.message()));
        }
    }

    private void log(String text) {
        log.add(LocalTime.now().format(CLOCK) + "  " + text);
    }

    private static String seconds(Duration elapsed) {
        return elapsed.isZero() ? "" : String.format(java.util.Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }

    public ObservableList<ReleaseLine> lines() {
        return lines;
    }

    public ObservableList<String> log() {
        return log;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public BooleanBinding canInstallProperty() {
        return canInstall;
    }

    /** The releases in the order they will be installed, for the button text. */
    public String what() {
        return String.join(" → ", planModel.plan().releases().stream().map(ChartRelease::name).toList());
    }
}
