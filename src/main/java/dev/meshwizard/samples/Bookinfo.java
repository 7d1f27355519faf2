package dev.meshwizard.samples;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Istio's Bookinfo sample as Istio 1.30 ships it ({@code samples/bookinfo/platform/kube/bookinfo.yaml}), built from
 * its facts: the Services {@code details}, {@code ratings}, {@code reviews} and {@code productpage} on port 9080, a
 * ServiceAccount {@code bookinfo-<service>} each, and the Deployments {@code details-v1}, {@code ratings-v1},
 * {@code reviews-v1..v3} and {@code productpage-v1}, whose images are
 * {@code <registry>/examples-bookinfo-<service>-<version>:<tag>}. The services that write files get writable
 * {@code emptyDir} volumes, so the sample runs where containers have a read-only root file system: reviews logs to
 * {@code LOG_DIR=/tmp/logs} with {@code /tmp} and its server's output folder {@code /opt/ibm/wlp/output} as
 * volumes, productpage has {@code /tmp}; productpage's pods carry the Prometheus scrape annotations for its
 * {@code /metrics}.
 *
 * @param registry  image registry and path, e.g. {@value #DEFAULT_REGISTRY}
 * @param tag       image tag, e.g. {@value #DEFAULT_TAG}
 * @param namespace the namespace of every object
 */
public record Bookinfo(String registry, String tag, String namespace) {

    /** Where Istio publishes the Bookinfo images. */
    public static final String DEFAULT_REGISTRY = "registry.istio.io/release";
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
            objects.add(SampleObjects.service(service, namespace, "http", PORT, null));
            objects.add(SampleObjects.serviceAccount(account, namespace, service));
            for (String version : versions(service)) {
                objects.add(deployment(service, version, account));
            }
        }
        return objects;
    }

    private Deployment deployment(String service, String version, String account) {
        Deployment plain = SampleObjects.deployment(service + "-" + version, namespace, service, version,
                image(service, version), PORT, account, List.of());
        if ("reviews".equals(service)) {
            return new DeploymentBuilder(plain).editSpec().editTemplate().editSpec()
                    .editFirstContainer()
                    .addNewEnv().withName("LOG_DIR").withValue("/tmp/logs").endEnv()
                    .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                    .addNewVolumeMount().withName("wlp-output").withMountPath("/opt/ibm/wlp/output").endVolumeMount()
                    .endContainer()
                    .addNewVolume().withName("wlp-output").withNewEmptyDir().endEmptyDir().endVolume()
                    .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                    .endSpec().endTemplate().endSpec().build();
        }
        if ("productpage".equals(service)) {
            Map<String, String> scrape = new LinkedHashMap<>();
            scrape.put("prometheus.io/scrape", "true");
            scrape.put("prometheus.io/port", String.valueOf(PORT));
            scrape.put("prometheus.io/path", "/metrics");
            return new DeploymentBuilder(plain).editSpec().editTemplate()
                    .editMetadata().withAnnotations(scrape).endMetadata()
                    .editSpec()
                    .editFirstContainer()
                    .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                    .endContainer()
                    .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                    .endSpec().endTemplate().endSpec().build();
        }
        return plain;
    }

    static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
