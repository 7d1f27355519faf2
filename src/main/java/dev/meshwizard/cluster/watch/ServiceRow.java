package dev.meshwizard.cluster.watch;

import java.time.Instant;
import java.util.Map;

/**
 * A service as the side panel shows it.
 *
 * @param ports    e.g. {@code "status-port 15021→15021, http2 80→8080/31380"}
 * @param external load-balancer hostname or IP; "pending" for a LoadBalancer without one yet; "" otherwise
 */
public record ServiceRow(String key, String namespace, String name, String type, String clusterIp,
                         String ports, String external, Instant created, Map<String, String> labels,
                         Map<String, String> annotations, Map<String, String> selector) implements Row {

    public ServiceRow {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        selector = Map.copyOf(selector);
    }
}
