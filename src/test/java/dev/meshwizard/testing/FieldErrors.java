package dev.meshwizard.testing;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusCauseBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The field errors of one object as an API server collects them, and the 422 {@code Invalid} Status they make:
 * each error is "field: type: detail" (e.g. {@code metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123
 * subdomain must ...}), the message is {@code Kind.group "name" is invalid: } followed by the one error or by
 * all of them in brackets, and every error is a cause with its field path.
 */
final class FieldErrors {

    /** One error: the field path, the cause type (FieldValueInvalid...) and the body after the path. */
    record FieldError(String field, String type, String body) {
        @Override
        public String toString() {
            return field + ": " + body;
        }
    }

    private final List<FieldError> errors = new ArrayList<>();

    /** A value the field may not take; {@code detail} says why. */
    void invalid(String field, Object value, String detail) {
        String shown = value instanceof String text ? quote(text) : String.valueOf(value);
        errors.add(new FieldError(field, "FieldValueInvalid", "Invalid value: " + shown + ": " + detail));
    }

    /** A field that must be set. */
    void required(String field, String detail) {
        errors.add(new FieldError(field, "FieldValueRequired",
                "Required value" + (detail.isEmpty() ? "" : ": " + detail)));
    }

    /** A value that must be unique and is not. */
    void duplicate(String field, String value) {
        errors.add(new FieldError(field, "FieldValueDuplicate", "Duplicate value: " + quote(value)));
    }

    /** A value outside the allowed set. */
    void unsupported(String field, String value, List<String> allowed) {
        errors.add(new FieldError(field, "FieldValueNotSupported", "Unsupported value: " + quote(value)
                + ": supported values: " + String.join(", ", allowed.stream().map(FieldErrors::quote).toList())));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<FieldError> all() {
        return List.copyOf(errors);
    }

    /** The 422 Status a server answers: reason Invalid, the kind qualified by its group, the causes. */
    Status toStatus(String group, String kind, String name) {
        String qualified = group.isEmpty() ? kind : kind + "." + group;
        String aggregate = errors.size() == 1 ? errors.get(0).toString()
                : "[" + String.join(", ", errors.stream().map(FieldError::toString).toList()) + "]";
        List<StatusCause> causes = errors.stream().map(e -> new StatusCauseBuilder().withReason(e.type())
                .withMessage(e.body()).withField(e.field()).build()).toList();
        return new StatusBuilder().withStatus("Failure").withCode(422).withReason("Invalid")
                .withMessage(qualified + " " + quote(name) + " is invalid: " + aggregate)
                .withNewDetails().withGroup(group).withKind(kind).withName(name).withCauses(causes).endDetails()
                .build();
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
