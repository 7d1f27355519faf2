package dev.meshwizard.ui.values;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.charts.ChartSourceException;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.plan.ValuesSchema;
import dev.meshwizard.render.RenderException;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.ui.state.PlanModel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Helm values step: one {@link ReleaseValuesViewModel} per release of the plan. */
public final class ValuesStepViewModel {

    private final JobRunner jobs;
    private final PlanModel planModel;
    private final ObservableList<ReleaseValuesViewModel> releases = FXCollections.observableArrayList();
    private final Renderer renderer;
    private final AtomicReference<ChartSource> charts = new AtomicReference<>();
    private final Map<String, Optional<ValuesSchema>> schemas = new ConcurrentHashMap<>();
    private List<String> shownReleases = List.of();
    private Profile shownProfile;
    private Object shownSource;

    /** @param renderer shared with the Preview, so a release checked here is not rendered again there */
    public ValuesStepViewModel(JobRunner jobs, PlanModel planModel, Renderer renderer) {
        this.jobs = jobs;
        this.renderer = renderer;
        this.planModel = planModel;
        sync(planModel.plan());
        planModel.planProperty().addListener((obs, old, now) -> sync(now));
    }

    /** Rebuilds the tabs when releases come or go; keeps them (and the user's caret) for value edits. */
    private void sync(InstallPlan plan) {
        List<String> names = plan.releases().stream().map(r -> r.name() + "/" + r.component()).toList();
        Profile profile = Profile.byId(plan.profile()).orElse(Profile.DEFAULT);
        if (!names.equals(shownReleases)) {
            shownReleases = names;
            releases.setAll(plan.releases().stream()
                    .map(r -> new ReleaseValuesViewModel(jobs, r, text -> publish(r.name(), text),
                            text -> schemaProblem(r.name(), text), schemaOf(r.component()))).toList());
        } else {
            for (int i = 0; i < releases.size(); i++) {
                releases.get(i).planChanged(plan.releases().get(i).valuesYaml());
            }
        }
        // the checks depend on the profile and, through Helm, on the charts: check again when either changes
        if (profile != shownProfile || !plan.source().equals(shownSource)) {
            shownProfile = profile;
            shownSource = plan.source();
            releases.forEach(r -> r.profileChanged(profile));
        }
    }

    /**
     * Renders one release with a candidate values text and returns Helm's message when the chart rejects it
     * (its values.schema.json, an unknown profile, a template error). Runs off the FX thread. When the charts
     * cannot be opened (no network and no cache), the Preview says so; there is nothing to add here. The plan is
     * read here, on the FX thread; the rendering runs in the returned work.
     */
    private Callable<Optional<String>> schemaProblem(String releaseName, String text) {
        InstallPlan plan = planModel.plan();
        return () -> render(plan, releaseName, text);
    }

    private Optional<String> render(InstallPlan plan, String releaseName, String text) {
        Optional<ChartRelease> release = plan.release(releaseName);
        if (release.isEmpty()) {
            return Optional.empty();
        }
        try {
            ChartSource source = source(plan);
            // charts that cannot be had (no network, no cache) are the Preview's message, not this file's
            source.chart(release.get().component());
            renderer.render(plan, release.get().withValues(text), source);
            return Optional.empty();
        } catch (RenderException e) {
            return Optional.of(e.helmMessage());
        } catch (ChartSourceException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The work that reads a chart's values.schema.json from the plan's current charts (read once per chart source),
     * or null when the chart has none or cannot be had: then Helm's render is the only schema check.
     */
    private Supplier<Callable<ValuesSchema>> schemaOf(Component component) {
        return () -> {
            InstallPlan plan = planModel.plan();
            String key = plan.source() + "/" + component;
            return () -> schemas.computeIfAbsent(key, k -> {
                try {
                    return source(plan).valuesSchema(component).map(ValuesSchema::parse);
                } catch (ChartSourceException | RuntimeException e) {
                    return Optional.empty();
                }
            }).orElse(null);
        };
    }

    private ChartSource source(InstallPlan plan) throws ChartSourceException {
        ChartSource source = charts.get();
        if (source == null || !source.spec().equals(plan.source())) {
            source = ChartSource.open(plan.source());
            charts.set(source);
        }
        return source;
    }

    private void publish(String releaseName, String text) {
        InstallPlan plan = planModel.plan();
        List<ChartRelease> edited = plan.releases().stream()
                .map(r -> r.name().equals(releaseName) && !Objects.equals(r.valuesYaml(), text) ? r.withValues(text) : r)
                .toList();
        planModel.publish(plan.withReleases(edited));
    }

    public ObservableList<ReleaseValuesViewModel> releases() {
        return releases;
    }
}
