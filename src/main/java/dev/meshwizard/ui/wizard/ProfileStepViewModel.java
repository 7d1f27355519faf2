package dev.meshwizard.ui.wizard;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.ui.app.PlanModel;
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
    public static final List<String> PLATFORMS =
            List.of("", "gke", "k3d", "k3s", "microk8s", "minikube", "openshift");

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
    private final ObservableList<ChartRelease> releases = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
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

    private void publish() {
        if (updating) {
            return;
        }
        InstallPlan current = planModel.plan();
        planModel.publish(current.withSettings(platform.get(), revision.get().trim(), istioVersion.get().trim(),
                sourceSpec()));
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

    /** Renames a release or moves it to another namespace. */
    public void editRelease(ChartRelease release, String name, String namespace) {
        List<ChartRelease> edited = planModel.plan().releases().stream()
                .map(r -> r == release || r.equals(release)
                        ? new ChartRelease(name.trim(), namespace.trim(), r.component(), r.valuesYaml(), r.sets()) : r)
                .toList();
        planModel.publish(planModel.plan().withReleases(edited));
    }

    /** Opens the chart source in the background and reports the version found (or why it cannot be used). */
    public void checkSource() {
        ChartSourceSpec spec = sourceSpec();
        sourceStatus.set("Checking the charts…");
        Job.of("Checking the chart source", () -> ChartSource.open(spec, ChartSource.defaultCacheDir()).version())
                .onSuccess(version -> {
                    sourceStatus.set("Charts " + version + " found");
                    if (spec.kind() != ChartSourceSpec.Kind.HELM_REPO && !version.equals(istioVersion.get())) {
                        istioVersion.set(version);
                    }
                })
                .onFailure(e -> sourceStatus.set(e.getMessage()))
                .runWith(jobs);
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

    public ObservableList<String> warnings() {
        return warnings;
    }
}
