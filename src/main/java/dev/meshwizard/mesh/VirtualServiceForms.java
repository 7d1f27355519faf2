package dev.meshwizard.mesh;

import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRetry;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRewrite;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.PortSelector;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A VirtualService's spec as a {@link VirtualServiceForm} and back; a route's first match is the one shown. */
final class VirtualServiceForms {

    private VirtualServiceForms() {
    }

    static VirtualServiceForm read(VirtualService spec) {
        if (spec == null) {
            return new VirtualServiceForm(List.of(), List.of(), List.of());
        }
        List<VirtualServiceForm.Route> routes = new ArrayList<>();
        for (HTTPRoute route : spec.getHttp() == null ? List.<HTTPRoute>of() : spec.getHttp()) {
            HTTPMatchRequest match = route.getMatch() == null || route.getMatch().isEmpty() ? null
                    : route.getMatch().get(0);
            String[] uri = match == null ? new String[] {"", ""} : kindAndValue(match.getUri());
            String header = match == null ? "" : shownHeader(match);
            List<VirtualServiceForm.Destination> destinations = new ArrayList<>();
            for (HTTPRouteDestination each : route.getRoute() == null ? List.<HTTPRouteDestination>of()
                    : route.getRoute()) {
                Destination destination = each.getDestination() == null ? new Destination() : each.getDestination();
                destinations.add(new VirtualServiceForm.Destination(destination.getHost(), destination.getSubset(),
                        destination.getPort() == null || destination.getPort().getNumber() == null ? null
                                : destination.getPort().getNumber().intValue(), each.getWeight()));
            }
            routes.add(new VirtualServiceForm.Route(route.getName(), uri[0], uri[1], header,
                    header.isEmpty() ? "" : kindAndValue(match.getHeaders().get(header))[1],
                    match == null ? "" : kindAndValue(match.getMethod())[1],
                    route.getRewrite() == null ? "" : route.getRewrite().getUri(), destinations, route.getTimeout(),
                    route.getRetries() == null ? null : route.getRetries().getAttempts()));
        }
        return new VirtualServiceForm(spec.getHosts(), spec.getGateways(), routes);
    }

    static VirtualService write(VirtualService spec, VirtualServiceForm form) {
        VirtualService service = spec == null ? new VirtualService() : spec;
        service.setHosts(new ArrayList<>(form.hosts()));
        service.setGateways(RoutingForms.orNull(form.gateways()));
        List<HTTPRoute> existing = service.getHttp() == null ? List.of() : service.getHttp();
        List<HTTPRoute> routes = new ArrayList<>();
        for (int i = 0; i < form.routes().size(); i++) {
            VirtualServiceForm.Route row = form.routes().get(i);
            HTTPRoute route = i < existing.size() ? existing.get(i) : new HTTPRoute();
            route.setName(RoutingForms.orNull(row.name()));
            writeMatch(route, row);
            HTTPRewrite rewrite = route.getRewrite() == null ? new HTTPRewrite() : route.getRewrite();
            rewrite.setUri(RoutingForms.orNull(row.rewriteUri()));
            route.setRewrite(RoutingForms.isEmpty(rewrite) ? null : rewrite);
            route.setRoute(destinations(route.getRoute(), row.destinations()));
            route.setTimeout(RoutingForms.orNull(row.timeout()));
            HTTPRetry retries = route.getRetries() == null ? new HTTPRetry() : route.getRetries();
            retries.setAttempts(row.retryAttempts());
            route.setRetries(RoutingForms.isEmpty(retries) ? null : retries);
            routes.add(route);
        }
        service.setHttp(routes);
        return service;
    }

    private static void writeMatch(HTTPRoute route, VirtualServiceForm.Route row) {
        List<HTTPMatchRequest> matches = route.getMatch() == null ? new ArrayList<>()
                : new ArrayList<>(route.getMatch());
        HTTPMatchRequest match = matches.isEmpty() ? new HTTPMatchRequest() : matches.get(0);
        match.setUri(row.uriKind().isEmpty() ? null : match(row.uriKind(), row.uri()));
        Map<String, StringMatch> headers = match.getHeaders() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(match.getHeaders());
        headers.remove(shownHeader(match));
        if (!row.headerName().isBlank()) {
            headers.put(row.headerName().trim(), match("exact", row.headerExact()));
        }
        match.setHeaders(headers.isEmpty() ? null : headers);
        match.setMethod(row.method().isBlank() ? null : match("exact", row.method().trim()));
        if (matches.isEmpty() && !RoutingForms.isEmpty(match)) {
            matches.add(match);
        } else if (!matches.isEmpty() && RoutingForms.isEmpty(match)) {
            matches.remove(0);
        }
        route.setMatch(matches.isEmpty() ? null : matches);
    }

    private static List<HTTPRouteDestination> destinations(List<HTTPRouteDestination> current,
                                                           List<VirtualServiceForm.Destination> rows) {
        List<HTTPRouteDestination> existing = current == null ? List.of() : current;
        List<HTTPRouteDestination> destinations = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            VirtualServiceForm.Destination row = rows.get(i);
            HTTPRouteDestination each = i < existing.size() ? existing.get(i) : new HTTPRouteDestination();
            Destination destination = each.getDestination() == null ? new Destination() : each.getDestination();
            destination.setHost(RoutingForms.orNull(row.host()));
            destination.setSubset(RoutingForms.orNull(row.subset()));
            destination.setPort(row.port() == null ? null : new PortSelector((long) row.port()));
            each.setDestination(destination);
            each.setWeight(row.weight());
            destinations.add(each);
        }
        return destinations.isEmpty() ? null : destinations;
    }

    static List<FormProblem> problems(VirtualServiceForm form) {
        List<FormProblem> problems = new ArrayList<>();
        if (form.hosts().isEmpty()) {
            problems.add(new FormProblem("hosts", "at least one host is required"));
        }
        for (int i = 0; i < form.routes().size(); i++) {
            VirtualServiceForm.Route route = form.routes().get(i);
            String field = "routes[" + i + "].";
            if (!VirtualServiceForm.URI_KINDS.contains(route.uriKind())) {
                problems.add(new FormProblem(field + "uriKind", "path match must be exact, prefix or regex"));
            } else if (!route.uriKind().isEmpty() && route.uri().isBlank()) {
                problems.add(new FormProblem(field + "uri", "a path is required for a " + route.uriKind() + " match"));
            }
            if (route.headerName().isBlank() && !route.headerExact().isBlank()) {
                problems.add(new FormProblem(field + "headerName", "header name is required for a header value"));
            }
            if (route.retryAttempts() != null && route.retryAttempts() < 0) {
                problems.add(new FormProblem(field + "retryAttempts", "retry attempts must be 0 or more"));
            }
            for (int j = 0; j < route.destinations().size(); j++) {
                VirtualServiceForm.Destination destination = route.destinations().get(j);
                String at = field + "destinations[" + j + "].";
                if (destination.host().isBlank()) {
                    problems.add(new FormProblem(at + "host", "destination host is required"));
                }
                if (destination.port() != null && (destination.port() < 1 || destination.port() > 65535)) {
                    problems.add(new FormProblem(at + "port", "port must be a number from 1 to 65535"));
                }
                if (destination.weight() != null && (destination.weight() < 0 || destination.weight() > 100)) {
                    problems.add(new FormProblem(at + "weight", "weight must be a number from 0 to 100"));
                }
            }
        }
        return problems;
    }

    /** The first header of a match that is compared exactly, the one the form shows; "" for none. */
    private static String shownHeader(HTTPMatchRequest match) {
        if (match.getHeaders() == null) {
            return "";
        }
        return match.getHeaders().entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().getMatchType() instanceof StringMatchExact)
                .map(Map.Entry::getKey).findFirst().orElse("");
    }

    private static String[] kindAndValue(StringMatch match) {
        if (match == null) {
            return new String[] {"", ""};
        }
        Object type = match.getMatchType();
        if (type instanceof StringMatchExact exact) {
            return new String[] {"exact", RoutingForms.orEmpty(exact.getExact())};
        }
        if (type instanceof StringMatchPrefix prefix) {
            return new String[] {"prefix", RoutingForms.orEmpty(prefix.getPrefix())};
        }
        if (type instanceof StringMatchRegex regex) {
            return new String[] {"regex", RoutingForms.orEmpty(regex.getRegex())};
        }
        return new String[] {"", ""};
    }

    private static StringMatch match(String kind, String value) {
        return switch (kind) {
            case "prefix" -> new StringMatch(new StringMatchPrefix(value));
            case "regex" -> new StringMatch(new StringMatchRegex(value));
            default -> new StringMatch(new StringMatchExact(value));
        };
    }
}
