package dev.meshwizard.render;

/**
 * A release could not be rendered. {@link #helmMessage()} is Helm's own message (a values schema rejection, a
 * chart's {@code fail}, a YAML error in the values) or, when the chart itself could not be found, the chart source's.
 */
public final class RenderException extends Exception {

    private final String release;
    private final String helmMessage;

    public RenderException(String release, String helmMessage, Throwable cause) {
        super(release + ": " + helmMessage, cause);
        this.release = release;
        this.helmMessage = helmMessage;
    }

    /** The name of the release that failed. */
    public String release() {
        return release;
    }

    /** Why, in Helm's words. */
    public String helmMessage() {
        return helmMessage;
    }
}
