package dev.meshwizard.cluster.apply;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.Kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestPods;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Injection labels, restarts and sidecar-less pods on the simulated API. */
class InjectionTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private KubernetesClient client;
    private KubernetesClient injectionClient;
    private Injection injection;

    @BeforeEach
    void start() {
        cluster = SimulatedCluster.start();
        client = cluster.client();
        injectionClient = cluster.newClient();
        injection = new Injection(injectionClient, NOON);
    }

    @AfterEach
    void stop() {
        injectionClient.close();
        cluster.close();
    }

    @Test
    void namespacesAreListedWithTheStateTheirLabelsAskForAndTheirPods() {
        // Given
        namespace("plain", Map.of());
        namespace("on", Map.of("istio-injection", "enabled"));
        namespace("off", Map.of("istio-injection", "disabled"));
        namespace("canary", Map.of("istio.io/rev", "1-30"));
        namespace("both", Map.of("istio-injection", "enabled", "istio.io/rev", "1-30"));
        cluster.createAll(List.of(
                TestPods.pod("on", "with-proxy").container("app", "app:1").istioProxy().build(),
                TestPods.pod("on", "native").container("app", "app:1")
                        .nativeSidecar("istio-proxy", "docker.io/istio/proxyv2:1.30.0").build(),
                TestPods.pod("on", "bare").container("app", "app:1").build()));

        // When
        List<NamespaceInjection> namespaces = injection.namespaces();

        // Then
        assertThat(namespaces).containsExactly(
                new NamespaceInjection("both", NamespaceInjection.State.ENABLED, "1-30", true, 0, 0),
                new NamespaceInjection("canary", NamespaceInjection.State.REVISION, "1-30", false, 0, 0),
                new NamespaceInjection("default", NamespaceInjection.State.NONE, "", false, 0, 0),
                new NamespaceInjection("kube-node-lease", NamespaceInjection.State.NONE, "", false, 0, 0),
                new NamespaceInjection("kube-public", NamespaceInjection.State.NONE, "", false, 0, 0),
                new NamespaceInjection("kube-system", NamespaceInjection.State.NONE, "", false, 0, 0),
                new NamespaceInjection("off", NamespaceInjection.State.DISABLED, "", false, 0, 0),
                new NamespaceInjection("on", NamespaceInjection.State.ENABLED, "", false, 3, 1),
                new NamespaceInjection("plain", NamespaceInjection.State.NONE, "", false, 0, 0));
    }

    @Test
    void enablingWithoutARevisionSetsTheInjectionLabelAndRemovesTheRevision() {
        // Given
        namespace("shop", Map.of("istio.io/rev", "1-30", "team", "a"));

        // When
        NamespaceInjection state = injection.enable("shop", Optional.empty());

        // Then
        assertThat(state.state()).isEqualTo(NamespaceInjection.State.ENABLED);
        assertThat(labels("shop")).containsOnly(Map.entry("istio-injection", "enabled"), Map.entry("team", "a"));
    }

    @Test
    void enablingWithARevisionSetsTheRevisionAndRemovesTheInjectionLabel() {
        // Given
        namespace("shop", Map.of("istio-injection", "enabled"));

        // When
        NamespaceInjection state = injection.enable("shop", Optional.of("1-30"));

        // Then
        assertThat(state.state()).isEqualTo(NamespaceInjection.State.REVISION);
        assertThat(state.revision()).isEqualTo("1-30");
        assertThat(labels("shop")).containsOnly(Map.entry("istio.io/rev", "1-30"));
    }

    @Test
    void disablingSetsDisabledAndRemovesTheRevision() {
        // Given
        namespace("shop", Map.of("istio.io/rev", "1-30"));

        // When
        NamespaceInjection state = injection.disable("shop");

        // Then
        assertThat(state.state()).isEqualTo(NamespaceInjection.State.DISABLED);
        assertThat(labels("shop")).containsOnly(Map.entry("istio-injection", "disabled"));
    }

    @Test
    void noTransitionLeavesBothLabels() {
        // Given every starting point and every change
        List<Map<String, String>> starts = List.of(Map.of(), Map.of("istio-injection", "enabled"),
                Map.of("istio-injection", "disabled"), Map.of("istio.io/rev", "stable"),
                Map.of("istio-injection", "enabled", "istio.io/rev", "stable"));
        Map<String, Consumer<String>> changes = new LinkedHashMap<>();
        changes.put("enable", name -> injection.enable(name, Optional.empty()));
        changes.put("enable revision", name -> injection.enable(name, Optional.of("canary")));
        changes.put("disable", injection::disable);
        int i = 0;
        for (Map<String, String> start : starts) {
            for (Map.Entry<String, Consumer<String>> change : changes.entrySet()) {
                String name = "ns-" + i++;
                namespace(name, start);

                // When
                change.getValue().accept(name);

                // Then
                Map<String, String> labels = labels(name);
                assertThat(labels.containsKey("istio-injection") && labels.containsKey("istio.io/rev"))
                        .as("%s from %s gives %s", change.getKey(), start, labels).isFalse();
                assertThat(injection.namespace(name).bothLabels()).isFalse();
            }
        }
    }

    @Test
    void aMissingNamespaceOrABlankRevisionIsRefused() {
        assertThatThrownBy(() -> injection.disable("nowhere")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nowhere");
        namespace("shop", Map.of());
        assertThatThrownBy(() -> injection.enable("shop", Optional.of(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A revision name must not be blank");
        assertThat(labels("shop")).isEmpty();
    }

    @Test
    void restartingSetsTheRestartTimeOnEachDeploymentsPodTemplate() {
        // Given two Deployments in the namespace and one elsewhere
        namespace("shop", Map.of());
        client.resource(deployment("shop", "web")).create();
        client.resource(deployment("shop", "api")).create();
        client.resource(deployment("default", "other")).create();

        // When
        List<String> restarted = injection.restartDeployments("shop");

        // Then
        assertThat(restarted).containsExactly("api", "web");
        for (String name : restarted) {
            assertThat(client.apps().deployments().inNamespace("shop").withName(name).get().getSpec().getTemplate()
                    .getMetadata().getAnnotations())
                    .containsEntry("kubectl.kubernetes.io/restartedAt", "2026-03-01T12:00:00Z")
                    .containsEntry("kept", "yes");
        }
        assertThat(client.apps().deployments().inNamespace("default").withName("other").get().getSpec()
                .getTemplate().getMetadata().getAnnotations()).doesNotContainKey("kubectl.kubernetes.io/restartedAt");
    }

    @Test
    void podsWithoutASidecarAreListedByName() {
        // Given
        namespace("shop", Map.of("istio-injection", "enabled"));
        cluster.createAll(List.of(
                TestPods.pod("shop", "web-1").container("web", "web:1").istioProxy().build(),
                TestPods.pod("shop", "web-2").container("web", "web:1").build(),
                TestPods.pod("shop", "job-1").initContainer("istio-proxy", "proxy:1").container("job", "job:1")
                        .build(),
                TestPods.pod("default", "elsewhere").container("x", "x:1").build()));

        // When
        List<String> without = injection.podsWithoutSidecar("shop");

        // Then a plain init container named istio-proxy is not a sidecar
        assertThat(without).containsExactly("job-1", "web-2");
    }

    @Test
    void theSessionHandsOutInjectionOnItsOwnClient() throws Exception {
        // Given
        namespace("shop", Map.of());
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");

        // When
        try (ClusterSession session = new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim")) {
            session.injection().enable("shop", Optional.empty());
        }

        // Then
        assertThat(labels("shop")).containsEntry("istio-injection", "enabled");
    }

    private void namespace(String name, Map<String, String> labels) {
        Namespace namespace = new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels)
                .endMetadata().build();
        client.resource(namespace).create();
    }

    /** The namespace's labels but the one the server sets on every namespace ({@code kubernetes.io/metadata.name}). */
    private Map<String, String> labels(String namespace) {
        Map<String, String> labels = new java.util.HashMap<>(client.namespaces().withName(namespace).get()
                .getMetadata().getLabels());
        assertThat(labels).containsEntry("kubernetes.io/metadata.name", namespace);
        labels.remove("kubernetes.io/metadata.name");
        return labels;
    }

    private static Deployment deployment(String namespace, String name) {
        return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).addToAnnotations("kept", "yes")
                .endMetadata().withNewSpec().addNewContainer().withName(name).withImage(name + ":1").endContainer()
                .endSpec().endTemplate().endSpec().build();
    }
}
