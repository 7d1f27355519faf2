package dev.meshwizard.mesh.analysis;

/** How bad a finding is. */
public enum Severity {
    /** Traffic fails or a rule has no effect. */
    ERROR("Error"),
    /** Likely to surprise: works only in part, or depends on defaults. */
    WARNING("Warning"),
    /** Worth knowing; nothing breaks. */
    INFO("Info");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word shown before a finding: Error, Warning or Info. */
    public String label() {
        return label;
    }
}
