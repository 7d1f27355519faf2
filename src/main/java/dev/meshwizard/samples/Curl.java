package dev.meshwizard.samples;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;

/**
 * The curl sample as Istio ships it, a client to send requests from inside the mesh: ServiceAccount {@code curl},
 * Service {@code curl} on port 80 (named {@code http}), and a Deployment of {@value #IMAGE} that sleeps, stops at once
 * ({@code terminationGracePeriodSeconds: 0}) and mounts the Secret {@code curl-secret} at {@code /etc/curl/tls} when
 * there is one (for trying TLS origination).
 *
 * @param namespace the namespace of every object
 */
public record Curl(String namespace) {

    /** The image the curl sample runs, pinned. */
    public static final String IMAGE = "curlimages/curl:8.16.0";

    public Curl {
        namespace = Bookinfo.blankToDefault(namespace, "default");
    }

    /** The ServiceAccount, Service and Deployment. */
    public List<HasMetadata> objects() {
        return List.of(
                new ServiceAccountBuilder().withNewMetadata().withName("curl").withNamespace(namespace).endMetadata()
                        .build(),
                SampleObjects.service("curl", namespace, "http", 80, null),
                deployment());
    }

    private Deployment deployment() {
        Map<String, String> labels = Map.of("app", "curl");
        return new DeploymentBuilder()
                .withNewMetadata().withName("curl").withNamespace(namespace).endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withTerminationGracePeriodSeconds(0L)
                .withServiceAccountName("curl")
                .addNewContainer()
                .withName("curl").withImage(IMAGE).withCommand("/bin/sleep", "infinity")
                .withImagePullPolicy("IfNotPresent")
                .addNewVolumeMount().withMountPath("/etc/curl/tls").withName("secret-volume").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("secret-volume")
                .withNewSecret().withSecretName("curl-secret").withOptional(true).endSecret()
                .endVolume()
                .endSpec()
                .endTemplate()
                .endSpec().build();
    }
}
