package dev.meshwizard.cluster.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order objects are applied in: what others live in or refer to first (Namespaces, CRDs, ServiceAccounts,
 * Secrets, ConfigMaps, RBAC), then Services, then workloads, then other kinds, Istio's configuration last. The
 * input order is kept within each rank. Deletion runs in the reverse order.
 */
final class ApplyOrder {

    private static final Map<String, Integer> RANKS = Map.ofEntries(
            Map.entry("Namespace", 0),
            Map.entry("CustomResourceDefinition", 1),
            Map.entry("ServiceAccount", 2), Map.entry("Secret", 2), Map.entry("ConfigMap", 2),
            Map.entry("ClusterRole", 3), Map.entry("Role", 3),
            Map.entry("ClusterRoleBinding", 4), Map.entry("RoleBinding", 4),
            Map.entry("Service", 5),
            Map.entry("Deployment", 6), Map.entry("StatefulSet", 6), Map.entry("DaemonSet", 6),
            Map.entry("ReplicaSet", 6), Map.entry("Job", 6), Map.entry("CronJob", 6), Map.entry("Pod", 6));
    private static final int OTHER = 7;
    private static final int ISTIO = 8;

    private ApplyOrder() {
    }

    static <T extends HasMetadata> List<T> forApply(List<T> objects) {
        List<T> sorted = new ArrayList<>(objects);
        sorted.sort(Comparator.comparingInt(ApplyOrder::rank));
        return sorted;
    }

    static <T extends HasMetadata> List<T> forDelete(List<T> objects) {
        List<T> sorted = forApply(objects);
        java.util.Collections.reverse(sorted);
        return sorted;
    }

    static int rank(HasMetadata object) {
        String apiVersion = object.getApiVersion() == null ? "" : object.getApiVersion();
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        if (group.equals("istio.io") || group.endsWith(".istio.io")) {
            return ISTIO;
        }
        return RANKS.getOrDefault(object.getKind(), OTHER);
    }
}
