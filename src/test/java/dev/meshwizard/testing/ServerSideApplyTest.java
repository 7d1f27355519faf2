package dev.meshwizard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import java.util.Set;
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

    @Test
    void anApplyThatWouldChangeAnotherManagersFieldsIsAConflictNamingFieldsAndManager() {
        // Given settings applied by helm-like manager "platform"
        client.resource(config(Map.of("a", "1", "b", "2"), Map.of("app", "x"))).fieldManager("platform")
                .serverSideApply();

        // When "tester" applies other values of a and b, and the same label, without force
        KubernetesClientException refused = catchThrowableOfType(KubernetesClientException.class,
                () -> client.resource(config(Map.of("a", "9", "b", "8"), Map.of("app", "x"))).fieldManager("tester")
                        .serverSideApply());

        // Then the server answers 409 Conflict naming each field and its manager, and nothing changes
        assertThat(refused.getCode()).isEqualTo(409);
        assertThat(refused.getStatus().getReason()).isEqualTo("Conflict");
        assertThat(refused.getStatus().getMessage()).isEqualTo("Apply failed with 2 conflicts: conflicts with "
                + "\"platform\":\n- .data.a\n- .data.b");
        assertThat(refused.getStatus().getDetails().getCauses()).extracting(StatusCause::getReason,
                StatusCause::getMessage, StatusCause::getField).containsExactly(
                tuple("FieldManagerConflict", "conflict with \"platform\"", ".data.a"),
                tuple("FieldManagerConflict", "conflict with \"platform\"", ".data.b"));
        assertThat(client.configMaps().inNamespace("default").withName("settings").get().getData())
                .containsOnly(Map.entry("a", "1"), Map.entry("b", "2"));
    }

    @Test
    void aForcedApplyTakesTheConflictingFieldsFromTheOtherManager() {
        // Given settings applied by "platform"
        client.resource(config(Map.of("a", "1", "b", "2"), Map.of())).fieldManager("platform").serverSideApply();

        // When "tester" forces a new value of a
        apply(config(Map.of("a", "9"), Map.of()));

        // Then a changes, and managedFields say tester owns a and platform keeps only b
        ConfigMap stored = client.configMaps().inNamespace("default").withName("settings").get();
        assertThat(stored.getData()).containsOnly(Map.entry("a", "9"), Map.entry("b", "2"));
        assertThat(dataOwnedBy(stored, "platform")).containsExactly("f:b");
        assertThat(dataOwnedBy(stored, "tester")).containsExactly("f:a");
    }

    @Test
    void applyingTheValueAnotherManagerSetIsNoConflictAndTheFieldIsShared() {
        // Given settings applied by "platform"
        client.resource(config(Map.of("a", "1"), Map.of())).fieldManager("platform").serverSideApply();

        // When "tester" applies the same value without force
        client.resource(config(Map.of("a", "1"), Map.of())).fieldManager("tester").serverSideApply();

        // Then both managers own it
        ConfigMap stored = client.configMaps().inNamespace("default").withName("settings").get();
        assertThat(dataOwnedBy(stored, "platform")).containsExactly("f:a");
        assertThat(dataOwnedBy(stored, "tester")).containsExactly("f:a");
    }

    /** The keys of {@code data} that {@code manager} owns, as its managedFields entry says. */
    private static Set<Object> dataOwnedBy(ConfigMap stored, String manager) {
        Object data = stored.getMetadata().getManagedFields().stream().filter(e -> manager.equals(e.getManager()))
                .findFirst().orElseThrow(() -> new AssertionError("no managedFields entry of " + manager))
                .getFieldsV1().getAdditionalProperties().get("f:data");
        return data instanceof Map<?, ?> fields ? Set.copyOf(fields.keySet()) : Set.of();
    }

    private ConfigMap apply(ConfigMap config) {
        return client.resource(config).fieldManager("tester").forceConflicts().serverSideApply();
    }

    private static ConfigMap config(Map<String, String> data, Map<String, String> labels) {
        return new ConfigMapBuilder().withNewMetadata().withName("settings").withNamespace("default")
                .withLabels(labels).endMetadata().withData(data).build();
    }
}
