package dev.meshwizard.testing;

import static dev.meshwizard.testing.TestPods.pod;
import static dev.meshwizard.testing.TestPods.running;
import static dev.meshwizard.testing.TestPods.terminated;
import static dev.meshwizard.testing.TestPods.waiting;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/** The sample objects of a {@link SimulatedCluster}: a small mesh with Bookinfo half installed. */
public final class SampleCluster {

    /** The node every scheduled sample pod runs on. */
    public static final String NODE = "simulated-node-1";
    public static final String PROXY_IMAGE = "docker.io/istio/proxyv2:1.24.0";
    /** The pod whose readiness the demo churn toggles. */
    public static final String CHURN_POD = "reviews-v2-6c5b7cf8d4-w7k9s";
    /** The pod that keeps crashing in the demo. */
    public static final String CRASHING_POD = "ratings-v1-6d8c9b7f5-m2n4k";

    private SampleCluster() {
    }

    /** Creates the sample objects; see {@link SimulatedCluster#seedSample()}. */
    public static void seed(KubernetesClient client) {
        seed(client, true);
    }

    /**
     * Seeds the sample; with {@code istio}, Istio's CRDs too ({@link KnownCrds#istio()}). Without, nothing is put in
     * istio-system and no CRD is created, so that real Helm can install Istio
     * there (Helm refuses to take over objects it did not create).
     */
    public static void seed(KubernetesClient client, boolean istio) {
        for (String namespace : istio ? List.of("istio-system", "default", "bookinfo") : List.of("default", "bookinfo")) {
            NamespaceBuilder ns = new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata();
            if (namespace.equals("bookinfo")) {
                ns.editMetadata().addToLabels("istio-injection", "enabled").endMetadata();
            }
            if (client.namespaces().withName(namespace).get() == null) {
                client.namespaces().resource(ns.build()).create();
            }
        }
        if (istio) {
            KnownCrds.istio().forEach(crd -> client.apiextensions().v1().customResourceDefinitions().resource(crd)
                    .create());
        }
        List.of(curl(), productpage(), details(), reviewsPending(), reviewsV2(true), ratingsCrashing(5))
                .forEach(p -> client.resource(p).create());
        List.of(
                service("default", "kubernetes", "ClusterIP", "10.96.0.1", port("https", 443, 6443, null)),
                service("bookinfo", "productpage", "ClusterIP", "10.96.40.11", port("http", 9080, 9080, null)),
                service("bookinfo", "details", "ClusterIP", "10.96.40.12", port("http", 9080, 9080, null)),
                service("bookinfo", "reviews", "ClusterIP", "10.96.40.13", port("http", 9080, 9080, null)),
                service("bookinfo", "ratings", "ClusterIP", "10.96.40.14", port("http", 9080, 9080, null)),
                service("bookinfo", "productpage-external", "LoadBalancer", "10.96.40.20",
                        port("http", 80, 9080, 30980)))
                .forEach(s -> client.resource(s).create());
        if (!istio) {
            return;
        }
        List.of(istiod(), ingressGateway()).forEach(p -> client.resource(p).create());
        List.of(
                service("istio-system", "istiod", "ClusterIP", "10.96.20.10", port("grpc-xds", 15010, 15010, null),
                        port("https-dns", 15012, 15012, null), port("https-webhook", 443, 15017, null),
                        port("http-monitoring", 15014, 15014, null)),
                ingressGatewayService())
                .forEach(s -> client.resource(s).create());
    }

    /** The reviews-v2 pod, Running 2/2 when {@code ready}, else Running 1/2 with its app container not ready. */
    public static Pod reviewsV2(boolean ready) {
        return withSidecar(pod("bookinfo", CHURN_POD).label("app", "reviews").label("version", "v2"))
                .container("reviews", "docker.io/istio/examples-bookinfo-reviews-v2:1.20.2")
                .phase("Running")
                .statuses(running("reviews", ready, 0), running("istio-proxy", true, 0))
                .scheduledConditions(ready).build();
    }

    /** The ratings pod: crash-looping, or (when {@code up}) briefly running and not yet ready. */
    public static Pod ratings(boolean up, int restarts) {
        TestPods.Builder builder = withSidecar(pod("bookinfo", CRASHING_POD).label("app", "ratings")
                .label("version", "v1"))
                .container("ratings", "docker.io/istio/examples-bookinfo-ratings-v1:1.20.2").phase("Running")
                .statuses(up ? running("ratings", false, restarts) : waiting("ratings", "CrashLoopBackOff", restarts),
                        running("istio-proxy", true, 0));
        return builder.scheduledConditions(false).build();
    }

    private static Pod ratingsCrashing(int restarts) {
        return ratings(false, restarts);
    }

    private static TestPods.Builder withSidecar(TestPods.Builder builder) {
        return builder.node(NODE).annotation("sidecar.istio.io/status", "{\"initContainers\":[\"istio-init\"],"
                        + "\"containers\":[\"istio-proxy\"]}")
                .label("security.istio.io/tlsMode", "istio")
                .initContainer("istio-init", PROXY_IMAGE).istioProxy()
                .initStatuses(terminated("istio-init", 0, "Completed", 0));
    }

    private static Pod istiod() {
        return pod("istio-system", "istiod-6d7f8b9c5-x2m4k").node(NODE).label("app", "istiod")
                .label("istio", "pilot").container("discovery", "docker.io/istio/pilot:1.24.0").phase("Running")
                .statuses(running("discovery", true, 0)).scheduledConditions(true).build();
    }

    private static Pod ingressGateway() {
        return pod("istio-system", "istio-ingressgateway-7c9d8f6b4-q8w2n").node(NODE)
                .label("app", "istio-ingressgateway").label("istio", "ingressgateway").istioProxy()
                .phase("Running").statuses(running("istio-proxy", true, 0)).scheduledConditions(true).build();
    }

    private static Pod curl() {
        return pod("default", "curl-7b9d8c6f5-h4j2k").node(NODE).label("app", "curl")
                .container("curl", "docker.io/curlimages/curl:8.11.0").phase("Running")
                .statuses(running("curl", true, 0)).scheduledConditions(true).build();
    }

    private static Pod productpage() {
        return withSidecar(pod("bookinfo", "productpage-v1-5c5f4c8b9d-7xk2p").label("app", "productpage")
                .label("version", "v1"))
                .container("productpage", "docker.io/istio/examples-bookinfo-productpage-v1:1.20.2")
                .phase("Running").statuses(running("productpage", true, 0), running("istio-proxy", true, 0))
                .scheduledConditions(true).build();
    }

    /** Created before injection was enabled: no sidecar. */
    private static Pod details() {
        return pod("bookinfo", "details-v1-65cfcf56f9-4zq8m").node(NODE).label("app", "details")
                .label("version", "v1").container("details", "docker.io/istio/examples-bookinfo-details-v1:1.20.2")
                .phase("Running").statuses(running("details", true, 0)).scheduledConditions(true).build();
    }

    private static Pod reviewsPending() {
        return pod("bookinfo", "reviews-v1-7f6b9c8d5-pq3rt").label("app", "reviews").label("version", "v1")
                .container("reviews", "docker.io/istio/examples-bookinfo-reviews-v1:1.20.2")
                .condition("PodScheduled", false, "Unschedulable",
                        "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: "
                                + "1 No preemption victims found for incoming pod.")
                .build();
    }

    private static Service ingressGatewayService() {
        Service service = service("istio-system", "istio-ingressgateway", "LoadBalancer", "10.96.30.20",
                port("status-port", 15021, 15021, 31021), port("http2", 80, 8080, 31080),
                port("https", 443, 8443, 31443));
        service.getMetadata().getLabels().put("istio", "ingressgateway");
        service.getSpec().getSelector().put("istio", "ingressgateway");
        return new ServiceBuilder(service).withNewStatus().withNewLoadBalancer().addNewIngress()
                .withIp("127.0.0.1").withIpMode("VIP").endIngress().endLoadBalancer().endStatus().build();
    }

    private static Service service(String namespace, String name, String type, String clusterIp,
                                   ServicePort... ports) {
        ServiceBuilder builder = new ServiceBuilder().withNewMetadata().withNamespace(namespace).withName(name)
                .addToLabels("app", name).endMetadata()
                .withNewSpec().withType(type).withClusterIP(clusterIp).withClusterIPs(clusterIp)
                .withPorts(ports).endSpec();
        if (!name.equals("kubernetes")) {
            builder.editSpec().addToSelector("app", name.replace("-external", "")).endSpec();
        }
        return builder.build();
    }

    private static ServicePort port(String name, int port, int targetPort, Integer nodePort) {
        return new ServicePortBuilder().withName(name).withProtocol("TCP").withPort(port)
                .withTargetPort(new IntOrString(targetPort)).withNodePort(nodePort).build();
    }
}
