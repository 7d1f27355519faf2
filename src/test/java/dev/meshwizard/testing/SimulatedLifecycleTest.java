package dev.meshwizard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated API's namespace and garbage collectors, CRD-driven discovery and expiring watches. */
class SimulatedLifecycleTest {

    private static final ResourceDefinitionContext VIRTUAL_SERVICES = new ResourceDefinitionContext.Builder()
            .withGroup("networking.istio.io").withVersion("v1").withPlural("virtualservices")
            .withKind("VirtualService").withNamespaced(true).build();

    private SimulatedCluster cluster;
    private KubernetesClient client;

    @BeforeEach
    void startCluster() {
        cluster = SimulatedCluster.start().createNamespaces("shop");
        client = cluster.client();
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private ConfigMap configMap(String namespace, String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .addToData("k", "v").build();
    }

    @Test
    void aDeletedNamespaceIsTerminatingRefusesNewObjectsAndGoesWithItsObjects() throws Exception {
        client.resource(configMap("shop", "settings")).create();

        client.namespaces().withName("shop").delete();

        assertThat(client.namespaces().withName("shop").get().getStatus().getPhase()).isEqualTo("Terminating");
        KubernetesClientException refused = catchThrowableOfType(KubernetesClientException.class,
                () -> client.resource(configMap("shop", "late")).create());
        assertThat(refused.getCode()).isEqualTo(403);
        assertThat(refused.getStatus().getMessage()).isEqualTo("configmaps \"late\" is forbidden: unable to create "
                + "new content in namespace shop because it is being terminated");
        await("the namespace is gone", () -> client.namespaces().withName("shop").get() == null);
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get()).isNull();
    }

    @Test
    void deletingADeploymentCollectsItsReplicaSetAndTheReplicaSetsPods() throws Exception {
        Deployment deployment = client.resource(new DeploymentBuilder().withNewMetadata().withName("web")
                .withNamespace("shop").endMetadata().withNewSpec().withNewSelector().addToMatchLabels("app", "web")
                .endSelector().withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
        ReplicaSet replicaSet = client.resource(new ReplicaSetBuilder().withNewMetadata().withName("web-1")
                .withNamespace("shop").withOwnerReferences(ownedBy(deployment)).endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withTemplate(deployment.getSpec().getTemplate()).endSpec().build()).create();
        Pod pod = TestPods.pod("shop", "web-1-abc").container("web", "nginx:1.27").build();
        pod.getMetadata().setUid(null);
        pod.getMetadata().setOwnerReferences(java.util.List.of(ownedBy(replicaSet)));
        client.resource(pod).create();
        client.resource(TestPods.pod("shop", "unrelated").container("app", "app:1").build()).create();

        client.resource(deployment).delete();

        await("the pod of the deployment's replica set is collected",
                () -> client.pods().inNamespace("shop").withName("web-1-abc").get() == null);
        assertThat(client.apps().replicaSets().inNamespace("shop").withName("web-1").get()).isNull();
        assertThat(client.pods().inNamespace("shop").withName("unrelated").get()).isNotNull();
    }

    private static io.fabric8.kubernetes.api.model.OwnerReference ownedBy(HasMetadata owner) {
        return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true)
                .build();
    }

    @Test
    void istioGroupsAreDiscoveredWhileTheirCrdsExistAndAKindWithoutCrdIsNotFound() throws Exception {
        assertThat(groups()).doesNotContain("networking.istio.io", "gateway.networking.k8s.io");
        KubernetesClientException absent = catchThrowableOfType(KubernetesClientException.class,
                () -> client.genericKubernetesResources(VIRTUAL_SERVICES).inNamespace("shop").list());
        assertThat(absent.getCode()).isEqualTo(404);
        assertThat(absent.getStatus().getMessage()).isEqualTo("the server could not find the requested resource");

        cluster.installIstioCrds();
        KnownCrds.gatewayApi().forEach(crd -> client.resource(crd).create());
        client.genericKubernetesResources(VIRTUAL_SERVICES).inNamespace("shop").resource(virtualService()).create();

        assertThat(groups()).contains("networking.istio.io", "security.istio.io", "telemetry.istio.io",
                "gateway.networking.k8s.io");
        assertThat(client.getApiGroup("networking.istio.io").getPreferredVersion().getVersion()).isEqualTo("v1");

        client.apiextensions().v1().customResourceDefinitions().withName("virtualservices.networking.istio.io")
                .delete();
        KnownCrds.gatewayApi().forEach(crd -> client.resource(crd).delete());

        assertThat(groups()).contains("networking.istio.io").doesNotContain("gateway.networking.k8s.io");
        KubernetesClientException gone = catchThrowableOfType(KubernetesClientException.class,
                () -> client.genericKubernetesResources(VIRTUAL_SERVICES).inNamespace("shop").list());
        assertThat(gone.getCode()).isEqualTo(404);
        cluster.installIstioCrds();
        await("the custom resources went with their CRD", () -> client.genericKubernetesResources(VIRTUAL_SERVICES)
                .inNamespace("shop").withName("reviews").get() == null);
    }

    private java.util.List<String> groups() {
        return client.getApiGroups().getGroups().stream().map(APIGroup::getName).toList();
    }

    private static GenericKubernetesResource virtualService() {
        return new GenericKubernetesResourceBuilder().withApiVersion("networking.istio.io/v1")
                .withKind("VirtualService").withNewMetadata().withName("reviews").withNamespace("shop").endMetadata()
                .addToAdditionalProperties("spec", java.util.Map.of("hosts", java.util.List.of("reviews"))).build();
    }

    @Test
    void aWatchFromBeforeAnExpiryIsGoneWith410() throws Exception {
        String listed = client.configMaps().inNamespace("shop").list().getMetadata().getResourceVersion();
        client.resource(configMap("shop", "later")).create();
        cluster.expireWatches();
        BlockingQueue<WatcherException> closed = new LinkedBlockingQueue<>();

        Watch watch = client.configMaps().inNamespace("shop").withResourceVersion(listed).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
            }

            @Override
            public void onClose(WatcherException cause) {
                closed.add(cause);
            }
        });
        try {
            WatcherException cause = closed.poll(10, TimeUnit.SECONDS);
            assertThat(cause).isNotNull();
            assertThat(cause.isHttpGone()).isTrue();
        } finally {
            watch.close();
        }
    }

    @Test
    void anInformerWhoseWatchExpiredRelistsAndReportsWhatWasDeletedMeanwhile() throws Exception {
        client.resource(configMap("shop", "doomed")).create();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace("shop")
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(ConfigMap object) {
                        events.add("ADDED " + object.getMetadata().getName());
                    }

                    @Override
                    public void onUpdate(ConfigMap before, ConfigMap after) {
                    }

                    @Override
                    public void onDelete(ConfigMap object, boolean finalStateUnknown) {
                        events.add("DELETED " + object.getMetadata().getName());
                    }
                });
        try {
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("ADDED doomed");
            await("the informer watches", () -> cluster.openWatches() > 0);

            cluster.expireWatches();
            client.configMaps().inNamespace("shop").withName("doomed").delete();

            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("DELETED doomed");
        } finally {
            informer.close();
        }
    }
}
