package dev.meshwizard.ui.sample;

import dev.meshwizard.ui.changes.ObjectChangesViewModel;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.cluster.apply.ApplyResult;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.diff.ObjectChange;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.KubeNames;
import dev.meshwizard.plan.OverwriteRefusedException;
import dev.meshwizard.plan.OwnedFile;
import dev.meshwizard.render.ClusterCommands;
import dev.meshwizard.render.RenderedManifests;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.samples.ManifestException;
import dev.meshwizard.samples.SampleCatalog;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import dev.meshwizard.ui.common.OverwriteQuestion;
import dev.meshwizard.ui.common.ClusterAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Sample step: sidecar injection per namespace, and a sample application (Bookinfo with or without its
 * Gateway, httpbin, curl, or a manifest file) previewed against the cluster, applied or deleted. Offline, the
 * manifests are shown and can be saved as a file.
 */
public final class SampleStepViewModel {

    /** What to deploy. */
    public enum Sample { BOOKINFO, HTTPBIN, CURL, FILE }

    private final JobRunner jobs;
    private final PlanModel planModel;
    private final SessionModel sessionModel;
    private final Renderer renderer;
    private final InjectionViewModel injection;
    private final ObjectProperty<Sample> sample = new SimpleObjectProperty<>(this, "sample", Sample.BOOKINFO);
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "default");
    private final StringProperty registry = new SimpleStringProperty(this, "registry", "");
    private final StringProperty tag = new SimpleStringProperty(this, "tag", "");
    private final BooleanProperty withGateway = new SimpleBooleanProperty(this, "withGateway", true);
    private final ReadOnlyStringWrapper yaml = new ReadOnlyStringWrapper(this, "yaml", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper gatewayNote = new ReadOnlyStringWrapper(this, "gatewayNote", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObjectChangesViewModel changes = new ObjectChangesViewModel();
    private final OverwriteQuestion overwrite = new OverwriteQuestion();
    private final BooleanBinding canApply;
    private SampleCatalog.Manifests fileManifests;
    private String body = "";
    private RenderedManifests rendered;
    private InstallPlan renderedFor;
    private int generation;

    public SampleStepViewModel(JobRunner jobs, PlanModel planModel, SessionModel sessionModel, Renderer renderer) {
        this.jobs = jobs;
        this.planModel = planModel;
        this.sessionModel = sessionModel;
        this.renderer = renderer;
        this.injection = new InjectionViewModel(jobs, planModel, sessionModel);
        this.canApply = sessionModel.sessionProperty().isNotNull().and(busy.not()).and(yaml.isNotEmpty());
        sample.addListener((obs, old, now) -> rebuild());
        namespace.addListener((obs, old, now) -> rebuild());
        registry.addListener((obs, old, now) -> rebuild());
        tag.addListener((obs, old, now) -> rebuild());
        withGateway.addListener((obs, old, now) -> rebuild());
        planModel.planProperty().addListener((obs, old, now) -> {
            if (withGateway.get() && sample.get() == Sample.BOOKINFO) {
                rebuild();
            }
        });
        sessionModel.sessionProperty().addListener((obs, old, now) -> changes.clear());
        sessionModel.onReconnect(changes::clear);
        rebuild();
    }

    /** Builds the manifests of the chosen sample; Bookinfo's Gateway needs the plan rendered, in the background. */
    public void rebuild() {
        int mine = ++generation;
        changes.clear();
        error.set("");
        String ns = namespace.get() == null || namespace.get().isBlank() ? "default" : namespace.get().trim();
        java.util.Optional<String> badNamespace = sample.get() == Sample.FILE ? java.util.Optional.empty()
                : KubeNames.namespaceProblem(ns);
        if (badNamespace.isPresent()) {
            gatewayNote.set("");
            show(null, "");
            summary.set("");
            error.set(Character.toUpperCase(badNamespace.get().charAt(0)) + badNamespace.get().substring(1) + ".");
            return;
        }
        SampleCatalog.Manifests manifests = switch (sample.get()) {
            case BOOKINFO -> SampleCatalog.bookinfo(ns, registry.get(), tag.get());
            case HTTPBIN -> SampleCatalog.httpbin(ns);
            case CURL -> SampleCatalog.curl(ns);
            case FILE -> fileManifests;
        };
        gatewayNote.set("");
        if (manifests == null) {
            show(null, "");
            summary.set("Load a manifest file.");
            return;
        }
        if (sample.get() != Sample.BOOKINFO || !withGateway.get()) {
            show(manifests, "");
            return;
        }
        InstallPlan plan = planModel.plan();
        show(manifests, "");
        gatewayNote.set("Rendering the plan to fit the Gateway to its gateway release…");
        RenderedManifests cached = plan.equals(renderedFor) ? rendered : null;
        Job.of("Fitting Bookinfo's Gateway to the plan", () -> {
            RenderedManifests manifestsOfPlan = cached != null ? cached
                    : renderer.render(plan, ChartSource.open(plan.source()));
            return new Fitted(manifestsOfPlan, SampleCatalog.bookinfoGateway(plan, manifestsOfPlan, ns));
        }).onSuccess(result -> {
            rendered = result.rendered();
            renderedFor = plan;
            if (mine != generation) {
                return;
            }
            SampleCatalog.GatewayRouting routing = result.routing();
            show(manifests, routing.manifests().yaml());
            gatewayNote.set("Gateway selector " + routing.selector() + ", server port " + routing.serverPort()
                    + ". " + routing.why());
        }).onFailure(e -> {
            if (mine == generation) {
                gatewayNote.set("");
                error.set("Bookinfo's Gateway cannot be fitted to the plan: " + e.getMessage());
            }
        }).runWith(jobs);
    }

    private void show(SampleCatalog.Manifests manifests, String gatewayYaml) {
        if (manifests == null) {
            body = "";
            yaml.set("");
            return;
        }
        String ns = namespace.get() == null || namespace.get().isBlank() ? "default" : namespace.get().trim();
        String namespaceDoc = "default".equals(ns) || sample.get() == Sample.FILE ? ""
                : SampleCatalog.namespace(ns, false).yaml();
        body = manifests.yaml() + gatewayYaml;
        yaml.set(namespaceDoc + body);
        summary.set(manifests.title() + ": " + manifests.summary()
                + (gatewayYaml.isEmpty() ? "" : ", plus Gateway " + "and VirtualService"));
    }

    /** Reads a manifest file; when it cannot be read the error names file and line and the manifests stay. */
    public void loadFile(Path file) {
        Job.of("Reading " + file.getFileName(), () -> SampleCatalog.load(file)).onSuccess(loaded -> {
            fileManifests = loaded;
            if (sample.get() == Sample.FILE) {
                rebuild();
            } else {
                sample.set(Sample.FILE);
            }
        }).onFailure(e -> error.set(e instanceof ManifestException ? e.getMessage()
                : "Cannot read " + file + ": " + e.getMessage())).runWith(jobs);
    }

    /** Saves the manifests as one YAML file, for {@code kubectl apply -f} without a connection. */
    public void saveYaml(Path file) {
        saveYaml(file, false);
    }

    /**
     * Saves the manifests; a file that is not the unchanged one Mesh Wizard saved earlier is overwritten only with
     * {@code force}; without it, the {@linkplain #overwriteQuestion() question} asks first.
     */
    public void saveYaml(Path file, boolean force) {
        String text = yaml.get();
        Job.of("Saving " + file.getFileName(), () -> {
            OwnedFile.write(file, text, force);
            return file;
        }).onSuccess(written -> status.set("Saved to " + written + " — apply it with kubectl apply "
                        + "--server-side --field-manager=mesh-wizard -f " + written.getFileName()))
                .onFailure(e -> {
                    if (e instanceof OverwriteRefusedException refused) {
                        overwrite.ask(file.toString(), refused.conflicts(), () -> saveYaml(file, true));
                    } else {
                        error.set("Cannot save " + file + ": " + e.getMessage());
                    }
                }).runWith(jobs);
    }

    /** Asks before a save overwrites a file the user made or changed. */
    public OverwriteQuestion overwriteQuestion() {
        return overwrite;
    }

    /** Shows what applying would change, from the server's dry run. */
    public void preview() {
        run("Previewing the sample", session -> session.applier().plan(yaml.get()), result -> {
            status.set(changes.show(result));
        });
    }

    /** Applies the manifests (server-side apply, field manager mesh-wizard). */
    public void apply() {
        run("Applying the sample", session -> session.applier().apply(yaml.get()), results -> done("Applied", results));
    }

    /** The question asked before {@link #apply()}: where, how many objects (from the preview when made), commands. */
    public ClusterAction applyAction() {
        long objects = objects(yaml.get());
        long changed = changes.rows().stream().filter(r -> r.type() != ObjectChange.Type.UNCHANGED).count();
        String what = changes.rows().isEmpty() ? objects + " object(s) created or updated by server-side apply "
                + "(Preview changes shows which)." : changed + " of " + changes.rows().size()
                + " object(s) created or changed by server-side apply; the rest are as in the cluster.";
        return ClusterAction.on(sessionModel.session(), "Apply " + objects + " object(s)", namespace.get().strip(),
                what, ClusterCommands.apply(yaml.get(), sessionModel.session().context().name()));
    }

    /** The question asked before {@link #delete()}. */
    public ClusterAction deleteAction() {
        long objects = objects(body);
        return ClusterAction.on(sessionModel.session(), "Delete " + objects + " object(s)", namespace.get().strip(),
                objects + " object(s) of the sample deleted where they exist; the namespace stays.",
                ClusterCommands.delete(body, sessionModel.session().context().name()));
    }

    private static long objects(String manifests) {
        return java.util.regex.Pattern.compile("(?m)^kind:").matcher(manifests).results().count();
    }

    /** Deletes the sample's objects (the namespace stays). */
    public void delete() {
        String withoutNamespace = body;
        run("Deleting the sample", session -> session.applier().delete(withoutNamespace),
                results -> done("Deleted", results));
    }

    private void done(String what, List<ApplyResult> results) {
        log.addAll(ObjectChangesViewModel.describe(results));
        long failed = results.stream().filter(r -> !r.succeeded()).count();
        status.set(what + " " + (results.size() - failed) + " object(s)" + (failed == 0 ? "." : "; " + failed
                + " refused, see the log."));
        changes.clear();
        injection.refresh();
    }

    private <T> void run(String title, ClusterWork<T> work, java.util.function.Consumer<T> onSuccess) {
        ClusterSession session = sessionModel.session();
        if (session == null || busy.get() || yaml.get().isEmpty()) {
            return;
        }
        busy.set(true);
        error.set("");
        status.set(title + "…");
        Job.of(title, () -> work.run(session)).onSuccess(result -> {
            busy.set(false);
            onSuccess.accept(result);
        }).onFailure(e -> {
            busy.set(false);
            status.set("");
            error.set(title + " failed: " + e.getMessage());
        }).runWith(jobs);
    }

    /** The plan's manifests and the Gateway fitted to them. */
    private record Fitted(RenderedManifests rendered, SampleCatalog.GatewayRouting routing) {
    }

    /** Work on the connected cluster. */
    private interface ClusterWork<T> {
        T run(ClusterSession session) throws Exception;
    }

    public InjectionViewModel injection() {
        return injection;
    }

    public ObjectChangesViewModel changes() {
        return changes;
    }

    public ObjectProperty<Sample> sampleProperty() {
        return sample;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty registryProperty() {
        return registry;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    public BooleanProperty withGatewayProperty() {
        return withGateway;
    }

    public ReadOnlyStringProperty yamlProperty() {
        return yaml.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty gatewayNoteProperty() {
        return gatewayNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    public BooleanBinding offlineProperty() {
        return Bindings.isNull(sessionModel.sessionProperty());
    }

    public ObservableList<String> log() {
        return log;
    }
}
