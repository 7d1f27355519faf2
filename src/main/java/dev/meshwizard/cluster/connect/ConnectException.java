package dev.meshwizard.cluster.connect;

/** Connecting to a context failed; the message is for the user and names the kubeconfig file and context. */
public final class ConnectException extends Exception {

    /** Why connecting failed. */
    public enum Reason { UNKNOWN_CONTEXT, UNREACHABLE, TLS, UNAUTHORIZED, FORBIDDEN, EXPIRED_CREDENTIALS, OTHER }

    private final Reason reason;

    public ConnectException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
