package dev.meshwizard.ui.observe;

import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.forward.IngressProbe;
import dev.meshwizard.cluster.forward.PodForward;
import dev.meshwizard.cluster.forward.ProbeSummary;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobHandle;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.observe.IngressAddress;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The ingress part of the Observe step: finds the gateway's address from outside the cluster (or forwards a local
 * port to the gateway's pods when there is none), then sends requests through it like {@code curl
 * http://$GATEWAY_URL/productpage} in a loop, counting status codes per second and reviews versions.
 */
public final class GatewayProbeViewModel {

    static final String FAILED_HINT = "No request got a 200. Run the Routing step's analysis to find Gateway, "
            + "VirtualService and DestinationRule mistakes, and follow the gateway's access log below: its "
            + "response flags (NR, UH, UF…) say why.";

    private final JobRunner jobs;
    private final PlanModel planModel;
    private final SessionModel sessionModel;
    private final Executor fxThread;
    private final IngressProbe probe;
    private final ProbeChartViewModel chart = new ProbeChartViewModel();
    private final ReadOnlyStringWrapper gateway = new ReadOnlyStringWrapper(this, "gateway", "");
    private final ReadOnlyStringWrapper addressReason = new ReadOnlyStringWrapper(this, "addressReason", "");
    private final ReadOnlyBooleanWrapper forwardNeeded = new ReadOnlyBooleanWrapper(this, "forwardNeeded");
    private final ReadOnlyStringWrapper forwardState = new ReadOnlyStringWrapper(this, "forwardState", "");
    private final StringProperty gatewayUrl = new SimpleStringProperty(this, "gatewayUrl", "");
    private final StringProperty path = new SimpleStringProperty(this, "path", IngressProbe.DEFAULT_PATH);
    private final IntegerProperty rate = new SimpleIntegerProperty(this, "rate", 5);
    private final IntegerProperty count = new SimpleIntegerProperty(this, "count", 50);
    private final IntegerProperty maxSeconds = new SimpleIntegerProperty(this, "maxSeconds", 60);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final BooleanBinding canStart;
    private final BooleanBinding canLookUp;
    private JobHandle current;
    private PodForward forward;

    /** @param fxThread where probe results and forward states are handed over (the FX thread in the app) */
    public GatewayProbeViewModel(JobRunner jobs, PlanModel planModel, SessionModel sessionModel, Executor fxThread,
                                 IngressProbe probe) {
        this.jobs = jobs;
        this.planModel = planModel;
        this.sessionModel = sessionModel;
        this.fxThread = fxThread;
        this.probe = probe;
        this.canStart = gatewayUrl.isNotEmpty().and(running.not());
        this.canLookUp = sessionModel.sessionProperty().isNotNull().and(busy.not());
        showGateway(planModel.plan());
        planModel.planProperty().addListener((obs, old, now) -> showGateway(now));
        sessionModel.sessionProperty().addListener((obs, old, now) -> sessionChanged());
    }

    private void showGateway(InstallPlan plan) {
        ChartRelease release = gatewayRelease(plan);
        gateway.set(release.name() + " in " + release.namespace());
    }

    /** The plan's ingress gateway release (the first gateway release that is not an egress gateway). */
    static ChartRelease gatewayRelease(InstallPlan plan) {
        return plan.releases().stream().filter(r -> r.component() == Component.GATEWAY)
                .filter(r -> !r.name().contains("egress")).findFirst()
                .orElse(new ChartRelease("istio-ingressgateway", "istio-system", Component.GATEWAY, "", null));
    }

    private void sessionChanged() {
        stop();
        closeForward();
        addressReason.set("");
        forwardNeeded.set(false);
        gatewayUrl.set("");
    }

    /** Looks up the gateway Service's address from outside the cluster. */
    public void findAddress() {
        ClusterSession session = sessionModel.session();
        if (session == null || busy.get()) {
            return;
        }
        ChartRelease release = gatewayRelease(planModel.plan());
        busy.set(true);
        addressReason.set("Looking up the Service of " + release.name() + "…");
        Job.of("Finding the gateway's address", () -> session.ingress().address(release.namespace(), release.name(),
                OptionalInt.empty())).onSuccess(address -> {
                    busy.set(false);
                    addressReason.set(address.reason());
                    forwardNeeded.set(address.kind() == IngressAddress.Kind.PORT_FORWARD_NEEDED);
                    if (forward == null) {
                        gatewayUrl.set(address.gatewayUrl().orElse(""));
                    }
                }).onFailure(e -> {
                    busy.set(false);
                    addressReason.set(e.getMessage());
                    forwardNeeded.set(false);
                }).runWith(jobs);
    }

    /** Forwards a local port to the gateway's pods and probes through {@code 127.0.0.1:<port>}. */
    public void forwardToGateway() {
        ClusterSession session = sessionModel.session();
        if (session == null || forward != null) {
            return;
        }
        ChartRelease release = gatewayRelease(planModel.plan());
        forwardState.set("Opening a port-forward to the pods of " + release.name() + "…");
        Job.of("Forwarding to the gateway", () -> session.proxyPods().forwardToGateway(release.namespace(),
                release.name(), OptionalInt.empty(), state -> fxThread.execute(() -> showForward(state))))
                .onSuccess(opened -> {
                    forward = opened;
                    gatewayUrl.set("127.0.0.1:" + opened.localPort());
                    showForward(opened.state());
                }).onFailure(e -> forwardState.set("Cannot forward: " + e.getMessage())).runWith(jobs);
    }

    private void showForward(PodForward.State state) {
        forwardState.set(switch (state.kind()) {
            case FORWARDING -> "Forwarding 127.0.0.1:" + state.localPort() + " to pod " + state.pod();
            case WAITING_FOR_POD -> "Waiting for a ready gateway pod";
            case FAILED -> "Forward failed: " + state.reason();
            case CLOSED -> "Forward closed";
        });
    }

    private void closeForward() {
        if (forward != null) {
            forward.close();
            forward = null;
            forwardState.set("");
        }
    }

    /** Sends {@link #countProperty()} requests at {@link #rateProperty()} a second, for at most the max time. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        IngressProbe.Settings settings;
        try {
            settings = new IngressProbe.Settings(gatewayUrl.get().strip(), path.get(), count.get(), rate.get(),
                    Duration.ofSeconds(Math.max(1, maxSeconds.get())), Duration.ofSeconds(10));
        } catch (IllegalArgumentException e) {
            summary.set(e.getMessage());
            return;
        }
        chart.reset(Instant.now());
        hint.set("");
        running.set(true);
        summary.set("Probing " + settings.uri() + "…");
        current = Job.<ProbeSummary>of("Probing the gateway", context -> probe.run(settings,
                result -> fxThread.execute(() -> chart.add(result)), context))
                .onSuccess(done -> fxThread.execute(() -> finished(done)))
                .onFailure(e -> {
                    running.set(false);
                    summary.set("Probe failed: " + e.getMessage());
                })
                .onCancelled(() -> running.set(false)).runWith(jobs);
    }

    /** Runs after the results handed over before it, so the chart is complete. */
    private void finished(ProbeSummary done) {
        running.set(false);
        summary.set(done.ok() + " of " + done.sent() + " requests answered 200 in "
                + done.elapsed().toMillis() / 1000.0 + " s" + (done.cancelled() ? " (stopped)" : ""));
        hint.set(done.sent() > 0 && done.ok() == 0 ? FAILED_HINT : "");
    }

    /** Stops a running probe after its current request. */
    public void stop() {
        if (current != null && running.get()) {
            current.cancel();
        }
    }

    /** Closes the forward; for when the step goes away. */
    public void close() {
        stop();
        closeForward();
    }

    public ProbeChartViewModel chart() {
        return chart;
    }

    public ReadOnlyStringProperty gatewayProperty() {
        return gateway.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressReasonProperty() {
        return addressReason.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty forwardNeededProperty() {
        return forwardNeeded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty forwardStateProperty() {
        return forwardState.getReadOnlyProperty();
    }

    /** {@code host:port} to probe; found by {@link #findAddress()} and editable. */
    public StringProperty gatewayUrlProperty() {
        return gatewayUrl;
    }

    public StringProperty pathProperty() {
        return path;
    }

    public IntegerProperty rateProperty() {
        return rate;
    }

    public IntegerProperty countProperty() {
        return count;
    }

    public IntegerProperty maxSecondsProperty() {
        return maxSeconds;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Where to look when no request got a 200; empty otherwise. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public BooleanBinding canLookUpProperty() {
        return canLookUp;
    }
}
