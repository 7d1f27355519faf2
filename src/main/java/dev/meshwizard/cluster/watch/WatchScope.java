package dev.meshwizard.cluster.watch;

import java.util.Set;
import java.util.TreeSet;

/** The namespaces the side panel watches: a set of namespaces, or all of them. */
public record WatchScope(boolean allNamespaces, Set<String> namespaces) {

    public WatchScope {
        namespaces = Set.copyOf(new TreeSet<>(namespaces));
    }

    public static WatchScope all() {
        return new WatchScope(true, Set.of());
    }

    public static WatchScope of(Set<String> namespaces) {
        return new WatchScope(false, namespaces);
    }
}
