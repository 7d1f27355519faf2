package dev.meshwizard.mesh;

import java.util.List;
import java.util.Objects;

/**
 * The form of a DestinationRule: its host, subsets and load balancer.
 *
 * @param host         the service it applies to, required
 * @param subsets      the subsets, in the order of the document
 * @param loadBalancer one of {@link #LOAD_BALANCERS}, "" for none
 */
public record DestinationRuleForm(String host, List<Subset> subsets, String loadBalancer) implements RoutingForm {

    /** The simple load balancers of a traffic policy; "" for none. */
    public static final List<String> LOAD_BALANCERS = List.of("", "ROUND_ROBIN", "LEAST_REQUEST", "RANDOM",
            "PASSTHROUGH");

    public DestinationRuleForm {
        host = Objects.requireNonNullElse(host, "");
        subsets = List.copyOf(Objects.requireNonNullElse(subsets, List.of()));
        loadBalancer = Objects.requireNonNullElse(loadBalancer, "");
    }

    /**
     * One subset.
     *
     * @param name   its name, required
     * @param labels the pod labels it selects as {@code key=value} entries
     */
    public record Subset(String name, List<String> labels) {

        public Subset {
            name = Objects.requireNonNullElse(name, "");
            labels = List.copyOf(Objects.requireNonNullElse(labels, List.of()));
        }
    }
}
