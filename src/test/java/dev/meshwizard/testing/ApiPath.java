package dev.meshwizard.testing;

import java.util.Optional;

/**
 * A resource path of the Kubernetes API taken apart: {@code /api/v1/namespaces/bookinfo/pods/web/log} is group "",
 * version v1, namespace bookinfo, resource pods, name web, subresource log. A namespace itself
 * ({@code /api/v1/namespaces/bookinfo}) is resource namespaces, name bookinfo, no namespace.
 *
 * @param group the API group, "" for core
 * @param namespace the namespace of a namespaced path, or null
 * @param name the object's name, or null for a collection
 * @param subresource e.g. status or log, or null
 */
record ApiPath(String group, String version, String namespace, String resource, String name, String subresource) {

    /** The path without its query, or empty when it does not name a resource (discovery, /version...). */
    static Optional<ApiPath> parse(String path) {
        String[] parts = path.substring(1).split("/");
        int at;
        String group;
        if (parts.length >= 3 && parts[0].equals("api")) {
            group = "";
            at = 1;
        } else if (parts.length >= 4 && parts[0].equals("apis")) {
            group = parts[1];
            at = 2;
        } else {
            return Optional.empty();
        }
        String version = parts[at];
        String[] rest = java.util.Arrays.copyOfRange(parts, at + 1, parts.length);
        String namespace = null;
        boolean namespaceSubresource = rest.length == 3 && rest[0].equals("namespaces")
                && (rest[2].equals("status") || rest[2].equals("finalize"));
        if (namespaceSubresource) {
            return Optional.of(new ApiPath(group, version, null, "namespaces", rest[1], rest[2]));
        }
        if (rest.length >= 3 && rest[0].equals("namespaces")) {
            namespace = rest[1];
            rest = java.util.Arrays.copyOfRange(rest, 2, rest.length);
        } else if (rest.length >= 1 && rest[0].equals("namespaces")) {
            return Optional.of(new ApiPath(group, version, null, "namespaces", rest.length > 1 ? rest[1] : null,
                    null));
        }
        if (rest.length == 0 || rest.length > 3) {
            return Optional.empty();
        }
        return Optional.of(new ApiPath(group, version, namespace, rest[0], rest.length > 1 ? rest[1] : null,
                rest.length > 2 ? rest[2] : null));
    }

    /** The collection path of the resource this path names. */
    String collection() {
        String base = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        return namespace == null ? base + "/" + resource : base + "/namespaces/" + namespace + "/" + resource;
    }
}
