package dev.meshwizard.mesh;

import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.DestinationBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestinationBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** Small pieces the routing templates share. */
public final class IstioObjects {

    private IstioObjects() {
    }

    /** Metadata with a name and a namespace. */
    public static ObjectMeta meta(String name, String namespace) {
        return new ObjectMetaBuilder().withName(name).withNamespace(namespace).build();
    }

    /** A destination: a host, its subset ("" or null for none) and its port (0 for none). */
    public static Destination destination(String host, String subset, int port) {
        DestinationBuilder destination = new DestinationBuilder().withHost(host);
        if (subset != null && !subset.isEmpty()) {
            destination.withSubset(subset);
        }
        if (port > 0) {
            destination.withNewPort().withNumber((long) port).endPort();
        }
        return destination.build();
    }

    /** A route destination with a weight (null for none). */
    public static HTTPRouteDestination route(Destination destination, Integer weight) {
        return new HTTPRouteDestinationBuilder().withDestination(destination).withWeight(weight).build();
    }

    /** Matches a string exactly. */
    public static StringMatch exact(String value) {
        return new StringMatch(new StringMatchExact(value));
    }

    /** Matches a string's beginning. */
    public static StringMatch prefix(String value) {
        return new StringMatch(new StringMatchPrefix(value));
    }
}
