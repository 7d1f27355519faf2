package dev.meshwizard.cluster.apply;

import java.util.Objects;

/**
 * What applying or deleting one object did.
 *
 * @param kind      e.g. {@code VirtualService}
 * @param namespace "" for cluster-scoped objects
 * @param name      {@code metadata.name}
 * @param outcome   what happened
 * @param message   for {@link Outcome#FAILED}: the object and the server's reason; otherwise ""
 */
public record ApplyResult(String kind, String namespace, String name, Outcome outcome, String message) {

    /** What happened to the object. */
    public enum Outcome {
        /** It did not exist and was created. */
        CREATED,
        /** It existed and was changed. */
        CONFIGURED,
        /** It existed and the apply changed nothing. */
        UNCHANGED,
        /** It was deleted. */
        DELETED,
        /** It was to be deleted and did not exist. */
        ABSENT,
        /** The server refused; see the message. */
        FAILED
    }

    public ApplyResult {
        kind = Objects.requireNonNullElse(kind, "");
        namespace = Objects.requireNonNullElse(namespace, "");
        name = Objects.requireNonNullElse(name, "");
        Objects.requireNonNull(outcome);
        message = Objects.requireNonNullElse(message, "");
    }

    /** {@code Kind/name} or {@code Kind/namespace/name}. */
    public String id() {
        return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }

    /** True unless the server refused. */
    public boolean succeeded() {
        return outcome != Outcome.FAILED;
    }
}
