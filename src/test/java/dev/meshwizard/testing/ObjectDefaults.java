package dev.meshwizard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The defaults an API server fills in before it stores an object, for the kinds the product writes and reads back:
 * a Deployment's replicas (1), strategy (RollingUpdate, 25% / 25%), revision history and progress deadline; a
 * DaemonSet's and StatefulSet's update strategy; a pod spec's restart and DNS policy, scheduler, grace period and
 * each container's {@code imagePullPolicy} (Always for {@code :latest} or no tag, IfNotPresent otherwise),
 * termination message and port protocol; a Service's type (ClusterIP), session affinity (None), port protocol and
 * target port, a cluster IP and, for NodePort and LoadBalancer, node ports; a Namespace's phase and
 * {@code kubernetes.io/metadata.name} label. Only what is missing is set.
 */
final class ObjectDefaults {

    private final AtomicInteger nextAddress = new AtomicInteger(10);
    private final AtomicInteger nextNodePort = new AtomicInteger(30000);

    /** Fills in the defaults of {@code object} stored at {@code path}; {@code create} for a new object. */
    void apply(ApiPath path, ObjectNode object, boolean create) {
        ObjectNode spec = object.get("spec") instanceof ObjectNode s ? s : null;
        String resource = path.group() + "/" + path.resource();
        switch (resource) {
            case "apps/deployments" -> {
                if (spec != null) {
                    deployment(spec);
                }
            }
            case "apps/daemonsets" -> {
                if (spec != null) {
                    ObjectNode strategy = object(spec, "updateStrategy");
                    strategy.putIfAbsent("type", text("RollingUpdate"));
                    if ("RollingUpdate".equals(strategy.path("type").asText())) {
                        object(strategy, "rollingUpdate").putIfAbsent("maxUnavailable", number(1));
                        object(strategy, "rollingUpdate").putIfAbsent("maxSurge", number(0));
                    }
                    spec.putIfAbsent("revisionHistoryLimit", number(10));
                    template(spec);
                }
            }
            case "apps/statefulsets" -> {
                if (spec != null) {
                    spec.putIfAbsent("replicas", number(1));
                    spec.putIfAbsent("podManagementPolicy", text("OrderedReady"));
                    ObjectNode strategy = object(spec, "updateStrategy");
                    strategy.putIfAbsent("type", text("RollingUpdate"));
                    spec.putIfAbsent("revisionHistoryLimit", number(10));
                    template(spec);
                }
            }
            case "/pods" -> {
                if (spec != null) {
                    podSpec(spec);
                }
            }
            case "/services" -> {
                if (spec != null) {
                    service(spec, create);
                }
            }
            case "/namespaces" -> namespace(object);
            default -> {
            }
        }
    }

    private static void deployment(ObjectNode spec) {
        spec.putIfAbsent("replicas", number(1));
        ObjectNode strategy = object(spec, "strategy");
        strategy.putIfAbsent("type", text("RollingUpdate"));
        if ("RollingUpdate".equals(strategy.path("type").asText())) {
            ObjectNode rolling = object(strategy, "rollingUpdate");
            rolling.putIfAbsent("maxUnavailable", text("25%"));
            rolling.putIfAbsent("maxSurge", text("25%"));
        }
        spec.putIfAbsent("revisionHistoryLimit", number(10));
        spec.putIfAbsent("progressDeadlineSeconds", number(600));
        template(spec);
    }

    private static void template(ObjectNode spec) {
        if (spec.get("template") instanceof ObjectNode template && template.get("spec") instanceof ObjectNode pod) {
            podSpec(pod);
        }
    }

    private static void podSpec(ObjectNode spec) {
        spec.putIfAbsent("restartPolicy", text("Always"));
        spec.putIfAbsent("dnsPolicy", text("ClusterFirst"));
        spec.putIfAbsent("schedulerName", text("default-scheduler"));
        spec.putIfAbsent("terminationGracePeriodSeconds", number(30));
        spec.putIfAbsent("securityContext", spec.objectNode());
        for (String list : new String[] {"containers", "initContainers"}) {
            for (JsonNode node : spec.path(list)) {
                if (node instanceof ObjectNode container) {
                    container(container);
                }
            }
        }
    }

    private static void container(ObjectNode container) {
        String image = container.path("image").asText("");
        container.putIfAbsent("imagePullPolicy", text(pullsAlways(image) ? "Always" : "IfNotPresent"));
        container.putIfAbsent("terminationMessagePath", text("/dev/termination-log"));
        container.putIfAbsent("terminationMessagePolicy", text("File"));
        container.putIfAbsent("resources", container.objectNode());
        for (JsonNode port : container.path("ports")) {
            if (port instanceof ObjectNode p) {
                p.putIfAbsent("protocol", text("TCP"));
            }
        }
    }

    /** Whether the image names no tag, or the tag {@code latest} (and no digest). */
    static boolean pullsAlways(String image) {
        if (image.contains("@")) {
            return false;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon <= slash || image.substring(colon + 1).equals("latest");
    }

    private void service(ObjectNode spec, boolean create) {
        spec.putIfAbsent("type", text("ClusterIP"));
        spec.putIfAbsent("sessionAffinity", text("None"));
        String type = spec.path("type").asText();
        if (type.equals("ExternalName")) {
            return;
        }
        spec.putIfAbsent("internalTrafficPolicy", text("Cluster"));
        spec.putIfAbsent("ipFamilyPolicy", text("SingleStack"));
        if (!spec.has("ipFamilies")) {
            spec.putArray("ipFamilies").add("IPv4");
        }
        if (create && !spec.hasNonNull("clusterIP")) {
            int n = nextAddress.getAndIncrement();
            spec.put("clusterIP", "10.96." + (n / 250) + "." + (n % 250 + 1));
        }
        if (!spec.has("clusterIPs") && spec.hasNonNull("clusterIP")) {
            spec.putArray("clusterIPs").add(spec.get("clusterIP").asText());
        }
        boolean external = type.equals("NodePort") || type.equals("LoadBalancer");
        if (external) {
            spec.putIfAbsent("externalTrafficPolicy", text("Cluster"));
        }
        if (spec.get("ports") instanceof ArrayNode ports) {
            for (JsonNode node : ports) {
                if (node instanceof ObjectNode port) {
                    port.putIfAbsent("protocol", text("TCP"));
                    if (port.has("port")) {
                        port.putIfAbsent("targetPort", port.get("port"));
                    }
                    if (external && create && !port.has("nodePort")) {
                        port.put("nodePort", nextNodePort.getAndIncrement());
                    }
                }
            }
        }
    }

    private static void namespace(ObjectNode namespace) {
        String name = namespace.path("metadata").path("name").asText("");
        if (namespace.get("metadata") instanceof ObjectNode metadata && !name.isEmpty()) {
            object(metadata, "labels").putIfAbsent("kubernetes.io/metadata.name", text(name));
        }
        ObjectNode spec = object(namespace, "spec");
        if (!spec.has("finalizers")) {
            spec.putArray("finalizers").add("kubernetes");
        }
        object(namespace, "status").putIfAbsent("phase", text("Active"));
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        if (parent.get(field) instanceof ObjectNode child) {
            return child;
        }
        return parent.putObject(field);
    }

    private static JsonNode text(String value) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
    }

    private static JsonNode number(int value) {
        return com.fasterxml.jackson.databind.node.IntNode.valueOf(value);
    }
}
