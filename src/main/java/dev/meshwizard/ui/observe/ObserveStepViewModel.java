package dev.meshwizard.ui.observe;

import dev.meshwizard.cluster.forward.IngressProbe;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import dev.meshwizard.ui.observe.AccessLogViewModel;
import dev.meshwizard.ui.observe.GatewayProbeViewModel;
import dev.meshwizard.ui.observe.KialiAdminViewModel;
import java.util.concurrent.Executor;

/**
 * The Observe step: the gateway's address and a probe through it, Kiali, and the proxies' access logs. Reads the
 * cluster when the step is shown and on each new connection.
 */
public final class ObserveStepViewModel {

    private final SessionModel sessionModel;
    private final GatewayProbeViewModel probe;
    private final KialiAdminViewModel kiali;
    private final AccessLogViewModel accessLogs;

    /**
     * @param fxThread  where results from background threads are handed over (the FX thread in the app)
     * @param openKiali opens (or shows) the Kiali tab
     */
    public ObserveStepViewModel(JobRunner jobs, PlanModel planModel, SessionModel sessionModel, Executor fxThread,
                                Runnable openKiali) {
        this.sessionModel = sessionModel;
        this.probe = new GatewayProbeViewModel(jobs, planModel, sessionModel, fxThread, new IngressProbe());
        this.kiali = new KialiAdminViewModel(jobs, planModel, sessionModel, openKiali);
        this.accessLogs = new AccessLogViewModel(jobs, planModel, sessionModel, fxThread);
        sessionModel.sessionProperty().addListener((obs, old, now) -> refresh());
        // Kiali's part reads again by itself
        sessionModel.onReconnect(() -> {
            probe.findAddress();
            accessLogs.refresh();
        });
    }

    /** Reads the gateway's address, Kiali's state and the access-log state, when connected. */
    public void refresh() {
        if (sessionModel.session() == null) {
            return;
        }
        probe.findAddress();
        kiali.refresh();
        accessLogs.refresh();
    }

    public GatewayProbeViewModel probe() {
        return probe;
    }

    public KialiAdminViewModel kiali() {
        return kiali;
    }

    public AccessLogViewModel accessLogs() {
        return accessLogs;
    }

    /** Stops the probe, the forward and the log tails. */
    public void close() {
        probe.close();
        accessLogs.close();
    }
}
