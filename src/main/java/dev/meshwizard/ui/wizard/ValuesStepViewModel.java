package dev.meshwizard.ui.wizard;

import dev.meshwizard.job.JobRunner;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.ui.app.PlanModel;
import java.util.List;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Helm values step: one {@link ReleaseValuesModel} per release of the plan. */
public final class ValuesStepViewModel {

    private final JobRunner jobs;
    private final PlanModel planModel;
    private final ObservableList<ReleaseValuesModel> releases = FXCollections.observableArrayList();
    private List<String> shownReleases = List.of();
    private Profile shownProfile;

    public ValuesStepViewModel(JobRunner jobs, PlanModel planModel) {
        this.jobs = jobs;
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
                    .map(r -> new ReleaseValuesModel(jobs, r, text -> publish(r.name(), text))).toList());
        } else {
            for (int i = 0; i < releases.size(); i++) {
                releases.get(i).planChanged(plan.releases().get(i).valuesYaml());
            }
        }
        if (profile != shownProfile) {
            shownProfile = profile;
            releases.forEach(r -> r.profileChanged(profile));
        }
    }

    private void publish(String releaseName, String text) {
        InstallPlan plan = planModel.plan();
        List<ChartRelease> edited = plan.releases().stream()
                .map(r -> r.name().equals(releaseName) && !Objects.equals(r.valuesYaml(), text) ? r.withValues(text) : r)
                .toList();
        planModel.publish(plan.withReleases(edited));
    }

    public ObservableList<ReleaseValuesModel> releases() {
        return releases;
    }
}
