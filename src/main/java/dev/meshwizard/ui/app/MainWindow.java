package dev.meshwizard.ui.app;

import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import dev.meshwizard.ui.state.AppSettings;

import atlantafx.base.theme.Styles;
import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.ui.common.ConfirmationPolicy;
import dev.meshwizard.ui.common.StatusBarView;
import dev.meshwizard.ui.common.StatusBarViewModel;
import dev.meshwizard.ui.kiali.KialiTab;
import dev.meshwizard.ui.kiali.KialiTabViewModel;
import dev.meshwizard.ui.sidepanel.RowBridge;
import dev.meshwizard.ui.sidepanel.SidePanelView;
import dev.meshwizard.ui.sidepanel.SidePanelViewModel;
import dev.meshwizard.ui.cluster.ClusterStepView;
import dev.meshwizard.ui.preview.PreviewView;
import dev.meshwizard.ui.preview.PreviewViewModel;
import dev.meshwizard.ui.cluster.ClusterStepViewModel;
import dev.meshwizard.ui.install.InstallStepView;
import dev.meshwizard.ui.install.InstallStepViewModel;
import dev.meshwizard.ui.observe.ObserveStepView;
import dev.meshwizard.ui.observe.ObserveStepViewModel;
import dev.meshwizard.ui.profile.ProfileStepView;
import dev.meshwizard.ui.profile.ProfileStepViewModel;
import dev.meshwizard.ui.routing.RoutingStepView;
import dev.meshwizard.ui.routing.RoutingStepViewModel;
import dev.meshwizard.ui.sample.SampleStepView;
import dev.meshwizard.ui.sample.SampleStepViewModel;
import dev.meshwizard.ui.values.ValuesStepView;
import dev.meshwizard.ui.values.ValuesStepViewModel;
import dev.meshwizard.ui.wizard.WizardFrame;
import dev.meshwizard.ui.wizard.WizardStep;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's content: header, wizard (steps + current step), the live side panel and the status bar.
 * Builds the view-models and wires them; owns nothing that outlives {@link #close()}.
 */
public final class MainWindow extends BorderPane {

    private static final javafx.scene.input.KeyCombination UNDO = javafx.scene.input.KeyCombination.keyCombination(
            "Ctrl+Z");

    private final SessionModel session;
    private final SidePanelViewModel sidePanel;
    private final ClusterStepViewModel clusterStep;
    private final PlanModel planModel;
    private final JobRunner jobs;
    private final Consumer<String> browser;
    private final TabPane tabs = new TabPane();
    private final Tab wizardTab = new Tab("Wizard");
    private final StatusBarViewModel statusBar;
    private SplitPane split;
    private javafx.scene.Node focusLostBy;
    private ObserveStepViewModel observe;
    private KialiTab kialiTab;

    public MainWindow(AppSettings settings, JobRunner jobs, RowBridge.Factory bridges, Consumer<Boolean> theme) {
        this(settings, jobs, bridges, theme, url -> org.slf4j.LoggerFactory.getLogger(MainWindow.class)
                .info("No browser to open {}", url));
    }

    /** @param browser opens an address in the system browser (the application's host services) */
    public MainWindow(AppSettings settings, JobRunner jobs, RowBridge.Factory bridges, Consumer<Boolean> theme,
                      Consumer<String> browser) {
        setId("main-window");
        getProperties().put(ConfirmationPolicy.KEY, new ConfirmationPolicy() {
            @Override
            public boolean skips(String context) {
                return settings.skipsConfirmation(context);
            }

            @Override
            public void skip(String context, boolean skip) {
                settings.skipConfirmation(context, skip);
            }
        });
        this.jobs = jobs;
        this.browser = browser;
        session = new SessionModel(jobs);
        clusterStep = new ClusterStepViewModel(jobs, session, settings, new ClusterConnector());
        sidePanel = new SidePanelViewModel(jobs, settings, bridges);
        session.sessionProperty().addListener((obs, old, now) -> sidePanel.sessionChanged(now));
        sidePanel.sessionChanged(null);
        sidePanel.stateProperty().addListener((obs, old, now) -> {
            if (now == dev.meshwizard.cluster.watch.WatchState.LOST) {
                session.connectionLost();
            } else if (now == dev.meshwizard.cluster.watch.WatchState.WATCHING) {
                session.connectionBack();
            }
        });

        planModel = new PlanModel(jobs);
        Renderer renderer = new Renderer();
        planModel.openWorkspace(settings.workspace(), true);
        List<WizardStep> steps = List.of(
                new WizardStep("cluster", "Cluster", Feather.SERVER, () -> new ClusterStepView(clusterStep)),
                new WizardStep("profile", "Profile", Feather.LAYERS,
                        () -> new ProfileStepView(new ProfileStepViewModel(jobs, planModel))),
                new WizardStep("values", "Helm values", Feather.SLIDERS,
                        () -> new ValuesStepView(new ValuesStepViewModel(jobs, planModel, renderer))),
                new WizardStep("preview", "Preview", Feather.EYE,
                        () -> new PreviewView(new PreviewViewModel(jobs, planModel, renderer))),
                new WizardStep("install", "Install", Feather.DOWNLOAD_CLOUD,
                        () -> new InstallStepView(new InstallStepViewModel(jobs, planModel, session, renderer,
                                javafx.application.Platform::runLater))),
                new WizardStep("sample", "Sample", Feather.BOX,
                        () -> new SampleStepView(new SampleStepViewModel(jobs, planModel, session, renderer))),
                new WizardStep("routing", "Routing", Feather.SHUFFLE,
                        () -> new RoutingStepView(new RoutingStepViewModel(jobs, planModel, session, renderer))),

                new WizardStep("observe", "Observe", Feather.ACTIVITY, () -> {
                    observe = new ObserveStepViewModel(jobs, planModel, session, javafx.application.Platform::runLater,
                            this::openKiali);
                    return new ObserveStepView(observe);
                }));
        WizardFrame wizard = new WizardFrame(steps);
        SidePanelView side = new SidePanelView(sidePanel);
        side.getStyleClass().add("side-panel");

        split = new SplitPane(wizard, side);
        split.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(side, false);

        setTop(header(settings, theme, new WorkspaceMenu(settings, planModel, jobs)));
        wizardTab.setId("wizard-tab");
        wizardTab.setClosable(false);
        tabs.setId("main-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.SELECTED_TAB);
        // the wizard alone needs no tab header; tabs appear with the Kiali tab and go with it
        tabs.getTabs().addListener((javafx.collections.ListChangeListener<Tab>) change -> {
            if (tabs.getTabs().size() == 1) {
                kialiTab = null;
                wizardTab.setContent(null);
                setCenter(split);
            }
        });
        setCenter(split);
        statusBar = new StatusBarViewModel(jobs);
        setBottom(new StatusBarView(statusBar, session.descriptionProperty()));

        // Ctrl+Z undoes the last plan change unless a text field or editor takes it for its own text
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (UNDO.match(e)) {
                planModel.undo();
                e.consume();
            }
        });

        clusterStep.loadInitial();
        // warm the client once the window is drawn, so the warm-up does not compete with the first frame
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, was, now) -> keepFocusNear(was, now));
            }
            if (scene != null && old == null) {
                javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(
                        javafx.util.Duration.seconds(1));
                later.setOnFinished(e -> Job.ofRunnable("Preparing the Kubernetes client", ClusterConnector::warmUp)
                        .runWith(jobs));
                later.play();
            }
        });
    }

    private HBox header(AppSettings settings, Consumer<Boolean> theme, WorkspaceMenu workspace) {
        Label title = new Label("Mesh Wizard", new FontIcon(Feather.COMPASS));
        title.getStyleClass().add(Styles.TITLE_3);
        Label subtitle = new Label("Istio with Helm, from kubeconfig to Kiali");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        ToggleButton dark = new ToggleButton();
        dark.setId("theme-toggle");
        dark.setSelected(settings.darkTheme());
        dark.setGraphic(new FontIcon(dark.isSelected() ? Feather.SUN : Feather.MOON));
        dark.setTooltip(new Tooltip("Switch between light and dark theme"));
        dark.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dark.selectedProperty().addListener((obs, old, now) -> {
            dark.setGraphic(new FontIcon(now ? Feather.SUN : Feather.MOON));
            settings.darkTheme(now);
            theme.accept(now);
        });

        HBox header = new HBox(10, title, subtitle, spacer, workspace, dark);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        header.getStyleClass().add("app-header");
        return header;
    }

    /**
     * A button that disables itself while its work runs would pass the focus on to the next control in traversal
     * order, often the side panel's Namespaces field with its text selected, so the next keystroke would replace
     * it: the focus stays with the disabled button's nearest enabled ancestor instead.
     */
    private void keepFocusNear(javafx.scene.Node was, javafx.scene.Node now) {
        // the scene first clears the focus of a node that became disabled, then hands it on
        if (was != null && was.isDisabled()) {
            focusLostBy = was;
            // only the hand-on that follows at once; a later click elsewhere is the user's
            javafx.application.Platform.runLater(() -> focusLostBy = null);
        }
        javafx.scene.Node lost = focusLostBy;
        if (now == null || lost == null) {
            return;
        }
        focusLostBy = null;
        javafx.scene.Node near = lost.getParent();
        while (near != null && (near.isDisabled() || !near.isVisible())) {
            near = near.getParent();
        }
        if (near != null && near.getScene() == now.getScene() && !isInside(now, near)) {
            near.requestFocus();
        }
    }

    private static boolean isInside(javafx.scene.Node node, javafx.scene.Node ancestor) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Shows an error in the status line; for errors no view reported itself. */
    public void showError(String text) {
        statusBar.showError(text);
    }

    public PlanModel planModel() {
        return planModel;
    }

    public SessionModel session() {
        return session;
    }

    /** Shows the Kiali tab, opening it (and its port-forward) when it is not open. */
    public void openKiali() {
        if (kialiTab == null) {
            kialiTab = new KialiTab(new KialiTabViewModel(jobs, session, javafx.application.Platform::runLater), browser);
            setCenter(null);
            wizardTab.setContent(split);
            tabs.getTabs().setAll(wizardTab, kialiTab);
            setCenter(tabs);
        }
        tabs.getSelectionModel().select(kialiTab);
    }

    /** Stops watching and closes the connection; for shutdown. */
    public void close() {
        if (kialiTab != null) {
            kialiTab.model().close();
        }
        if (observe != null) {
            observe.close();
        }
        sidePanel.close();
        session.shutdown();
    }
}
