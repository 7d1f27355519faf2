package dev.meshwizard.mesh;

import java.util.Objects;

/**
 * One path of a host and the backend it goes to, e.g. {@code /storage} to {@code storage-svc:10011}.
 *
 * @param prefix  the path prefix, starting with {@code /}
 * @param service the backend Service (short name or FQDN)
 * @param port    the backend Service port
 */
public record PathRoute(String prefix, String service, int port) {

    public PathRoute {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(service, "service");
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("a path prefix starts with /, not " + prefix);
        }
        if (service.isBlank()) {
            throw new IllegalArgumentException("a path needs a backend service");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a port is between 1 and 65535, not " + port);
        }
    }
}
