package dev.meshwizard.cluster.watch;

import static dev.meshwizard.testing.TestPods.pod;
import static dev.meshwizard.testing.TestPods.running;
import static dev.meshwizard.testing.TestPods.terminated;
import static dev.meshwizard.testing.TestPods.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowsTest {

    private static ServiceBuilder service(String type) {
        return new ServiceBuilder()
                .withNewMetadata().withNamespace("istio-system").withName("istio-ingressgateway").withUid("svc-uid")
                .withCreationTimestamp("2025-01-15T10:00:00Z").addToLabels("istio", "ingressgateway").endMetadata()
                .withNewSpec().withType(type).withClusterIP("10.96.12.7").addToSelector("istio", "ingressgateway")
                .withPorts(
                        new ServicePortBuilder().withName("status-port").withPort(15021)
                                .withTargetPort(new IntOrString(15021)).build(),
                        new ServicePortBuilder().withName("http2").withPort(80)
                                .withTargetPort(new IntOrString(8080)).build(),
                        new ServicePortBuilder().withName("https").withPort(443)
                                .withTargetPort(new IntOrString(8443)).build())
                .endSpec();
    }

    @Test
    void loadBalancerWithAHostnameShowsTheHostname() {
        Service svc = service("LoadBalancer").withNewStatus().withNewLoadBalancer().addNewIngress()
                .withHostname("a1b2c3.elb.example.com").endIngress().endLoadBalancer().endStatus().build();

        ServiceRow row = Rows.service(svc);

        assertThat(row.external()).isEqualTo("a1b2c3.elb.example.com");
        assertThat(row.type()).isEqualTo("LoadBalancer");
        assertThat(row.ports()).isEqualTo("status-port 15021→15021, http2 80→8080, https 443→8443");
    }

    @Test
    void loadBalancerWithIpsShowsEveryIngressAndExternalIp() {
        Service svc = service("LoadBalancer").editSpec().withExternalIPs("192.0.2.50").endSpec()
                .withNewStatus().withNewLoadBalancer()
                .addNewIngress().withIp("203.0.113.10").withHostname("ignored.example.com").endIngress()
                .addNewIngress().withIp("203.0.113.11").endIngress()
                .endLoadBalancer().endStatus().build();

        assertThat(Rows.service(svc).external()).isEqualTo("203.0.113.10,203.0.113.11,192.0.2.50");
    }

    @Test
    void loadBalancerWithoutIngressIsPending() {
        assertThat(Rows.service(service("LoadBalancer").build()).external()).isEqualTo("pending");
    }

    @Test
    void clusterIpServiceHasNoExternalAddressUnlessExternalIpsAreSet() {
        Service plain = service("ClusterIP").build();
        Service withExternalIps = service("ClusterIP").editSpec().withExternalIPs("192.0.2.7").endSpec().build();

        assertThat(Rows.service(plain).external()).isEmpty();
        assertThat(Rows.service(plain).clusterIp()).isEqualTo("10.96.12.7");
        assertThat(Rows.service(withExternalIps).external()).isEqualTo("192.0.2.7");
    }

    @Test
    void nodePortServiceShowsNodePortsAfterTheTargetPort() {
        Service svc = new ServiceBuilder().withNewMetadata().withNamespace("bookinfo").withName("productpage")
                .endMetadata().withNewSpec().withType("NodePort")
                .addNewPort().withName("http").withPort(9080).withTargetPort(new IntOrString("http-web"))
                .withNodePort(31380).endPort()
                .addNewPort().withPort(53).withProtocol("UDP").withNodePort(31053).endPort()
                .endSpec().build();

        ServiceRow row = Rows.service(svc);

        assertThat(row.ports()).isEqualTo("http 9080→http-web/31380, 53→53/31053 UDP");
        assertThat(row.external()).isEmpty();
    }

    @Test
    void serviceRowCarriesMetadataAndSelector() {
        ServiceRow row = Rows.service(service(null).build());

        assertThat(row.key()).isEqualTo("svc-uid");
        assertThat(row.namespace()).isEqualTo("istio-system");
        assertThat(row.name()).isEqualTo("istio-ingressgateway");
        assertThat(row.type()).isEqualTo("ClusterIP");
        assertThat(row.created()).isEqualTo(Instant.parse("2025-01-15T10:00:00Z"));
        assertThat(row.labels()).containsExactly(Map.entry("istio", "ingressgateway"));
        assertThat(row.selector()).containsExactly(Map.entry("istio", "ingressgateway"));
    }

    @Test
    void podRowDescribesConditionsAndContainers() {
        Pod pod = pod("bookinfo", "reviews-v2-5b667bcbf8-x7k2q").uid("pod-uid").node("worker-1")
                .label("app", "reviews").annotation("sidecar.istio.io/status", "{}")
                .initContainer("istio-init", "docker.io/istio/proxyv2:1.24.0")
                .container("reviews", "docker.io/istio/examples-bookinfo-reviews-v2:1.20.2").istioProxy()
                .phase("Running")
                .initStatuses(terminated("istio-init", 0, "Completed", 0))
                .statuses(waiting("reviews", "CrashLoopBackOff", 1), running("istio-proxy", true, 0))
                .condition("Initialized", true).condition("Ready", false, "ContainersNotReady",
                        "containers with unready status: [reviews]")
                .build();

        PodRow row = Rows.pod(pod);

        assertThat(row.key()).isEqualTo("pod-uid");
        assertThat(row.status()).isEqualTo("CrashLoopBackOff");
        assertThat(row.ready()).isEqualTo(1);
        assertThat(row.total()).isEqualTo(2);
        assertThat(row.restarts()).isEqualTo(1);
        assertThat(row.node()).isEqualTo("worker-1");
        assertThat(row.sidecar()).isTrue();
        assertThat(row.labels()).containsEntry("app", "reviews");
        assertThat(row.conditions()).containsExactly("Initialized=True",
                "Ready=False (ContainersNotReady: containers with unready status: [reviews])");
        assertThat(row.containers()).containsExactly(
                "init:istio-init docker.io/istio/proxyv2:1.24.0 (terminated: Completed, 0 restarts)",
                "reviews docker.io/istio/examples-bookinfo-reviews-v2:1.20.2 (waiting: CrashLoopBackOff, 1 restart)",
                "istio-proxy docker.io/istio/proxyv2:1.24.0 (ready, 0 restarts)");
    }

    @Test
    void nativeSidecarIsListedAsASidecarContainer() {
        Pod pod = pod("bookinfo", "ratings").nativeSidecar("istio-proxy", "docker.io/istio/proxyv2:1.24.0")
                .container("ratings", "ratings:1").phase("Running")
                .initStatuses(running("istio-proxy", false, 0)).statuses(terminated("ratings", 2, "Error", 3))
                .build();

        assertThat(Rows.pod(pod).containers()).containsExactly(
                "istio-proxy docker.io/istio/proxyv2:1.24.0 (sidecar, running, not ready, 0 restarts)",
                "ratings ratings:1 (terminated: Error (exit code 2), 3 restarts)");
    }

    @Test
    void podWithoutUidIsKeyedByNamespaceAndNameAndWithoutStatusHasNotStartedContainers() {
        Pod pod = pod("default", "curl").container("curl", "curlimages/curl:8.5.0").build();

        PodRow row = Rows.pod(pod);

        assertThat(row.key()).isEqualTo("default/curl");
        assertThat(row.status()).isEqualTo("Pending");
        assertThat(row.containers()).containsExactly("curl curlimages/curl:8.5.0 (not started, 0 restarts)");
        assertThat(row.conditions()).isEmpty();
    }
}
