package dev.meshwizard.samples;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Istio's Bookinfo sample built from its facts: the Services {@code details}, {@code ratings}, {@code reviews} and
 * {@code productpage} on port 9080, a ServiceAccount {@code bookinfo-<service>} each, and the Deployments
 * {@code details-v1}, {@code ratings-v1}, {@code reviews-v1..v3} and {@code productpage-v1}, whose images are
 * {@code <registry>/examples-bookinfo-<service>-<version>:<tag>}.
 *
 * @param registry  image registry and path, e.g. {@value #DEFAULT_REGISTRY}
 * @param tag       image tag, e.g. {@value #DEFAULT_TAG}
 * @param namespace the namespace of every object
 */
public record Bookinfo(String registry, String tag, String namespace) {

    /** Where Istio publishes the Bookinfo images. */
    public static final String DEFAULT_REGISTRY = "docker.io/istio";
    /** The image tag used unless another is set. */
    public static final String DEFAULT_TAG = "1.20.3";
    /** The port every Bookinfo service listens on. */
    public static final int PORT = 9080;

    /** The services, in the order their objects are written. */
    public static final List<String> SERVICES = List.of("details", "ratings", "reviews", "productpage");

    public Bookinfo {
        registry = blankToDefault(registry, DEFAULT_REGISTRY);
        while (registry.endsWith("/")) {
            registry = registry.substring(0, registry.length() - 1);
        }
        tag = blankToDefault(tag, DEFAULT_TAG);
        namespace = blankToDefault(namespace, "default");
    }

    /** Bookinfo with the default registry and tag. */
    public static Bookinfo in(String namespace) {
        return new Bookinfo(DEFAULT_REGISTRY, DEFAULT_TAG, namespace);
    }

    public Bookinfo withRegistry(String newRegistry) {
        return new Bookinfo(newRegistry, tag, namespace);
    }

    public Bookinfo withTag(String newTag) {
        return new Bookinfo(registry, newTag, namespace);
    }

    /** The versions a service is deployed in: v1, v2 and v3 for reviews, v1 for the others. */
    public static List<String> versions(String service) {
        return "reviews".equals(service) ? List.of("v1", "v2", "v3") : List.of("v1");
    }

    /** The image of one version of a service, e.g. {@code docker.io/istio/examples-bookinfo-reviews-v2:1.20.3}. */
    public String image(String service, String version) {
        return registry + "/examples-bookinfo-" + service + "-" + version + ":" + tag;
    }

    /** Every object, per service: its Service, ServiceAccount and Deployments. */
    public List<HasMetadata> objects() {
        List<HasMetadata> objects = new ArrayList<>();
        for (String service : SERVICES) {
            String account = "bookinfo-" + service;
            objects.add(SampleObjects.service(service, namespace, "http", PORT, PORT));
            objects.add(SampleObjects.serviceAccount(account, namespace, service));
            for (String version : versions(service)) {
                objects.add(SampleObjects.deployment(service + "-" + version, namespace, service, version,
                        image(service, version), PORT, account, List.of()));
            }
        }
        return objects;
    }

    static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
