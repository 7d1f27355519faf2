package dev.meshwizard.ui.sidepanel;

import dev.meshwizard.cluster.watch.PodRow;
import dev.meshwizard.cluster.watch.Row;
import dev.meshwizard.cluster.watch.ServiceRow;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Text for the details pane and the filter. */
final class RowDetails {

    private RowDetails() {
    }

    static String describe(Row row) {
        StringBuilder text = new StringBuilder();
        if (row instanceof PodRow pod) {
            text.append("Pod ").append(pod.namespace()).append('/').append(pod.name()).append('\n');
            text.append("Status: ").append(pod.status()).append("   Ready: ").append(pod.ready()).append('/')
                    .append(pod.total()).append("   Restarts: ").append(pod.restarts()).append('\n');
            text.append("Node: ").append(pod.node().isEmpty() ? "(not scheduled)" : pod.node()).append('\n');
            text.append("Istio sidecar: ").append(pod.sidecar() ? "yes" : "no").append('\n');
            section(text, "Containers", pod.containers());
            section(text, "Conditions", pod.conditions());
            section(text, "Labels", pod.labels());
            section(text, "Annotations", pod.annotations());
        } else if (row instanceof ServiceRow service) {
            text.append("Service ").append(service.namespace()).append('/').append(service.name()).append('\n');
            text.append("Type: ").append(service.type()).append("   Cluster IP: ").append(service.clusterIp())
                    .append('\n');
            text.append("Ports: ").append(service.ports()).append('\n');
            text.append("External address: ").append(service.external().isEmpty() ? "(none)" : service.external())
                    .append('\n');
            section(text, "Selector", service.selector());
            section(text, "Labels", service.labels());
            section(text, "Annotations", service.annotations());
        }
        return text.toString();
    }

    /** Lower-case text the filter tokens are matched against. */
    static String searchText(Row row) {
        String extra = "";
        if (row instanceof PodRow pod) {
            extra = pod.status() + " " + pod.node() + (pod.sidecar() ? " sidecar" : "");
        } else if (row instanceof ServiceRow service) {
            extra = service.type() + " " + service.external() + " " + service.ports();
        }
        return (row.namespace() + "/" + row.name() + " " + extra).toLowerCase(Locale.ROOT);
    }

    private static void section(StringBuilder text, String title, List<String> lines) {
        text.append('\n').append(title).append(':').append('\n');
        if (lines.isEmpty()) {
            text.append("  (none)\n");
        }
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
    }

    private static void section(StringBuilder text, String title, Map<String, String> entries) {
        text.append('\n').append(title).append(':').append('\n');
        if (entries.isEmpty()) {
            text.append("  (none)\n");
        }
        new TreeMap<>(entries).forEach((k, v) -> text.append("  ").append(k).append(": ").append(v).append('\n'));
    }
}
