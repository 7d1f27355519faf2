package dev.meshwizard.ui.app;

import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.AppSettings;

import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.plan.RecentWorkspaces;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The workspace menu: open a workspace folder, save the plan into another, and the recent ones. */
final class WorkspaceMenu extends MenuButton {

    private final AppSettings settings;
    private final PlanModel planModel;
    private final JobRunner jobs;
    private final RecentWorkspaces recent;

    WorkspaceMenu(AppSettings settings, PlanModel planModel, JobRunner jobs) {
        super("Workspace", new FontIcon(Feather.FOLDER));
        setId("workspace-menu");
        this.settings = settings;
        this.planModel = planModel;
        this.jobs = jobs;
        this.recent = new RecentWorkspaces(settings.folder());
        setTooltip(new Tooltip("The plan is saved as you edit it, in the workspace folder"));
        planModel.saveStatusProperty().addListener((obs, old, now) -> getTooltip().setText(now));
        refresh(List.of());
        Job.of("Reading recent workspaces", recent::list).onSuccess(this::refresh).runWith(jobs);
    }

    private void refresh(List<Path> recentFolders) {
        MenuItem open = new MenuItem("Open workspace…");
        open.setOnAction(e -> choose("Open a workspace folder").ifPresent(folder -> use(folder, true)));
        MenuItem saveAs = new MenuItem("Save plan to folder…");
        saveAs.setOnAction(e -> choose("Save the plan into a folder").ifPresent(folder -> use(folder, false)));
        MenuItem undo = new MenuItem("Undo last plan change (Ctrl+Z)");
        undo.setId("undo-plan");
        undo.disableProperty().bind(planModel.canUndoProperty().not());
        undo.setOnAction(e -> planModel.undo());
        getItems().setAll(open, saveAs, new SeparatorMenuItem(), undo);
        if (!recentFolders.isEmpty()) {
            getItems().add(new SeparatorMenuItem());
            for (Path folder : recentFolders) {
                MenuItem item = new MenuItem(folder.toString());
                item.setOnAction(e -> use(folder, true));
                getItems().add(item);
            }
        }
    }

    private java.util.Optional<Path> choose(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        File chosen = chooser.showDialog(getScene().getWindow());
        return java.util.Optional.ofNullable(chosen).map(File::toPath);
    }

    private void use(Path folder, boolean load) {
        settings.workspace(folder);
        planModel.openWorkspace(folder, load);
        Job.of("Remembering " + folder.getFileName(), () -> recent.add(folder)).onSuccess(this::refresh)
                .runWith(jobs);
    }
}
