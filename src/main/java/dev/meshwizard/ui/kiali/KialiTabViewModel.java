package dev.meshwizard.ui.kiali;

import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.forward.Kiali;
import dev.meshwizard.cluster.forward.PodForward;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.ui.state.SessionModel;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Kiali tab's state: a port-forward to Kiali like {@code istioctl dashboard kiali} (local port 20001 when free),
 * which follows a new Kiali pod by itself; the page's address on the loopback origin; and which addresses belong to
 * that origin (the rest open in the system browser). The forward is closed with the tab and when the connection
 * changes.
 */
public final class KialiTabViewModel {

    private final JobRunner jobs;
    private final SessionModel sessionModel;
    private final Executor fxThread;
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper(this, "url", "");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private final ReadOnlyBooleanWrapper forwarding = new ReadOnlyBooleanWrapper(this, "forwarding");
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(this, "canRetry");
    private PodForward forward;
    private boolean opening;
    private boolean closed;

    /** @param fxThread where the forward's state changes are handed over (the FX thread in the app) */
    public KialiTabViewModel(JobRunner jobs, SessionModel sessionModel, Executor fxThread) {
        this.jobs = jobs;
        this.sessionModel = sessionModel;
        this.fxThread = fxThread;
        sessionModel.sessionProperty().addListener((obs, old, now) -> {
            closeForward();
            if (!closed) {
                state.set("The cluster connection changed; the forward was closed. Retry to open Kiali of "
                        + (now == null ? "a connected cluster" : now.context().name()) + ".");
                canRetry.set(true);
            }
        });
    }

    /** Opens the forward to Kiali; the page's address follows once it forwards. */
    public void open() {
        ClusterSession session = sessionModel.session();
        if (closed || opening || forward != null) {
            return;
        }
        if (session == null) {
            state.set("Not connected: connect to a cluster in the Cluster step.");
            canRetry.set(true);
            return;
        }
        opening = true;
        canRetry.set(false);
        state.set("Opening a port-forward to Kiali…");
        Job.of("Forwarding to Kiali", () -> session.kiali().portForward(s -> fxThread.execute(() -> show(s))))
                .onSuccess(opened -> {
                    opening = false;
                    if (closed || sessionModel.session() != session) {
                        opened.close();
                        return;
                    }
                    forward = opened;
                    show(opened.state());
                }).onFailure(e -> {
                    opening = false;
                    state.set("Failed: " + e.getMessage());
                    canRetry.set(true);
                }).runWith(jobs);
    }

    private void show(PodForward.State now) {
        if (closed || forward == null && !opening) {
            return;
        }
        switch (now.kind()) {
            case FORWARDING -> {
                state.set("Forwarding 127.0.0.1:" + now.localPort() + " to pod " + now.pod() + "; asking Kiali…");
                forwarding.set(true);
                canRetry.set(false);
                probe(now);
            }
            case WAITING_FOR_POD -> {
                state.set("Waiting for a ready Kiali pod in " + Kiali.NAMESPACE + " (is Kiali installed?)");
                forwarding.set(false);
                canRetry.set(true);
            }
            case FAILED -> {
                state.set("Failed: " + now.reason());
                forwarding.set(false);
                canRetry.set(true);
            }
            case CLOSED -> {
                state.set("Forward closed");
                forwarding.set(false);
                canRetry.set(true);
            }
        }
    }

    /**
     * Asks Kiali through the forward before the page is shown: a forward can be open while every connection
     * through it is reset, and the web view would show a blank page.
     */
    private void probe(PodForward.State now) {
        String address = address(now.localPort());
        Job.of("Asking Kiali through the forward", () -> answer(address)).onSuccess(failure -> {
            if (closed || forward == null && !opening) {
                return;
            }
            if (failure.isEmpty()) {
                state.set("Forwarding 127.0.0.1:" + now.localPort() + " to pod " + now.pod());
                url.set(address);
            } else {
                state.set("Kiali does not answer through the forward to pod " + now.pod() + ": " + failure
                        + ". Retry opens a new forward.");
                url.set("");
                canRetry.set(true);
            }
        }).runWith(jobs);
    }

    /** Empty when Kiali answers {@code address}; otherwise what went wrong (connection reset, HTTP 503…). */
    static String answer(String address) {
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) URI.create(address).toURL()
                    .openConnection();
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(10000);
            connection.setInstanceFollowRedirects(false);
            try {
                int code = connection.getResponseCode();
                return code >= 400 ? "HTTP " + code + (connection.getResponseMessage() == null ? ""
                        : " " + connection.getResponseMessage()) : "";
            } finally {
                connection.disconnect();
            }
        } catch (java.io.IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /** {@code http://127.0.0.1:<port>/kiali}. */
    static String address(int localPort) {
        return "http://127.0.0.1:" + localPort + Kiali.WEB_ROOT;
    }

    /** Closes the forward and opens a new one. */
    public void retry() {
        closeForward();
        open();
    }

    /**
     * True when {@code location} is on the forwarded origin ({@code http://127.0.0.1:<port>} or
     * {@code http://localhost:<port>}), or is a page of the web view itself ({@code about:}, {@code data:}).
     */
    public boolean onOrigin(String location) {
        if (location == null || location.isBlank() || location.startsWith("about:") || location.startsWith("data:")) {
            return true;
        }
        if (forward == null) {
            return false;
        }
        try {
            URI uri = URI.create(location);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return "http".equalsIgnoreCase(uri.getScheme()) && uri.getPort() == forward.localPort()
                    && (host.equals("127.0.0.1") || host.equals("localhost"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void closeForward() {
        if (forward != null) {
            forward.close();
            forward = null;
        }
        forwarding.set(false);
        url.set("");
    }

    /** Closes the forward for good; for when the tab closes. */
    public void close() {
        closeForward();
        closed = true;
        state.set("Closed");
        canRetry.set(false);
    }

    /** The Kiali page's address while forwarding; empty otherwise. */
    public ReadOnlyStringProperty urlProperty() {
        return url.getReadOnlyProperty();
    }

    /** What the forward does, in words: forwarding pod X, waiting for a pod, failed with the reason. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty forwardingProperty() {
        return forwarding.getReadOnlyProperty();
    }

    /** True when the forward waits or failed, so that Retry may help. */
    public ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }
}
