package dev.meshwizard.mesh;

import java.util.List;
import java.util.Objects;

/**
 * The form of a VirtualService: the hosts and gateways it applies to and its HTTP routes.
 *
 * @param hosts    the hosts it routes, e.g. {@code reviews} or {@code bookinfo.example.com}
 * @param gateways the gateways it is bound to, e.g. {@code bookinfo-gateway}; empty for the mesh only
 * @param routes   the HTTP routes, in the order they are tried
 */
public record VirtualServiceForm(List<String> hosts, List<String> gateways, List<Route> routes)
        implements RoutingForm {

    /** How a route matches the request path; "" for no path match. */
    public static final List<String> URI_KINDS = List.of("", "exact", "prefix", "regex");

    public VirtualServiceForm {
        hosts = List.copyOf(Objects.requireNonNullElse(hosts, List.of()));
        gateways = List.copyOf(Objects.requireNonNullElse(gateways, List.of()));
        routes = List.copyOf(Objects.requireNonNullElse(routes, List.of()));
    }

    /**
     * One HTTP route with its first match. Further matches of the document are kept as they are.
     *
     * @param name          the route's name, "" for none
     * @param uriKind       one of {@link #URI_KINDS}
     * @param uri           the path the match compares with
     * @param headerName    a header the match requires, "" for none (the first header of the match)
     * @param headerExact   the exact value of that header
     * @param method        the exact HTTP method the match requires, "" for any
     * @param rewriteUri    the path the matched part is rewritten to, "" for no rewrite
     * @param destinations  where requests go
     * @param timeout       e.g. {@code 10s}, "" for the default
     * @param retryAttempts number of retries, null for the default
     */
    public record Route(String name, String uriKind, String uri, String headerName, String headerExact,
                        String method, String rewriteUri, List<Destination> destinations, String timeout,
                        Integer retryAttempts) {

        public Route {
            name = Objects.requireNonNullElse(name, "");
            uriKind = Objects.requireNonNullElse(uriKind, "");
            uri = Objects.requireNonNullElse(uri, "");
            headerName = Objects.requireNonNullElse(headerName, "");
            headerExact = Objects.requireNonNullElse(headerExact, "");
            method = Objects.requireNonNullElse(method, "");
            rewriteUri = Objects.requireNonNullElse(rewriteUri, "");
            destinations = List.copyOf(Objects.requireNonNullElse(destinations, List.of()));
            timeout = Objects.requireNonNullElse(timeout, "");
        }

        /** The same route with other destinations. */
        public Route withDestinations(List<Destination> newDestinations) {
            return new Route(name, uriKind, uri, headerName, headerExact, method, rewriteUri, newDestinations,
                    timeout, retryAttempts);
        }
    }

    /**
     * One destination of a route.
     *
     * @param host   the service, required
     * @param subset a subset of its DestinationRule, "" for none
     * @param port   the service port, null for none
     * @param weight the share of requests, 0 to 100, null for none
     */
    public record Destination(String host, String subset, Integer port, Integer weight) {

        public Destination {
            host = Objects.requireNonNullElse(host, "");
            subset = Objects.requireNonNullElse(subset, "");
        }

        /** The same destination with another weight. */
        public Destination withWeight(Integer newWeight) {
            return new Destination(host, subset, port, newWeight);
        }
    }

    /** The same form with other routes. */
    public VirtualServiceForm withRoutes(List<Route> newRoutes) {
        return new VirtualServiceForm(hosts, gateways, newRoutes);
    }
}
