package dev.meshwizard.cluster;

/** Opens a {@link ClusterSession} for a context: builds the client and reads the server version. */
public final class ClusterConnector {

    /**
     * Connects and reads {@code /version}. Blocking: call from a background job.
     *
     * @throws ConnectException with a classified reason and a message naming the file and context
     */
    public ClusterSession connect(Kubeconfig kubeconfig, String contextName) throws ConnectException {
        throw new UnsupportedOperationException("TODO");
    }
}
