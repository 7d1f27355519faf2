package dev.meshwizard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Server-side apply on the simulated API, through the real client. */
class ServerSideApplyTest {

    private SimulatedCluster cluster;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        cluster = SimulatedCluster.start();
        client = cluster.client();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aFirstApplyCreatesTheObjectAndRecordsTheFieldManager() {
        // When
        ConfigMap applied = apply(config(Map.of("a", "1"), Map.of("app", "x")));

        // Then
        ConfigMap stored = client.configMaps().inNamespace("default").withName("settings").get();
        assertThat(stored.getData()).containsExactly(Map.entry("a", "1"));
        assertThat(stored.getMetadata().getUid()).isNotBlank();
        assertThat(stored.getMetadata().getManagedFields()).singleElement().satisfies(entry -> {
            assertThat(entry.getManager()).isEqualTo("tester");
            assertThat(entry.getOperation()).isEqualTo("Apply");
            assertThat(entry.getFieldsV1().getAdditionalProperties()).containsKeys("f:data", "f:metadata");
        });
        assertThat(applied.getMetadata().getResourceVersion()).isEqualTo(stored.getMetadata().getResourceVersion());
    }

    @Test
    void applyingTheSameConfigurationAgainWritesNothing() {
        // Given
        String first = apply(config(Map.of("a", "1"), Map.of())).getMetadata().getResourceVersion();

        // When
        String second = apply(config(Map.of("a", "1"), Map.of())).getMetadata().getResourceVersion();

        // Then
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aChangedApplyMergesKeepsOthersFieldsAndDropsWhatTheManagerNoLongerSets() {
        // Given an applied object to which someone else added a label
        apply(config(Map.of("a", "1", "b", "2"), Map.of("app", "x")));
        client.configMaps().inNamespace("default").withName("settings")
                .edit(c -> new ConfigMapBuilder(c).editMetadata().addToLabels("team", "mesh").endMetadata().build());

        // When the manager applies without b and with a new value of a
        apply(config(Map.of("a", "3"), Map.of("app", "x")));

        // Then
        ConfigMap stored = client.configMaps().inNamespace("default").withName("settings").get();
        assertThat(stored.getData()).containsExactly(Map.entry("a", "3"));
        assertThat(stored.getMetadata().getLabels()).containsOnly(Map.entry("app", "x"), Map.entry("team", "mesh"));
    }

    @Test
    void aDryRunAnswersTheResultAndStoresNothing() {
        // Given
        apply(config(Map.of("a", "1"), Map.of()));

        // When
        ConfigMap wouldBe = client.resource(config(Map.of("a", "2"), Map.of())).dryRun().fieldManager("tester")
                .forceConflicts().serverSideApply();
        ConfigMap missing = client.resource(new ConfigMapBuilder(config(Map.of(), Map.of())).editMetadata()
                .withName("other").endMetadata().build()).dryRun().fieldManager("tester").serverSideApply();

        // Then
        assertThat(wouldBe.getData()).containsEntry("a", "2");
        assertThat(missing.getMetadata().getName()).isEqualTo("other");
        assertThat(client.configMaps().inNamespace("default").withName("settings").get().getData())
                .containsEntry("a", "1");
        assertThat(client.configMaps().inNamespace("default").withName("other").get()).isNull();
    }

    @Test
    void aDryRunIsValidatedAsTheWriteWouldBe() {
        // When a dry run applies a label value the server refuses
        io.fabric8.kubernetes.client.KubernetesClientException refused = org.assertj.core.api.Assertions
                .catchThrowableOfType(io.fabric8.kubernetes.client.KubernetesClientException.class,
                        () -> client.resource(config(Map.of(), Map.of("tier", "front end"))).dryRun()
                                .fieldManager("tester").forceConflicts().serverSideApply());

        // Then it is refused as the apply itself would be, naming the field
        assertThat(refused.getCode()).isEqualTo(422);
        assertThat(refused.getStatus().getMessage()).startsWith("ConfigMap \"settings\" is invalid: metadata.labels: "
                + "Invalid value: \"front end\"");
        assertThat(client.configMaps().inNamespace("default").withName("settings").get()).isNull();
    }

    private ConfigMap apply(ConfigMap config) {
        return client.resource(config).fieldManager("tester").forceConflicts().serverSideApply();
    }

    private static ConfigMap config(Map<String, String> data, Map<String, String> labels) {
        return new ConfigMapBuilder().withNewMetadata().withName("settings").withNamespace("default")
                .withLabels(labels).endMetadata().withData(data).build();
    }
}
