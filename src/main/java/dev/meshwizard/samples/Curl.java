package dev.meshwizard.samples;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * The curl sample, a client to send requests from inside the mesh: a Deployment of {@value #IMAGE} that sleeps,
 * its ServiceAccount, and a Service on port 80.
 *
 * @param namespace the namespace of every object
 */
public record Curl(String namespace) {

    /** The image the curl sample runs. */
    public static final String IMAGE = "curlimages/curl";

    public Curl {
        namespace = Bookinfo.blankToDefault(namespace, "default");
    }

    /** The ServiceAccount, Service and Deployment. */
    public List<HasMetadata> objects() {
        return List.of(
                SampleObjects.serviceAccount("curl", namespace, "curl"),
                SampleObjects.service("curl", namespace, "http", 80, 80),
                SampleObjects.deployment("curl", namespace, "curl", "v1", IMAGE, 80, "curl",
                        List.of("/bin/sleep", "infinity")));
    }
}
