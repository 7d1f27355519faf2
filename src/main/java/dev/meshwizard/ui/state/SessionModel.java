package dev.meshwizard.ui.state;

import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The application's one connection state: offline, or a {@link ClusterSession}. Replacing or dropping the
 * session closes the old one (in the background: closing informers may wait on the network).
 */
public final class SessionModel {

    /** Where the connection stands. */
    public enum State { OFFLINE, CONNECTING, CONNECTED }

    private final JobRunner jobs;
    private final ReadOnlyObjectWrapper<ClusterSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.OFFLINE);
    private final ReadOnlyStringWrapper description =
            new ReadOnlyStringWrapper(this, "description", "Offline — previews only");

    private final ReadOnlyBooleanWrapper lost = new ReadOnlyBooleanWrapper(this, "lost");
    private final ReadOnlyIntegerWrapper reconnects = new ReadOnlyIntegerWrapper(this, "reconnects");

    public SessionModel(JobRunner jobs) {
        this.jobs = jobs;
    }

    public ReadOnlyObjectProperty<ClusterSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** True while the API server cannot be reached (a watch lost it); what the steps show may be stale. */
    public ReadOnlyBooleanProperty lostProperty() {
        return lost.getReadOnlyProperty();
    }

    /** Counts the times the API server came back after it was lost: steps that show cluster state read again. */
    public ReadOnlyIntegerProperty reconnectsProperty() {
        return reconnects.getReadOnlyProperty();
    }

    /** The API server went away (the side panel's watch lost it). */
    public void connectionLost() {
        if (session.get() != null) {
            lost.set(true);
        }
    }

    /** The API server answers again after {@link #connectionLost()}: steps showing cluster state refresh. */
    public void connectionBack() {
        if (lost.get()) {
            lost.set(false);
            reconnects.set(reconnects.get() + 1);
        }
    }

    /** Runs {@code refresh} each time the connection comes back. */
    public void onReconnect(Runnable refresh) {
        reconnects.addListener((obs, old, now) -> refresh.run());
    }

    public ClusterSession session() {
        return session.get();
    }

    public void connecting(String contextName) {
        closeCurrent();
        state.set(State.CONNECTING);
        description.set("Connecting to " + contextName + "…");
    }

    public void connected(ClusterSession newSession) {
        closeCurrent();
        session.set(newSession);
        state.set(State.CONNECTED);
        description.set("Connected to " + newSession.context().name() + " (Kubernetes " + newSession.serverVersion() + ")"
                + (newSession.simulated() ? " — a simulated API for trying the UI, not a cluster" : ""));
    }

    public void offline() {
        closeCurrent();
        state.set(State.OFFLINE);
        description.set("Offline — previews only");
    }

    /** Closes the session synchronously; for application shutdown. */
    public void shutdown() {
        ClusterSession old = session.get();
        session.set(null);
        if (old != null) {
            old.close();
        }
    }

    private void closeCurrent() {
        lost.set(false);
        ClusterSession old = session.get();
        if (old != null) {
            session.set(null);
            Job.ofRunnable("Closing connection to " + old.context().name(), old::close).runWith(jobs);
        }
    }
}
