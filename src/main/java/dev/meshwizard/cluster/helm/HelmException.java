package dev.meshwizard.cluster.helm;

/** Helm could not install, upgrade, list or uninstall a release; the message is Helm's own. */
public final class HelmException extends Exception {

    private final String release;
    private final boolean notFound;

    public HelmException(String release, String message, Throwable cause) {
        this(release, message, cause, false);
    }

    private HelmException(String release, String message, Throwable cause, boolean notFound) {
        super(release.isEmpty() ? message : release + ": " + message, cause);
        this.release = release;
        this.notFound = notFound;
    }

    /** The release or revision the user named does not exist: bad input rather than a failure of Helm. */
    public static HelmException notFound(String release, String message) {
        return new HelmException(release, message, null, true);
    }

    /** Whether the release or revision asked for does not exist (the message names those that do). */
    public boolean notFound() {
        return notFound;
    }

    public HelmException(String release, String message) {
        this(release, message, null);
    }

    /** The release concerned, or "" when the failure concerns none (listing). */
    public String release() {
        return release;
    }
}
