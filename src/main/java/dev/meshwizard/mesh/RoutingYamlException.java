package dev.meshwizard.mesh;

/** A routing document's text that cannot be read as one Istio object; {@link #line()} says where. */
public final class RoutingYamlException extends Exception {

    private final int line;

    RoutingYamlException(int line, String problem) {
        super((line > 0 ? "line " + line + ": " : "") + problem);
        this.line = line;
    }

    /** The 1-based line of the problem, 0 when it concerns the whole text. */
    public int line() {
        return line;
    }
}
