package dev.meshwizard.samples;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * The httpbin sample: Service {@code httpbin} port 8000 (named {@code http}) to the pods' 8080, its
 * ServiceAccount, and a Deployment of {@value #IMAGE}.
 *
 * @param namespace the namespace of every object
 */
public record Httpbin(String namespace) {

    /** The image Istio's httpbin sample runs. */
    public static final String IMAGE = "docker.io/mccutchen/go-httpbin:v2.15.0";
    /** The Service port. */
    public static final int PORT = 8000;
    /** The port the container listens on. */
    public static final int TARGET_PORT = 8080;

    public Httpbin {
        namespace = Bookinfo.blankToDefault(namespace, "default");
    }

    /** The ServiceAccount, Service and Deployment. */
    public List<HasMetadata> objects() {
        return List.of(
                SampleObjects.serviceAccount("httpbin", namespace, "httpbin"),
                SampleObjects.service("httpbin", namespace, "http", PORT, TARGET_PORT),
                SampleObjects.deployment("httpbin", namespace, "httpbin", "v1", IMAGE, TARGET_PORT, "httpbin",
                        List.of()));
    }
}
