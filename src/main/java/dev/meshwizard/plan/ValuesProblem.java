package dev.meshwizard.plan;

import java.util.Objects;

/**
 * Something wrong in a values file, where it is and how to fix it.
 *
 * @param severity whether the release cannot work as written ({@link Severity#ERROR}) or may not do what the user
 *                 expects ({@link Severity#WARNING})
 * @param line     1-based line, 0 when the problem has no single place
 * @param column   1-based column, 0 when unknown
 * @param path     the values path concerned, e.g. {@code global.profile}; "" when none
 * @param message  what is wrong
 * @param fix      what to do about it
 */
public record ValuesProblem(Severity severity, int line, int column, String path, String message, String fix) {

    /** How bad a problem is. */
    public enum Severity { ERROR, WARNING }

    public ValuesProblem {
        Objects.requireNonNull(severity, "severity");
        path = path == null ? "" : path;
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
    }
}
