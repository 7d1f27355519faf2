package dev.meshwizard.mesh.analysis;

import java.util.Objects;

/**
 * One problem the analysis found.
 *
 * @param code     the check's stable code, e.g. {@code MW0101}
 * @param severity how bad it is
 * @param object   the object at fault
 * @param path     the field at fault, e.g. {@code spec.http[0].route[1].destination.subset} ("" for the whole
 *                 object); {@link dev.meshwizard.mesh.YamlLocator} finds its line
 * @param message  what is wrong, and what it does to traffic
 * @param fix      how to fix it
 */
public record Finding(String code, Severity severity, ObjectRef object, String path, String message, String fix) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(object, "object");
        path = path == null ? "" : path;
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
    }

    /**
     * One line: {@code Error [MW0101] (VirtualService bookinfo.default) spec.http[0].route[0].destination.host:
     * message}.
     */
    public String summary() {
        return severity.label() + " [" + code + "] (" + object + ") " + (path.isEmpty() ? "" : path + ": ")
                + message;
    }
}
