package dev.meshwizard.ui.cluster;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.connect.ConnectException;
import dev.meshwizard.cluster.precheck.IstioSupport;
import dev.meshwizard.cluster.connect.KubeContext;
import dev.meshwizard.cluster.connect.Kubeconfig;
import dev.meshwizard.cluster.connect.KubeconfigException;
import dev.meshwizard.cluster.precheck.PrecheckItem;
import dev.meshwizard.cluster.precheck.PrecheckReport;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.ui.state.AppSettings;
import dev.meshwizard.ui.state.SessionModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Cluster step: which kubeconfig, which context, connect or work offline, and the precheck.
 */
public final class ClusterStepViewModel {

    /** Istio minors the precheck knows; the newest is preselected. */
    public static final List<String> ISTIO_VERSIONS = IstioSupport.knownIstioMinors();

    private final JobRunner jobs;
    private final SessionModel sessionModel;
    private final AppSettings settings;
    private final ClusterConnector connector;

    private final ObservableList<KubeContext> contexts = FXCollections.observableArrayList();
    private final ObjectProperty<KubeContext> selectedContext = new SimpleObjectProperty<>(this, "selectedContext");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final StringProperty istioVersion = new SimpleStringProperty(this, "istioVersion", ISTIO_VERSIONS.get(0));
    private final ObservableList<PrecheckItem> precheckItems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper precheckSummary = new ReadOnlyStringWrapper(this, "precheckSummary", "");
    private final BooleanBinding canConnect;
    private final BooleanBinding canPrecheck;
    private Kubeconfig kubeconfig = null;

    public ClusterStepViewModel(JobRunner jobs, SessionModel sessionModel, AppSettings settings,
                                ClusterConnector connector) {
        this.jobs = jobs;
        this.sessionModel = sessionModel;
        this.settings = settings;
        this.connector = connector;
        this.canConnect = selectedContext.isNotNull().and(busy.not());
        this.canPrecheck = sessionModel.sessionProperty().isNotNull().and(busy.not());
        sessionModel.sessionProperty().addListener((obs, old, now) -> {
            precheckItems.clear();
            precheckSummary.set("");
        });
    }

    /** Loads the kubeconfig the user had last (a file they opened), else the default one. */
    public void loadInitial() {
        Optional<Path> opened = settings.kubeconfigFile();
        if (opened.isPresent()) {
            openKubeconfig(opened.get());
        } else {
            reloadDefault();
        }
    }

    /** Loads {@code KUBECONFIG} or {@code ~/.kube/config}, like kubectl. */
    public void reloadDefault() {
        load("Reading kubeconfig", Kubeconfig::loadDefault, null);
    }

    /** Loads a file the user chose. */
    public void openKubeconfig(Path file) {
        load("Reading " + file.getFileName(), () -> Kubeconfig.loadFile(file), file);
    }

    private void load(String title, KubeconfigLoader loader, Path openedFile) {
        busy.set(true);
        error.set("");
        Job.of(title, loader::load)
                .onSuccess(loaded -> {
                    busy.set(false);
                    settings.kubeconfigFile(openedFile);
                    showKubeconfig(loaded);
                })
                .onFailure(e -> {
                    busy.set(false);
                    error.set(e instanceof KubeconfigException ? e.getMessage() : "Reading the kubeconfig failed: " + e);
                    if (kubeconfig == null) {
                        source.set("No usable kubeconfig — working offline");
                    }
                })
                .runWith(jobs);
    }

    private void showKubeconfig(Kubeconfig loaded) {
        kubeconfig = loaded;
        contexts.setAll(loaded.contexts());
        if (loaded.isEmpty()) {
            source.set(loaded.files().isEmpty()
                    ? "No kubeconfig found (KUBECONFIG is not set and ~/.kube/config does not exist) — working offline"
                    : describe(loaded.files()) + " has no contexts — working offline");
            selectedContext.set(null);
            return;
        }
        source.set(describe(loaded.files()));
        String wanted = settings.lastContext().orElse(null);
        selectedContext.set(contexts.stream().filter(c -> c.name().equals(wanted)).findFirst()
                .orElse(contexts.get(0)));
    }

    private static String describe(List<Path> files) {
        return files.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    /** Connects to the selected context in the background. */
    public void connect() {
        KubeContext context = selectedContext.get();
        if (context == null || busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        sessionModel.connecting(context.name());
        Kubeconfig config = kubeconfig;
        Job.of("Connecting to " + context.name(), () -> connector.connect(config, context.name()))
                .onSuccess(session -> {
                    busy.set(false);
                    settings.lastContext(context.name());
                    sessionModel.connected(session);
                })
                .onFailure(e -> {
                    busy.set(false);
                    sessionModel.offline();
                    error.set(e instanceof ConnectException ? e.getMessage()
                            : "Connecting to " + context.name() + " failed: " + e.getMessage());
                })
                .runWith(jobs);
    }

    /** Drops the connection; later steps keep working for previews. */
    public void goOffline() {
        error.set("");
        sessionModel.offline();
    }

    /** Runs the precheck for the chosen Istio version against the connected cluster. */
    public void runPrecheck() {
        var session = sessionModel.session();
        if (session == null || busy.get()) {
            return;
        }
        busy.set(true);
        String version = istioVersion.get();
        precheckSummary.set("Checking " + session.context().name() + " for Istio " + version + "…");
        Job.of("Precheck for Istio " + version, () -> session.precheck(version))
                .onSuccess(report -> {
                    busy.set(false);
                    showPrecheck(report);
                })
                .onFailure(e -> {
                    busy.set(false);
                    precheckSummary.set("Precheck failed: " + e.getMessage());
                })
                .runWith(jobs);
    }

    private void showPrecheck(PrecheckReport report) {
        precheckItems.setAll(report.items());
        long failed = count(report, PrecheckItem.Status.FAIL);
        long warned = count(report, PrecheckItem.Status.WARN);
        precheckSummary.set(failed > 0 ? failed + " check(s) failed, " + warned + " warning(s) for Istio "
                + report.istioVersion()
                : warned > 0 ? "Ready for Istio " + report.istioVersion() + ", with " + warned + " warning(s)"
                : "Ready for Istio " + report.istioVersion() + ": every check passed");
    }

    private static long count(PrecheckReport report, PrecheckItem.Status status) {
        return report.items().stream().filter(i -> i.status() == status).count();
    }

    public ObservableList<KubeContext> contexts() {
        return contexts;
    }

    public ObjectProperty<KubeContext> selectedContextProperty() {
        return selectedContext;
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }

    public BooleanBinding canPrecheckProperty() {
        return canPrecheck;
    }

    public BooleanBinding onlineProperty() {
        return Bindings.isNotNull(sessionModel.sessionProperty());
    }

    public ReadOnlyStringProperty connectionProperty() {
        return sessionModel.descriptionProperty();
    }

    public StringProperty istioVersionProperty() {
        return istioVersion;
    }

    public ObservableList<PrecheckItem> precheckItems() {
        return precheckItems;
    }

    public ReadOnlyStringProperty precheckSummaryProperty() {
        return precheckSummary.getReadOnlyProperty();
    }

    @FunctionalInterface
    private interface KubeconfigLoader {
        Kubeconfig load() throws Exception;
    }
}
