package dev.meshwizard.mesh.analysis;

import java.util.Objects;

/**
 * One problem the analysis found.
 *
 * @param code     the check's stable code, e.g. {@code MW0101}
 * @param istio    the istioctl message it corresponds to ({@link IstioMessage#NONE} when istioctl has none)
 * @param severity how bad it is
 * @param object   the object at fault: the one istioctl reports the same problem on
 * @param path     the field at fault, e.g. {@code spec.http[0].route[1].destination.subset} ("" for the whole
 *                 object); {@link dev.meshwizard.mesh.YamlLocator} finds its line
 * @param message  what is wrong, and what it does to traffic
 * @param fix      how to fix it
 */
public record Finding(String code, IstioMessage istio, Severity severity, ObjectRef object, String path,
                      String message, String fix) {

    public Finding {
        Objects.requireNonNull(code, "code");
        istio = istio == null ? IstioMessage.NONE : istio;
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(object, "object");
        path = path == null ? "" : path;
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
    }

    /** A finding istioctl has no message for. */
    public Finding(String code, Severity severity, ObjectRef object, String path, String message, String fix) {
        this(code, IstioMessage.NONE, severity, object, path, message, fix);
    }

    /** istioctl's code, e.g. {@code IST0101}, or "". */
    public String istioCode() {
        return istio.code();
    }

    /**
     * One line: {@code Error [MW0102] [IST0101 ReferencedResourceNotFound] (VirtualService reviews.default)
     * spec.http[0].route[0].destination.subset: message}; without the second bracket when istioctl has no such
     * message.
     */
    public String summary() {
        return severity.label() + " [" + code + "] " + (istio == IstioMessage.NONE ? "" : "[" + istio.label() + "] ")
                + "(" + object + ") " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
