package dev.meshwizard.cluster.apply;

import java.util.Objects;

/**
 * A namespace's sidecar injection as its labels set it, and how many of its pods run without a sidecar.
 *
 * @param name               the namespace
 * @param state              what the labels ask for
 * @param revision           the value of {@code istio.io/rev}, "" when not set
 * @param bothLabels         true when {@code istio-injection} and {@code istio.io/rev} are both set; Istio then goes by
 *                           {@code istio-injection} alone, which is rarely what was meant
 * @param pods               pods in the namespace
 * @param podsWithoutSidecar pods without an {@code istio-proxy} container or native-sidecar init container
 */
public record NamespaceInjection(String name, State state, String revision, boolean bothLabels, int pods,
                                 int podsWithoutSidecar) {

    /** What a namespace's labels ask of Istio's injection webhook. */
    public enum State {
        /** {@code istio-injection=enabled}: the default revision injects. */
        ENABLED,
        /** {@code istio-injection} set to anything but {@code enabled}: nothing injects. */
        DISABLED,
        /** {@code istio.io/rev=<revision>} without {@code istio-injection}: that revision injects. */
        REVISION,
        /** Neither label. */
        NONE
    }

    public NamespaceInjection {
        name = Objects.requireNonNullElse(name, "");
        Objects.requireNonNull(state);
        revision = Objects.requireNonNullElse(revision, "");
    }

    /** True when new pods in the namespace get a sidecar (from the default or a named revision). */
    public boolean injects() {
        return state == State.ENABLED || state == State.REVISION;
    }
}
