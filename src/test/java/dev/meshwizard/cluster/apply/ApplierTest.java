package dev.meshwizard.cluster.apply;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.Kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.meshwizard.diff.DiffLine;
import dev.meshwizard.diff.ObjectChange;
import dev.meshwizard.testing.SimulatedCluster;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.telemetry.v1.Telemetry;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server-side apply, plan and delete through a session on the simulated API. */
class ApplierTest {

    /** Istio routing first and the namespace last, to show that the order is the applier's. */
    private static final String SAMPLE = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: shop
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination: {host: reviews, subset: v1}
                  weight: 90
                - destination: {host: reviews, subset: v2}
                  weight: 10
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
              namespace: shop
            spec:
              host: reviews
              subsets:
              - name: v1
                labels: {version: v1}
              - name: v2
                labels: {version: v2}
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: shop-gateway
              namespace: shop
            spec:
              selector: {istio: ingressgateway}
              servers:
              - port: {number: 8080, name: http, protocol: HTTP}
                hosts: ["*"]
            ---
            apiVersion: telemetry.istio.io/v1
            kind: Telemetry
            metadata:
              name: mesh-default
              namespace: shop
            spec:
              accessLogging:
              - providers:
                - name: envoy
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: reviews-v1
              namespace: shop
            spec:
              selector:
                matchLabels: {app: reviews, version: v1}
              template:
                metadata:
                  labels: {app: reviews, version: v1}
                spec:
                  containers:
                  - name: reviews
                    image: docker.io/istio/examples-bookinfo-reviews-v1:1.20.3
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: reviews
              namespace: shop
            spec:
              selector: {app: reviews}
              ports:
              - name: http
                port: 9080
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: shop
            data:
              greeting: hello
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: credentials
              namespace: shop
            stringData:
              token: first-token-value
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            """;

    private static final List<String> APPLY_ORDER = List.of("Namespace", "ConfigMap", "Secret", "Service",
            "Deployment", "VirtualService", "DestinationRule", "Gateway", "Telemetry");

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private ClusterSession session;
    private Applier applier;

    @BeforeEach
    void connect() throws Exception {
        cluster = SimulatedCluster.start().installIstioCrds();
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        session = new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim");
        applier = session.applier();
    }

    @AfterEach
    void close() {
        session.close();
        cluster.close();
    }

    @Test
    void aFirstApplyCreatesEverythingInOrderAndASecondChangesNothing() {
        // When
        List<ApplyResult> first = applier.apply(SAMPLE);
        List<ApplyResult> second = applier.apply(SAMPLE);

        // Then
        assertThat(first).extracting(ApplyResult::kind).containsExactlyElementsOf(APPLY_ORDER);
        assertThat(first).extracting(ApplyResult::outcome).containsOnly(ApplyResult.Outcome.CREATED);
        assertThat(second).extracting(ApplyResult::outcome).containsOnly(ApplyResult.Outcome.UNCHANGED);
        assertThat(cluster.client().apps().deployments().inNamespace("shop").withName("reviews-v1").get())
                .isNotNull();
    }

    @Test
    void aFieldAnotherManagerAppliedIsTakenOverNotRefusedAsAConflict() {
        // Given the settings ConfigMap applied by another manager with another greeting
        cluster.createNamespaces("shop");
        cluster.client().resource(new ConfigMapBuilder().withNewMetadata().withName("settings")
                .withNamespace("shop").endMetadata().addToData("greeting", "hi").build())
                .fieldManager("platform").serverSideApply();

        // When the wizard applies its greeting
        List<ApplyResult> results = applier.apply(List.of(new ConfigMapBuilder().withNewMetadata()
                .withName("settings").withNamespace("shop").endMetadata().addToData("greeting", "hello").build()));

        // Then the apply is forced: the value changes and the wizard owns the field now
        assertThat(results).extracting(ApplyResult::outcome).containsExactly(ApplyResult.Outcome.CONFIGURED);
        ConfigMap stored = cluster.client().configMaps().inNamespace("shop").withName("settings").get();
        assertThat(stored.getData()).containsEntry("greeting", "hello");
        assertThat(stored.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager)
                .containsExactly(Applier.FIELD_MANAGER);
    }

    @Test
    void istioKindsAreTypedAndReadBackAsApplied() {
        // Given
        List<HasMetadata> objects = applier.parse(SAMPLE);

        // When
        applier.apply(objects);

        // Then
        assertThat(objects).hasAtLeastOneElementOfType(VirtualService.class).hasAtLeastOneElementOfType(Gateway.class)
                .hasAtLeastOneElementOfType(DestinationRule.class).hasAtLeastOneElementOfType(Telemetry.class);
        KubernetesClient client = cluster.client();
        VirtualService routes = client.resources(VirtualService.class).inNamespace("shop").withName("reviews").get();
        assertThat(routes.getSpec().getHttp().get(0).getRoute()).extracting(route -> route.getDestination().getSubset(),
                route -> route.getWeight()).containsExactly(tuple("v1", 90), tuple("v2", 10));
        assertThat(client.resources(DestinationRule.class).inNamespace("shop").withName("reviews").get().getSpec()
                .getSubsets()).extracting(subset -> subset.getName()).containsExactly("v1", "v2");
        Gateway gateway = client.resources(Gateway.class).inNamespace("shop").withName("shop-gateway").get();
        assertThat(gateway.getSpec().getSelector()).containsEntry("istio", "ingressgateway");
        assertThat(gateway.getSpec().getServers().get(0).getPort().getNumber()).isEqualTo(8080);
        assertThat(client.resources(Telemetry.class).inNamespace("shop").withName("mesh-default").get().getSpec()
                .getAccessLogging().get(0).getProviders().get(0).getName()).isEqualTo("envoy");
    }

    @Test
    void appliedObjectsRecordTheWizardAsFieldManager() {
        // When
        applier.apply(SAMPLE);

        // Then
        VirtualService routes = cluster.client().resources(VirtualService.class).inNamespace("shop")
                .withName("reviews").get();
        assertThat(routes.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager,
                ManagedFieldsEntry::getOperation).contains(tuple(Applier.FIELD_MANAGER, "Apply"));
    }

    @Test
    void aPlanShowsTheChangedFieldAsALineAndChangesNothing() {
        // Given
        applier.apply(SAMPLE);
        String changed = SAMPLE.replace("weight: 90", "weight: 70").replace("weight: 10", "weight: 30");

        // When
        List<ObjectChange> plan = applier.plan(changed);

        // Then
        assertThat(plan).extracting(ObjectChange::kind).containsExactlyElementsOf(APPLY_ORDER);
        ObjectChange routes = plan.stream().filter(c -> c.kind().equals("VirtualService")).findFirst().orElseThrow();
        assertThat(routes.type()).isEqualTo(ObjectChange.Type.CHANGED);
        assertThat(routes.lines()).filteredOn(line -> line.kind() == DiffLine.Kind.ADDED)
                .extracting(DiffLine::text).containsExactly("      weight: 70", "      weight: 30");
        assertThat(routes.lines()).filteredOn(line -> line.kind() == DiffLine.Kind.REMOVED)
                .extracting(DiffLine::text).containsExactly("      weight: 90", "      weight: 10");
        assertThat(plan).filteredOn(c -> !c.kind().equals("VirtualService")).extracting(ObjectChange::type)
                .containsOnly(ObjectChange.Type.UNCHANGED);
        assertThat(cluster.client().resources(VirtualService.class).inNamespace("shop").withName("reviews").get()
                .getSpec().getHttp().get(0).getRoute().get(0).getWeight()).isEqualTo(90);
    }

    @Test
    void aPlanOnAnEmptyClusterAddsEverythingAndStoresNothing() {
        // When
        List<ObjectChange> plan = applier.plan(SAMPLE);

        // Then
        assertThat(plan).extracting(ObjectChange::type).containsOnly(ObjectChange.Type.ADDED);
        assertThat(plan).filteredOn(c -> c.kind().equals("ConfigMap")).singleElement()
                .satisfies(c -> assertThat(c.afterYaml()).contains("greeting: hello"));
        assertThat(cluster.client().namespaces().withName("shop").get()).isNull();
    }

    @Test
    void aChangedSecretIsPlannedWithoutItsValues() {
        // Given
        applier.apply(SAMPLE);

        // When
        List<ObjectChange> plan = applier.plan(SAMPLE.replace("first-token-value", "second-token-value"));

        // Then
        ObjectChange secret = plan.stream().filter(c -> c.kind().equals("Secret")).findFirst().orElseThrow();
        assertThat(secret.type()).isEqualTo(ObjectChange.Type.CHANGED);
        assertThat(secret.unifiedText()).contains("+  token: \"<redacted, changed>\"");
        String shown = secret.beforeYaml() + secret.afterYaml() + secret.unifiedText();
        assertThat(shown).doesNotContain("token-value", "Zmlyc3Qt", "c2Vjb25k");
    }

    @Test
    void deleteRunsInReverseOrderAndMissingObjectsAreFine() {
        // Given
        applier.apply(SAMPLE);

        // When
        List<ApplyResult> deleted = applier.delete(SAMPLE);
        List<ApplyResult> again = applier.delete(SAMPLE);

        // Then
        assertThat(deleted).extracting(ApplyResult::kind)
                .containsExactly("Telemetry", "Gateway", "DestinationRule", "VirtualService", "Deployment", "Service",
                        "Secret", "ConfigMap", "Namespace");
        assertThat(deleted).extracting(ApplyResult::outcome).containsOnly(ApplyResult.Outcome.DELETED);
        // A deleted namespace stays Terminating a moment, as on a real server: deleting it again finds it
        assertThat(again).filteredOn(result -> !result.kind().equals("Namespace")).extracting(ApplyResult::outcome)
                .containsOnly(ApplyResult.Outcome.ABSENT);
        assertThat(cluster.client().resources(Gateway.class).inNamespace("shop").withName("shop-gateway").get())
                .isNull();
    }

    @Test
    void aRefusedObjectFailsWithTheServersMessageAndTheRestIsApplied() {
        // Given a server that refuses the Deployment
        cluster.refuse("/apis/apps/v1/namespaces/shop/deployments/reviews-v1", 403);

        // When
        List<ApplyResult> results = applier.apply(SAMPLE);

        // Then
        assertThat(results).filteredOn(result -> !result.succeeded()).singleElement().satisfies(result -> {
            assertThat(result.kind()).isEqualTo("Deployment");
            assertThat(result.message()).contains("Deployment shop/reviews-v1", "forbidden");
        });
        assertThat(results).filteredOn(ApplyResult::succeeded).hasSize(APPLY_ORDER.size() - 1);
    }

    @Test
    void namespacedObjectsWithoutANamespaceGoToTheSessionsDefault() {
        // When
        List<ApplyResult> results = applier.apply("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: loose\n");

        // Then
        assertThat(results).extracting(ApplyResult::namespace, ApplyResult::outcome)
                .containsExactly(tuple("default", ApplyResult.Outcome.CREATED));
        assertThat(cluster.client().configMaps().inNamespace("default").withName("loose").get()).isNotNull();
    }

    @Test
    void anObjectTheServerFindsInvalidFailsWithTheFieldAndTheRestIsApplied() {
        // Given a ConfigMap whose label value a real API server refuses, beside a valid one
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: bad-labels
                  namespace: default
                  labels: {tier: "front end"}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: good
                  namespace: default
                """;

        // When
        List<ApplyResult> results = applier.apply(yaml);

        // Then the refusal names the object, the field and the value; the valid object is applied
        assertThat(results).filteredOn(result -> !result.succeeded()).singleElement().satisfies(result -> {
            assertThat(result.name()).isEqualTo("bad-labels");
            assertThat(result.message()).contains("ConfigMap default/bad-labels",
                    "metadata.labels: Invalid value: \"front end\"");
        });
        assertThat(results).filteredOn(ApplyResult::succeeded).extracting(ApplyResult::name).containsExactly("good");
        assertThat(cluster.client().configMaps().inNamespace("default").withName("bad-labels").get()).isNull();
    }
}
