package dev.meshwizard.ui.preview;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.OverwriteRefusedException;
import dev.meshwizard.mesh.RoutingStore;
import dev.meshwizard.render.Exporter;
import dev.meshwizard.render.RenderException;
import dev.meshwizard.render.RenderedManifests;
import dev.meshwizard.render.RenderedObject;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.common.OverwriteQuestion;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;

/**
 * The offline manifest preview: renders the plan in the background shortly after edits stop (the newest plan
 * wins), exposes the result as a tree and the selected object's YAML, and exports it as a folder.
 */
public final class PreviewViewModel {

    static final Duration QUIET = Duration.millis(400);

    private final JobRunner jobs;
    private final PlanModel planModel;
    private final Renderer renderer;
    private final PauseTransition debounce = new PauseTransition(QUIET);
    private final ReadOnlyObjectWrapper<RenderedManifests> manifests = new ReadOnlyObjectWrapper<>(this, "manifests");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper rendering = new ReadOnlyBooleanWrapper(this, "rendering");
    private final ObjectProperty<RenderedObject> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper selectedYaml = new ReadOnlyStringWrapper(this, "selectedYaml", "");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final OverwriteQuestion overwrite = new OverwriteQuestion();
    private long generation;
    private ChartSource charts;

    /** @param renderer shared with the Helm values step; it remembers recent renders */
    public PreviewViewModel(JobRunner jobs, PlanModel planModel, Renderer renderer) {
        this.jobs = jobs;
        this.renderer = renderer;
        this.planModel = planModel;
        debounce.setOnFinished(e -> renderNow());
        planModel.planProperty().addListener((obs, old, now) -> debounce.playFromStart());
        selected.addListener((obs, old, now) -> selectedYaml.set(now == null ? "" : now.displayYaml()));
        debounce.playFromStart();
    }

    /** Renders the current plan now, in the background; a newer render makes this one's result stale. */
    public void renderNow() {
        debounce.stop();
        InstallPlan plan = planModel.plan();
        long mine = ++generation;
        rendering.set(true);
        status.set("Rendering " + plan.releases().size() + " release(s)…");
        ChartSource known = charts;
        Job.of("Rendering the manifests", () -> {
            ChartSource source = known != null && known.spec().equals(plan.source()) ? known
                    : ChartSource.open(plan.source());
            long start = System.nanoTime();
            RenderedManifests result = renderer.render(plan, source);
            return new Rendered(source, result, (System.nanoTime() - start) / 1_000_000);
        }).onSuccess(done -> {
            if (mine != generation) {
                return;
            }
            charts = done.source();
            rendering.set(false);
            error.set("");
            manifests.set(done.manifests());
            // the object pane follows: the same object as newly rendered, or nothing when it is gone
            RenderedObject shown = selected.get();
            selected.set(shown == null ? null : done.manifests().objects().stream()
                    .filter(o -> o.id().equals(shown.id()) && o.source().equals(shown.source())).findFirst()
                    .or(() -> done.manifests().objects().stream().filter(o -> o.id().equals(shown.id())).findFirst())
                    .orElse(null));
            status.set(done.manifests().objectCount() + " resources in " + done.manifests().releases().size()
                    + " release(s), rendered offline in " + done.millis() + " ms");
        }).onFailure(e -> {
            if (mine != generation) {
                return;
            }
            rendering.set(false);
            status.set("Not rendered");
            error.set(e instanceof RenderException ? e.getMessage()
                    : e.getMessage() == null ? e.toString() : e.getMessage());
        }).runWith(jobs);
    }

    /** Writes the export folder in the background; asks before writing over what the user made there. */
    public void export(Path folder) {
        export(folder, false);
    }

    /** Writes the export folder; with {@code force}, also where the user added or edited files. */
    public void export(Path folder, boolean force) {
        RenderedManifests current = manifests.get();
        if (current == null) {
            return;
        }
        InstallPlan plan = planModel.plan();
        Path workspace = planModel.workspaceProperty().get();
        Job.of("Exporting to " + folder.getFileName(), () -> Exporter.export(plan, current,
                        workspace == null ? java.util.Map.of() : RoutingStore.files(workspace), folder, force))
                .onSuccess(written -> {
                    status.set("Exported to " + written + " (install.sh, uninstall.sh, values/, "
                            + "manifests/" + (java.nio.file.Files.isDirectory(written.resolve(RoutingStore.FOLDER))
                            ? ", routing/" : "") + ")");
                    List<String> secret = Exporter.secretLookingValues(plan);
                    error.set(secret.isEmpty() ? "" : "Values that look secret were written, readable by you only,"
                            + " to " + String.join("; ", secret));
                })
                .onFailure(e -> {
                    if (e instanceof OverwriteRefusedException refused) {
                        overwrite.ask(folder.toString(), refused.conflicts(), () -> export(folder, true));
                    } else {
                        error.set("Export to " + folder + " failed: " + e.getMessage());
                    }
                })
                .runWith(jobs);
    }

    /** Asks before an export writes over files the user added or edited in the folder. */
    public OverwriteQuestion overwriteQuestion() {
        return overwrite;
    }

    /** Whether an object matches the search text (case-insensitive, in its YAML). */
    public boolean matches(RenderedObject object) {
        String query = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        return query.isEmpty() || object.displayYaml().toLowerCase(Locale.ROOT).contains(query);
    }

    public ReadOnlyObjectProperty<RenderedManifests> manifestsProperty() {
        return manifests.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty renderingProperty() {
        return rendering.getReadOnlyProperty();
    }

    public ObjectProperty<RenderedObject> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty selectedYamlProperty() {
        return selectedYaml.getReadOnlyProperty();
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The chart source's spec that the last successful render used, if any. */
    ChartSourceSpec renderedSource() {
        return charts == null ? null : charts.spec();
    }

    private record Rendered(ChartSource source, RenderedManifests manifests, long millis) {
    }
}
