package dev.meshwizard.mesh;

import static dev.meshwizard.mesh.IstioObjects.destination;
import static dev.meshwizard.mesh.IstioObjects.exact;
import static dev.meshwizard.mesh.IstioObjects.meta;
import static dev.meshwizard.mesh.IstioObjects.route;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequestBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.SubsetBuilder;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.DestinationRuleBuilder;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The traffic-management tasks Istio's documentation runs on Bookinfo, as objects: every service to v1, reviews
 * by the {@code end-user} header, reviews split by weight, and the DestinationRules that define the subsets.
 */
public final class BookinfoRoutes {

    /** The subsets of each Bookinfo service, as Istio's {@code destination-rule-all.yaml} defines them. */
    public static final Map<String, List<String>> SUBSETS;

    static {
        Map<String, List<String>> subsets = new LinkedHashMap<>();
        subsets.put("productpage", List.of("v1"));
        subsets.put("reviews", List.of("v1", "v2", "v3"));
        subsets.put("ratings", List.of("v1"));
        subsets.put("details", List.of("v1", "v2"));
        SUBSETS = java.util.Collections.unmodifiableMap(subsets);
    }

    private BookinfoRoutes() {
    }

    /** VirtualServices productpage, reviews, ratings and details, each sending everything to subset v1. */
    public static List<VirtualService> allV1(String namespace) {
        return SUBSETS.keySet().stream()
                .map(service -> virtualService(service, namespace, new HTTPRouteBuilder()
                        .withRoute(route(destination(service, "v1", 0), null)).build()))
                .toList();
    }

    /** VirtualService reviews: requests with header {@code end-user: jason} to v2, all others to v1. */
    public static VirtualService reviewsForJason(String namespace) {
        HTTPRoute jason = new HTTPRouteBuilder()
                .withMatch(new HTTPMatchRequestBuilder().withHeaders(Map.of("end-user", exact("jason"))).build())
                .withRoute(route(destination("reviews", "v2", 0), null))
                .build();
        HTTPRoute others = new HTTPRouteBuilder().withRoute(route(destination("reviews", "v1", 0), null)).build();
        return virtualService("reviews", namespace, jason, others);
    }

    /**
     * VirtualService reviews splitting traffic between v1 and v3.
     *
     * @param v1Percent the share of v1, 0 to 100; v3 gets the rest
     * @throws IllegalArgumentException for a share outside 0..100
     */
    public static VirtualService reviewsV1V3(String namespace, int v1Percent) {
        if (v1Percent < 0 || v1Percent > 100) {
            throw new IllegalArgumentException("the share of v1 is a percentage from 0 to 100, not " + v1Percent);
        }
        HTTPRoute split = new HTTPRouteBuilder()
                .withRoute(route(destination("reviews", "v1", 0), v1Percent),
                        route(destination("reviews", "v3", 0), 100 - v1Percent))
                .build();
        return virtualService("reviews", namespace, split);
    }

    /** One DestinationRule per service with all its subsets, selected by the pods' {@code version} label. */
    public static List<DestinationRule> destinationRules(String namespace) {
        return SUBSETS.entrySet().stream()
                .map(entry -> new DestinationRuleBuilder()
                        .withMetadata(meta(entry.getKey(), namespace))
                        .withNewSpec().withHost(entry.getKey())
                        .withSubsets(entry.getValue().stream().map(BookinfoRoutes::subset).toList())
                        .endSpec().build())
                .toList();
    }

    private static Subset subset(String version) {
        return new SubsetBuilder().withName(version).withLabels(Map.of("version", version)).build();
    }

    private static VirtualService virtualService(String host, String namespace, HTTPRoute... routes) {
        return new VirtualServiceBuilder()
                .withMetadata(meta(host, namespace))
                .withNewSpec().withHosts(host).withHttp(routes).endSpec()
                .build();
    }
}
