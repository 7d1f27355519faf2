package dev.meshwizard.cluster;

/** Helm could not install, upgrade, list or uninstall a release; the message is Helm's own. */
public final class HelmException extends Exception {

    private final String release;

    public HelmException(String release, String message, Throwable cause) {
        super(release.isEmpty() ? message : release + ": " + message, cause);
        this.release = release;
    }

    public HelmException(String release, String message) {
        this(release, message, null);
    }

    /** The release concerned, or "" when the failure concerns none (listing). */
    public String release() {
        return release;
    }
}
