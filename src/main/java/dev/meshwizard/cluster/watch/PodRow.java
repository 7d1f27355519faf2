package dev.meshwizard.cluster.watch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A pod as the side panel shows it.
 *
 * @param status     as kubectl prints it: Running, Pending, ContainerCreating, CrashLoopBackOff, Completed, …
 * @param sidecar    whether an {@code istio-proxy} container (or native-sidecar init container) is present
 * @param conditions e.g. {@code "Ready=True"}, {@code "PodScheduled=False (Unschedulable: …)"}
 * @param containers e.g. {@code "istio-proxy docker.io/istio/proxyv2:1.24.0 (ready, 0 restarts)"}
 */
public record PodRow(String key, String namespace, String name, int ready, int total, String status,
                     int restarts, Instant created, String node, boolean sidecar,
                     Map<String, String> labels, Map<String, String> annotations,
                     List<String> conditions, List<String> containers) implements Row {

    public PodRow {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        conditions = List.copyOf(conditions);
        containers = List.copyOf(containers);
    }
}
