package dev.meshwizard.samples;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;

/** The objects every sample is made of, built the way Istio's samples write them. */
final class SampleObjects {

    private SampleObjects() {
    }

    /**
     * A Service labelled {@code app} and {@code service}, selecting pods by {@code app}, with one port.
     *
     * @param targetPort the pods' port, or null for the same as {@code port} (written without a target port)
     */
    static Service service(String name, String namespace, String portName, int port, Integer targetPort) {
        return new ServiceBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(Map.of("app", name, "service", name)).endMetadata()
                .withNewSpec()
                .addNewPort().withName(portName).withPort(port)
                .withTargetPort(targetPort == null ? null : new IntOrString(targetPort))
                .endPort()
                .withSelector(Map.of("app", name))
                .endSpec().build();
    }

    /** A ServiceAccount labelled {@code account}. */
    static ServiceAccount serviceAccount(String name, String namespace, String account) {
        return new ServiceAccountBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(Map.of("account", account)).endMetadata()
                .build();
    }

    /**
     * A one-replica Deployment of one container named after {@code app}, its pods labelled {@code app} and
     * {@code version}.
     *
     * @param command the container's command, empty for the image's own
     */
    static Deployment deployment(String name, String namespace, String app, String version, String image,
                                 int containerPort, String serviceAccount, List<String> command) {
        Map<String, String> labels = Map.of("app", app, "version", version);
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withServiceAccountName(serviceAccount)
                .addNewContainer()
                .withName(app).withImage(image).withImagePullPolicy("IfNotPresent")
                .withCommand(command)
                .addNewPort().withContainerPort(containerPort).endPort()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec().build();
    }
}
