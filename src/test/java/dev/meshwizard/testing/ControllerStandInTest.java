package dev.meshwizard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The controller stand-in makes workloads of the simulated API ready, or leaves them stuck, as asked. */
class ControllerStandInTest {

    private static final String NAMESPACE = "istio-system";

    private SimulatedCluster cluster;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        cluster = SimulatedCluster.start();
        client = cluster.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata()
                .build()).create();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aDeploymentBecomesAvailableWithRunningReadyPodsLabelledFromItsTemplate() {
        cluster.startControllers(Duration.ofMillis(50));

        Deployment created = client.apps().deployments().resource(deployment("istiod", 2)).create();

        Deployment available = client.apps().deployments().inNamespace(NAMESPACE).withName("istiod")
                .waitUntilCondition(d -> d.getStatus() != null && Integer.valueOf(2).equals(
                        d.getStatus().getAvailableReplicas()), 10, TimeUnit.SECONDS);
        assertThat(available.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Available");
            assertThat(c.getStatus()).isEqualTo("True");
        });
        assertThat(available.getStatus().getObservedGeneration()).isEqualTo(available.getMetadata().getGeneration());
        List<Pod> pods = client.pods().inNamespace(NAMESPACE).withLabel("app", "istiod").list().getItems();
        assertThat(pods).hasSize(2).allSatisfy(pod -> {
            assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
            assertThat(pod.getMetadata().getOwnerReferences()).singleElement()
                    .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(created.getMetadata().getUid()));
            assertThat(dev.meshwizard.cluster.watch.PodStatus.summarize(pod).ready()).isEqualTo(1);
        });
    }

    @Test
    void aDaemonSetGetsOneReadyPodOnTheSimulatedNode() {
        cluster.startControllers(Duration.ZERO);

        client.apps().daemonSets().resource(daemonSet("ztunnel")).create();

        DaemonSet ready = client.apps().daemonSets().inNamespace(NAMESPACE).withName("ztunnel")
                .waitUntilCondition(d -> d.getStatus() != null && Integer.valueOf(1).equals(
                        d.getStatus().getNumberReady()), 10, TimeUnit.SECONDS);
        assertThat(ready.getStatus().getDesiredNumberScheduled()).isEqualTo(1);
        assertThat(client.pods().inNamespace(NAMESPACE).withLabel("app", "ztunnel").list().getItems())
                .singleElement().satisfies(pod -> assertThat(pod.getSpec().getNodeName())
                        .isEqualTo(ControllerStandIn.NODE));
    }

    @Test
    void aCrdIsEstablishedAtOnce() {
        cluster.startControllers(Duration.ofHours(1));

        client.apiextensions().v1().customResourceDefinitions().resource(crd()).create();

        CustomResourceDefinition established = client.apiextensions().v1().customResourceDefinitions()
                .withName("gateways.networking.istio.io").waitUntilCondition(c -> c.getStatus() != null
                        && c.getStatus().getConditions().stream().anyMatch(x -> "Established".equals(x.getType())
                        && "True".equals(x.getStatus())), 10, TimeUnit.SECONDS);
        assertThat(established.getStatus().getAcceptedNames().getKind()).isEqualTo("Gateway");
    }

    @Test
    void neverReadyLeavesPodsWaitingOnTheirImageAndTheDeploymentUnavailable() {
        cluster.startControllersNeverReady();

        client.apps().deployments().resource(deployment("istiod", 1)).create();

        Deployment stuck = client.apps().deployments().inNamespace(NAMESPACE).withName("istiod")
                .waitUntilCondition(d -> d.getStatus() != null && d.getStatus().getObservedGeneration() != null,
                        10, TimeUnit.SECONDS);
        assertThat(stuck.getStatus().getAvailableReplicas()).isZero();
        assertThat(client.pods().inNamespace(NAMESPACE).withLabel("app", "istiod").list().getItems())
                .singleElement().satisfies(pod -> assertThat(dev.meshwizard.cluster.watch.PodStatus.status(pod))
                        .isEqualTo(ControllerStandIn.STUCK_REASON));
    }

    private static Deployment deployment(String name, int replicas) {
        return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(Map.of("app", name))
                .endSelector().withNewTemplate().withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
                .withNewSpec().addNewContainer().withName("discovery").withImage("docker.io/istio/pilot:1.30.3")
                .endContainer().endSpec().endTemplate().endSpec().build();
    }

    private static DaemonSet daemonSet(String name) {
        return new DaemonSetBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
                .withNewSpec().withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
                .withNewSpec().addNewContainer().withName(name).withImage("docker.io/istio/ztunnel:1.30.3")
                .endContainer().endSpec().endTemplate().endSpec().build();
    }

    private static CustomResourceDefinition crd() {
        return new CustomResourceDefinitionBuilder().withNewMetadata().withName("gateways.networking.istio.io")
                .endMetadata().withNewSpec().withGroup("networking.istio.io").withScope("Namespaced")
                .withNewNames().withKind("Gateway").withPlural("gateways").withSingular("gateway").endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true).withNewSchema()
                .withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema().endVersion().endSpec().build();
    }
}
