package dev.meshwizard.mesh;

/**
 * Why a form cannot be written, for the field it concerns.
 *
 * @param field   the field's path in the form, e.g. {@code servers[0].port} or {@code routes[1].destinations[0].weight}
 * @param message what is wrong, e.g. {@code port must be a number from 1 to 65535}
 */
public record FormProblem(String field, String message) {
}
