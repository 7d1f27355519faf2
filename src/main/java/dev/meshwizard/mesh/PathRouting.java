package dev.meshwizard.mesh;

import static dev.meshwizard.mesh.IstioObjects.destination;
import static dev.meshwizard.mesh.IstioObjects.meta;
import static dev.meshwizard.mesh.IstioObjects.prefix;
import static dev.meshwizard.mesh.IstioObjects.route;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequestBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteBuilder;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import java.util.List;

/**
 * One host behind a gateway whose paths go to different backend Services, each on its own port, with the
 * matched prefix rewritten (e.g. {@code /storage/x} reaches {@code storage-svc:10011} as {@code /x}).
 */
public final class PathRouting {

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
     * @param rewrite what the matched prefix becomes, usually {@code /}
     */
    public static VirtualService virtualService(String name, String namespace, String host, String gateway,
                                                List<PathRoute> paths, String rewrite) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("path routing needs at least one path");
        }
        List<HTTPRoute> routes = paths.stream()
                .map(path -> new HTTPRouteBuilder()
                        .withName(path.service())
                        .withMatch(new HTTPMatchRequestBuilder().withUri(prefix(path.prefix())).build())
                        .withNewRewrite().withUri(rewrite).endRewrite()
                        .withRoute(route(destination(path.service(), "", path.port()), null))
                        .build())
                .toList();
        return new VirtualServiceBuilder()
                .withMetadata(meta(name, namespace))
                .withNewSpec().withHosts(host).withGateways(gateway).withHttp(routes).endSpec()
                .build();
    }
}
