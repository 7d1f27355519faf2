package dev.meshwizard.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;

/** Checks a cluster before an Istio install, like {@code istioctl x precheck}. */
final class Precheck {

    private final KubernetesClient client;

    Precheck(KubernetesClient client) {
        this.client = client;
    }

    PrecheckReport run(String istioVersion, String serverVersion) {
        throw new UnsupportedOperationException("TODO");
    }
}
