package dev.meshwizard.testing;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/** The objects of an installed ingress gateway release {@code istio-ingressgateway} in istio-system. */
public final class GatewayObjects {

    public static final String NAMESPACE = "istio-system";
    public static final String RELEASE = "istio-ingressgateway";

    private GatewayObjects() {
    }

    /**
     * The gateway chart's Service: status port 15021 and http2 80 to the pods' 8080, selecting {@code
     * app=istio-ingressgateway,istio=ingressgateway}; with a load balancer address when {@code balancerIp} is not null.
     */
    public static Service service(String type, String balancerIp) {
        ServiceBuilder builder = new ServiceBuilder().withNewMetadata().withNamespace(NAMESPACE).withName(RELEASE)
                .addToLabels("app.kubernetes.io/instance", RELEASE).endMetadata()
                .withNewSpec().withType(type).addToSelector("app", RELEASE).addToSelector("istio", "ingressgateway")
                .addNewPort().withName("status-port").withPort(15021).withTargetPort(new IntOrString(15021)).endPort()
                .addNewPort().withName("http2").withPort(80).withTargetPort(new IntOrString(8080)).endPort()
                .endSpec();
        if (balancerIp != null) {
            builder.withNewStatus().withNewLoadBalancer().addNewIngress().withIp(balancerIp).endIngress()
                    .endLoadBalancer().endStatus();
        }
        return builder.build();
    }

    /** A ready gateway pod whose container is the proxy itself, as the gateway chart makes it. */
    public static Pod pod(String name) {
        return TestPods.pod(NAMESPACE, name).label("app", RELEASE).label("istio", "ingressgateway").node("n1")
                .istioProxy().phase("Running").scheduledConditions(true)
                .statuses(TestPods.running("istio-proxy", true, 0)).build();
    }
}
