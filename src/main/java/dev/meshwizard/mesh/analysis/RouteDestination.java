package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One destination of a VirtualService's http, tcp or tls routes, or of its http mirrors.
 *
 * @param path        the destination's path, e.g. {@code spec.http[0].route[1].destination}
 * @param destination the destination
 * @param mirror      whether it is a mirror ({@code spec.http[0].mirror}, {@code spec.http[0].mirrors[1]})
 */
record RouteDestination(String path, Destination destination, boolean mirror) {

    RouteDestination(String path, Destination destination) {
        this(path, destination, false);
    }

    /** The http mirrors of a VirtualService: {@code mirror} and each of {@code mirrors}. */
    static List<RouteDestination> mirrors(io.fabric8.istio.api.networking.v1.VirtualService virtualService) {
        VirtualService spec = virtualService.getSpec();
        List<RouteDestination> mirrors = new ArrayList<>();
        if (spec == null || spec.getHttp() == null) {
            return mirrors;
        }
        for (int i = 0; i < spec.getHttp().size(); i++) {
            var route = spec.getHttp().get(i);
            if (route.getMirror() != null) {
                mirrors.add(new RouteDestination("spec.http[" + i + "].mirror", route.getMirror(), true));
            }
            if (route.getMirrors() != null) {
                for (int j = 0; j < route.getMirrors().size(); j++) {
                    Destination d = route.getMirrors().get(j).getDestination();
                    if (d != null) {
                        mirrors.add(new RouteDestination("spec.http[" + i + "].mirrors[" + j + "].destination", d,
                                true));
                    }
                }
            }
        }
        return mirrors;
    }

    /** The route destinations and then the mirrors. */
    static List<RouteDestination> all(io.fabric8.istio.api.networking.v1.VirtualService virtualService) {
        List<RouteDestination> all = new ArrayList<>(of(virtualService));
        all.addAll(mirrors(virtualService));
        return all;
    }

    static List<RouteDestination> of(io.fabric8.istio.api.networking.v1.VirtualService virtualService) {
        VirtualService spec = virtualService.getSpec();
        List<RouteDestination> destinations = new ArrayList<>();
        if (spec == null) {
            return destinations;
        }
        add(destinations, "http", spec.getHttp(), r -> r.getRoute(), d -> d.getDestination());
        add(destinations, "tcp", spec.getTcp(), r -> r.getRoute(), d -> d.getDestination());
        add(destinations, "tls", spec.getTls(), r -> r.getRoute(), d -> d.getDestination());
        return destinations;
    }

    private static <R, D> void add(List<RouteDestination> out, String kind, List<R> routes,
                                   Function<R, List<D>> destinations,
                                   Function<D, Destination> destination) {
        if (routes == null) {
            return;
        }
        for (int i = 0; i < routes.size(); i++) {
            List<D> route = destinations.apply(routes.get(i));
            if (route == null) {
                continue;
            }
            for (int j = 0; j < route.size(); j++) {
                Destination d = destination.apply(route.get(j));
                if (d != null) {
                    out.add(new RouteDestination("spec." + kind + "[" + i + "].route[" + j + "].destination", d));
                }
            }
        }
    }
}
