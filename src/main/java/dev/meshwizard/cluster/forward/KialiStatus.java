package dev.meshwizard.cluster.forward;

import java.util.Objects;

/**
 * Whether Kiali is in the cluster and serving.
 *
 * @param serviceExists true when Service {@code kiali} exists in the namespace
 * @param pods          pods labelled {@code app=kiali} in the namespace
 * @param readyPods     of those, the ready ones
 * @param prometheusUrl the Prometheus URL its ConfigMap names, empty when there is no ConfigMap or no URL in it
 */
public record KialiStatus(boolean serviceExists, int pods, int readyPods, String prometheusUrl) {

    public KialiStatus {
        Objects.requireNonNull(prometheusUrl, "prometheusUrl");
    }

    /** True when Kiali's Service or pods exist (ready or not). */
    public boolean installed() {
        return serviceExists || pods > 0;
    }

    /** True when the Service exists and at least one pod is ready. */
    public boolean ready() {
        return serviceExists && readyPods > 0;
    }
}
