package dev.meshwizard.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contexts of one or more kubeconfig files, merged as kubectl merges them (the first file that sets a
 * value wins). Immutable.
 */
public final class Kubeconfig {

    /** Loads as kubectl does: the files of {@code KUBECONFIG}, else {@code ~/.kube/config}; empty when none exist. */
    public static Kubeconfig loadDefault() throws KubeconfigException {
        return load(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** {@link #loadDefault()} with the environment and home folder given, for tests. */
    public static Kubeconfig load(Map<String, String> env, Path home) throws KubeconfigException {
        throw new UnsupportedOperationException("TODO");
    }

    /** One file the user opened. */
    public static Kubeconfig loadFile(Path file) throws KubeconfigException {
        throw new UnsupportedOperationException("TODO");
    }

    public static Kubeconfig empty() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The files merged, in precedence order. */
    public List<Path> files() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Every context, the current one first, then by name. */
    public List<KubeContext> contexts() {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<KubeContext> context(String name) {
        throw new UnsupportedOperationException("TODO");
    }

    /** True when there are no contexts at all (offline is the only choice). */
    public boolean isEmpty() {
        return contexts().isEmpty();
    }
}
