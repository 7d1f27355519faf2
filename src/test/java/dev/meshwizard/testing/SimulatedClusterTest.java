package dev.meshwizard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.cluster.watch.PodRow;
import dev.meshwizard.cluster.watch.Rows;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedClusterTest {

    private static SimulatedCluster cluster;

    @BeforeAll
    static void startSeededCluster() {
        cluster = SimulatedCluster.start().seedSample();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        KubernetesClient client = cluster.client();
        HttpRequest request = client.getHttpClient().newHttpRequestBuilder()
                .uri(cluster.url() + path).header("Accept", "application/json").build();
        return client.getHttpClient().sendAsync(request, String.class).get(10, TimeUnit.SECONDS);
    }

    @Test
    void discoveryListsTheCoreGroupsAndIstioGroups() throws Exception {
        HttpResponse<String> response = get("/apis");

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        APIGroupList groups = Serialization.unmarshal(response.body(), APIGroupList.class);
        assertThat(groups.getGroups()).extracting(g -> g.getName()).contains("apps", "rbac.authorization.k8s.io",
                "apiextensions.k8s.io", "admissionregistration.k8s.io", "policy", "autoscaling",
                "authorization.k8s.io", "batch", "coordination.k8s.io", "networking.k8s.io", "networking.istio.io",
                "security.istio.io", "telemetry.istio.io");
        assertThat(groups.getGroups()).filteredOn(g -> g.getName().equals("networking.istio.io"))
                .singleElement().satisfies(g -> assertThat(g.getPreferredVersion().getGroupVersion())
                        .isEqualTo("networking.istio.io/v1"));
    }

    @Test
    void coreResourceListNamesPodsWithTheirShortName() throws Exception {
        APIResourceList resources = Serialization.unmarshal(get("/api/v1").body(), APIResourceList.class);

        assertThat(resources.getGroupVersion()).isEqualTo("v1");
        assertThat(resources.getResources()).filteredOn(r -> r.getName().equals("pods")).singleElement()
                .satisfies(r -> {
                    assertThat(r.getKind()).isEqualTo("Pod");
                    assertThat(r.getNamespaced()).isTrue();
                    assertThat(r.getShortNames()).containsExactly("po");
                    assertThat(r.getVerbs()).contains("list", "watch");
                });
    }

    @Test
    void groupVersionResourceListsAreServed() throws Exception {
        APIResourceList resources = Serialization.unmarshal(get("/apis/networking.istio.io/v1").body(),
                APIResourceList.class);

        assertThat(resources.getResources()).extracting(APIResource::getName).contains("virtualservices",
                "gateways", "destinationrules");
    }

    @Test
    void versionReportsTheConfiguredGitVersion() {
        assertThat(cluster.client().getKubernetesVersion().getGitVersion()).isEqualTo(SimulatedCluster.DEFAULT_GIT_VERSION);
    }

    @Test
    void collectionsCarryTheirListKind() throws Exception {
        HttpResponse<String> response = get("/api/v1/namespaces/bookinfo/pods");

        assertThat(response.body()).startsWith("{\"apiVersion\":\"v1\",\"kind\":\"PodList\",");
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void clientListsTheSeededPodsAcrossNamespaces() {
        List<Pod> pods = cluster.client().pods().inAnyNamespace().list().getItems();

        assertThat(pods).extracting(p -> p.getMetadata().getNamespace()).contains("istio-system", "default",
                "bookinfo");
        assertThat(pods).extracting(p -> p.getMetadata().getName()).contains(SampleCluster.CHURN_POD,
                SampleCluster.CRASHING_POD, "reviews-v1-7f6b9c8d5-pq3rt");
        assertThat(pods).allSatisfy(p -> assertThat(p.getMetadata().getUid()).isNotBlank());
    }

    @Test
    void samplePodsShowASidecarAPendingPodAndACrashLoop() {
        Map<String, PodRow> rows = cluster.client().pods().inNamespace("bookinfo").list().getItems().stream()
                .map(Rows::pod).collect(Collectors.toMap(PodRow::name, r -> r));

        assertThat(rows.get("productpage-v1-5c5f4c8b9d-7xk2p")).satisfies(r -> {
            assertThat(r.status()).isEqualTo("Running");
            assertThat(r.sidecar()).isTrue();
            assertThat(r.ready() + "/" + r.total()).isEqualTo("2/2");
        });
        assertThat(rows.get("reviews-v1-7f6b9c8d5-pq3rt").status()).isEqualTo("Pending");
        assertThat(rows.get(SampleCluster.CRASHING_POD).status()).isEqualTo("CrashLoopBackOff");
        assertThat(rows.get("details-v1-65cfcf56f9-4zq8m").sidecar()).isFalse();
    }

    @Test
    void sampleHasAnIngressGatewayWithAnAddressAndAPendingLoadBalancer() {
        Service gateway = cluster.client().services().inNamespace("istio-system").withName("istio-ingressgateway")
                .get();
        Service pending = cluster.client().services().inNamespace("bookinfo").withName("productpage-external")
                .get();

        assertThat(gateway.getStatus().getLoadBalancer().getIngress()).isNotEmpty();
        assertThat(gateway.getSpec().getPorts()).extracting(p -> p.getName() + ":" + p.getPort())
                .containsExactly("status-port:15021", "http2:80", "https:443");
        assertThat(pending.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(Rows.service(gateway).ports()).isEqualTo(
                "status-port 15021→15021/31021, http2 80→8080/31080, https 443→8443/31443");
        assertThat(Rows.service(gateway).external()).isEqualTo("127.0.0.1");
        assertThat(Rows.service(pending).external()).isEqualTo("pending");
        assertThat(pending.getStatus() == null || pending.getStatus().getLoadBalancer() == null
                || pending.getStatus().getLoadBalancer().getIngress().isEmpty()).isTrue();
    }

    @Test
    void watchFromAResourceVersionSendsOnlyLaterChangesAndObjectsStoredDirectlyAreSeen() throws Exception {
        String listedAt = cluster.client().pods().inNamespace("bookinfo").list().getMetadata().getResourceVersion();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Watcher<Pod> watcher = new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                events.add(action + " " + pod.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        };
        Watch watch = cluster.client().pods().inNamespace("bookinfo")
                .watch(new ListOptionsBuilder().withResourceVersion(listedAt).build(), watcher);
        try {
            cluster.createAll(List.of(TestPods.pod("bookinfo", "late-arrival").container("app", "app:1").build()));

            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("ADDED late-arrival");
        } finally {
            watch.close();
        }
    }

    @Test
    void writtenKubeconfigGivesAWorkingClient(@TempDir Path dir) throws Exception {
        Path file = cluster.writeKubeconfig(dir.resolve("kubeconfig.yaml"), "simulated");

        Config config = Config.fromKubeconfig(Files.readString(file));
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            assertThat(config.getCurrentContext().getName()).isEqualTo("simulated");
            assertThat(client.getNamespace()).isEqualTo("default");
            assertThat(client.namespaces().list().getItems()).extracting(n -> n.getMetadata().getName())
                    .contains("istio-system", "bookinfo");
        }
    }
}
