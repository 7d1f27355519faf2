package dev.meshwizard.ui.profile;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.KubeNames;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.render.Images;
import dev.meshwizard.render.RenderException;
import dev.meshwizard.render.RenderedManifests;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.ui.state.PlanModel;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Profile step: Istio profile, platform, revision, Istio version, where the charts come from, and the
 * release names and namespaces. Every change publishes a new plan.
 */
public final class ProfileStepViewModel {

    /** Platforms the charts know; "" is none. */
    public static final List<String> PLATFORMS = Plans.PLATFORMS;

    /** A line of the profile comparison. */
    public record ProfileLine(Profile profile, String installs, String changes) {
    }

    private final JobRunner jobs;
    private final PlanModel planModel;
    private final ObservableList<ProfileLine> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<Profile> profile = new SimpleObjectProperty<>(this, "profile");
    private final StringProperty platform = new SimpleStringProperty(this, "platform", "");
    private final StringProperty revision = new SimpleStringProperty(this, "revision", "");
    private final StringProperty istioVersion = new SimpleStringProperty(this, "istioVersion", "");
    private final ObjectProperty<ChartSourceSpec.Kind> sourceKind = new SimpleObjectProperty<>(this, "sourceKind");
    private final StringProperty sourceFolder = new SimpleStringProperty(this, "sourceFolder", "");
    private final StringProperty repoUrl = new SimpleStringProperty(this, "repoUrl", ChartSourceSpec.ISTIO_REPO);
    private final ReadOnlyStringWrapper sourceStatus = new ReadOnlyStringWrapper(this, "sourceStatus", "");
    private final ReadOnlyStringWrapper images = new ReadOnlyStringWrapper(this, "images", "");
    private final ObservableList<ChartRelease> releases = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper revisionError = new ReadOnlyStringWrapper(this, "revisionError", "");
    private final ReadOnlyStringWrapper releaseError = new ReadOnlyStringWrapper(this, "releaseError", "");
    private boolean updating;

    public ProfileStepViewModel(JobRunner jobs, PlanModel planModel) {
        this.jobs = jobs;
        this.planModel = planModel;
        for (Profile p : Profile.values()) {
            String installs = p.components().isEmpty() ? "nothing"
                    : p.components().stream().map(Component::chartName).collect(Collectors.joining(", "));
            profiles.add(new ProfileLine(p, installs, p.summary()));
        }
        show(planModel.plan());
        planModel.planProperty().addListener((obs, old, now) -> show(now));
        profile.addListener((obs, old, now) -> {
            if (!updating && now != null) {
                switchProfile(now);
            }
        });
        for (var property : List.of(platform, revision, istioVersion, sourceFolder, repoUrl)) {
            property.addListener((obs, old, now) -> publish());
        }
        sourceKind.addListener((obs, old, now) -> publish());
    }

    private void show(InstallPlan plan) {
        updating = true;
        try {
            profile.set(Profile.byId(plan.profile()).orElse(Profile.DEFAULT));
            platform.set(plan.platform());
            revision.set(plan.revision());
            istioVersion.set(plan.istioVersion());
            ChartSourceSpec source = plan.source();
            sourceKind.set(source.kind());
            if (source.folder() != null) {
                sourceFolder.set(source.folder().toString());
            }
            if (source.repoUrl() != null) {
                repoUrl.set(source.repoUrl());
            }
            revisionError.set(KubeNames.revisionProblem(plan.revision()).orElse(""));
            releases.setAll(plan.releases());
            warnings.setAll(Plans.warnings(plan));
        } finally {
            updating = false;
        }
    }

    /** A new profile: its releases, keeping the edited ones and setting aside those it does not use. */
    private void switchProfile(Profile chosen) {
        planModel.publish(Plans.switchProfile(planModel.plan(), chosen));
    }

    /** Publishes the fields; a revision Kubernetes would refuse is shown as an error and not published. */
    private void publish() {
        if (updating) {
            return;
        }
        InstallPlan current = planModel.plan();
        String typed = revision.get() == null ? "" : revision.get().trim();
        String problem = KubeNames.revisionProblem(typed).orElse("");
        revisionError.set(problem.isEmpty() ? "" : capitalised(problem) + ".");
        InstallPlan revised = problem.isEmpty() ? current.withRevision(typed) : current;
        planModel.publish(revised.withSettings(platform.get(), revised.revision(), istioVersion.get().trim(),
                sourceSpec()));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private ChartSourceSpec sourceSpec() {
        ChartSourceSpec.Kind kind = sourceKind.get() == null ? ChartSourceSpec.Kind.HELM_REPO : sourceKind.get();
        String folder = sourceFolder.get().trim();
        return switch (kind) {
            case ISTIO_RELEASE -> folder.isEmpty() ? planModel.plan().source()
                    : ChartSourceSpec.istioRelease(Path.of(folder));
            case CHARTS_FOLDER -> folder.isEmpty() ? planModel.plan().source()
                    : ChartSourceSpec.chartsFolder(Path.of(folder));
            case HELM_REPO -> ChartSourceSpec.helmRepo(repoUrl.get().trim(),
                    istioVersion.get().isBlank() ? PlanModel.DEFAULT_ISTIO_VERSION : istioVersion.get().trim());
        };
    }

    /**
     * Renames a release or moves it to another namespace. A name or namespace Helm or Kubernetes would refuse is
     * not taken: {@link #releaseErrorProperty()} says why.
     */
    public void editRelease(ChartRelease release, String name, String namespace) {
        String problem = KubeNames.releaseNameProblem(name.trim())
                .or(() -> KubeNames.namespaceProblem(namespace.trim())).orElse("");
        releaseError.set(problem.isEmpty() ? "" : capitalised(problem) + "; the release keeps "
                + release.name() + " in " + release.namespace() + ".");
        if (!problem.isEmpty()) {
            releases.setAll(planModel.plan().releases());
            return;
        }
        List<ChartRelease> edited = planModel.plan().releases().stream()
                .map(r -> r == release || r.equals(release)
                        ? new ChartRelease(name.trim(), namespace.trim(), r.component(), r.valuesYaml(), r.sets()) : r)
                .toList();
        planModel.publish(planModel.plan().withReleases(edited));
    }

    /**
     * Opens the chart source in the background and reports the version found (or why it cannot be used), and the
     * images the plan would pull with those charts, flagging tags and chart versions that pin nothing.
     */
    public void checkSource() {
        ChartSourceSpec spec = sourceSpec();
        InstallPlan plan = planModel.plan();
        sourceStatus.set("Checking the charts…");
        images.set("");
        Job.of("Checking the chart source", () -> {
            ChartSource source = ChartSource.open(spec, ChartSource.defaultCacheDir());
            String pulled;
            try {
                RenderedManifests rendered = new Renderer().render(new InstallPlan(plan.profile(), plan.platform(),
                        plan.revision(), plan.istioVersion(), spec, plan.releases()), source);
                List<String> unpinned = Images.unpinned(rendered);
                pulled = "Images: " + String.join(", ", Images.of(rendered))
                        + (unpinned.isEmpty() ? "" : ". Not pinned: " + String.join("; ", unpinned));
            } catch (RenderException e) {
                pulled = "";
            }
            return new SourceCheck(source.version(), pulled);
        }).onSuccess(check -> {
            sourceStatus.set("Charts " + check.version() + " found");
            images.set(check.images());
            if (spec.kind() != ChartSourceSpec.Kind.HELM_REPO && !check.version().equals(istioVersion.get())) {
                istioVersion.set(check.version());
            }
        }).onFailure(e -> sourceStatus.set(e.getMessage())).runWith(jobs);
    }

    /** What checking the source found. */
    private record SourceCheck(String version, String images) {
    }

    /** The images the plan pulls with the checked charts, and what of them is not pinned; "" before a check. */
    public ReadOnlyStringProperty imagesProperty() {
        return images.getReadOnlyProperty();
    }

    public ObservableList<ProfileLine> profiles() {
        return profiles;
    }

    public ObjectProperty<Profile> profileProperty() {
        return profile;
    }

    public StringProperty platformProperty() {
        return platform;
    }

    public StringProperty revisionProperty() {
        return revision;
    }

    public StringProperty istioVersionProperty() {
        return istioVersion;
    }

    public ObjectProperty<ChartSourceSpec.Kind> sourceKindProperty() {
        return sourceKind;
    }

    public StringProperty sourceFolderProperty() {
        return sourceFolder;
    }

    public StringProperty repoUrlProperty() {
        return repoUrl;
    }

    public ReadOnlyStringProperty sourceStatusProperty() {
        return sourceStatus.getReadOnlyProperty();
    }

    public ObservableList<ChartRelease> releases() {
        return releases;
    }

    /** Why the typed revision is not used, "" when it is fine. */
    public ReadOnlyStringProperty revisionErrorProperty() {
        return revisionError.getReadOnlyProperty();
    }

    /** Why the last release rename or namespace change was refused, "" when it was taken. */
    public ReadOnlyStringProperty releaseErrorProperty() {
        return releaseError.getReadOnlyProperty();
    }

    public ObservableList<String> warnings() {
        return warnings;
    }
}
