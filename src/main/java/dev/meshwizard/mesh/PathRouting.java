package dev.meshwizard.mesh;

import static dev.meshwizard.mesh.IstioObjects.destination;
import static dev.meshwizard.mesh.IstioObjects.exact;
import static dev.meshwizard.mesh.IstioObjects.meta;
import static dev.meshwizard.mesh.IstioObjects.prefix;
import static dev.meshwizard.mesh.IstioObjects.route;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequestBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteBuilder;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import java.util.List;

/**
 * One host behind a gateway whose paths go to different backend Services, each on its own port. The backend gets
 * the request path as the client sent it ({@link Rewrite#KEEP_PATH}, what a plain prefix route does), or without the
 * prefix ({@link Rewrite#STRIP_PREFIX}: {@code /storage/v2/buckets} reaches {@code storage-svc:10011} as
 * {@code /v2/buckets}, and {@code /storage} as {@code /}).
 */
public final class PathRouting {

    /** What the backend sees of the path. */
    public enum Rewrite {
        /** The path as the client sent it. */
        KEEP_PATH,
        /**
         * The path without the prefix. Done with two matches rewritten to {@code /}: the prefix with a trailing
         * slash ({@code /storage/}) and the prefix exactly ({@code /storage}). Rewriting the prefix {@code /storage}
         * itself to {@code /} would turn {@code /storage/v2} into {@code //v2}, since Envoy replaces only the matched
         * characters.
         */
        STRIP_PREFIX
    }

    private PathRouting() {
    }

    /**
     * A VirtualService with one http route per path, in the order given (put longer prefixes first: the first
     * match wins).
     *
     * @param name    the VirtualService's name
     * @param host    the host clients ask for, e.g. {@code api.example.com} ({@code *} for any)
     * @param gateway the Gateway it is bound to, {@code name} or {@code namespace/name}
     * @param paths   the paths and their backends, at least one
     * @param rewrite whether the backend sees the path as sent or without the prefix
     */
    public static VirtualService virtualService(String name, String namespace, String host, String gateway,
                                                List<PathRoute> paths, Rewrite rewrite) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("path routing needs at least one path");
        }
        List<HTTPRoute> routes = paths.stream().map(path -> httpRoute(path, rewrite)).toList();
        return new VirtualServiceBuilder()
                .withMetadata(meta(name, namespace))
                .withNewSpec().withHosts(host).withGateways(gateway).withHttp(routes).endSpec()
                .build();
    }

    private static HTTPRoute httpRoute(PathRoute path, Rewrite rewrite) {
        String base = path.prefix().replaceAll("/+$", "");
        HTTPRouteBuilder route = new HTTPRouteBuilder().withName(path.service());
        if (rewrite == Rewrite.STRIP_PREFIX && !base.isEmpty()) {
            route.withMatch(match(prefix(base + "/")), match(exact(base)))
                    .withNewRewrite().withUri("/").endRewrite();
        } else {
            route.withMatch(match(prefix(path.prefix())));
        }
        return route.withRoute(route(destination(path.service(), "", path.port()), null)).build();
    }

    private static HTTPMatchRequest match(io.fabric8.istio.api.api.networking.v1alpha3.StringMatch uri) {
        return new HTTPMatchRequestBuilder().withUri(uri).build();
    }
}
