package dev.meshwizard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated API validates and defaults what it stores as a real API server does. */
class SimulatedApiValidationTest {

    private static SimulatedCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void startCluster() {
        cluster = SimulatedCluster.start();
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    private static Deployment deployment(String name) {
        return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    private static KubernetesClientException refusal(Runnable write) {
        return catchThrowableOfType(KubernetesClientException.class, write::run);
    }

    @Test
    void aDeploymentWithAnInvalidNameIsRefusedWith422InTheRealStatusFormat() {
        KubernetesClientException error = refusal(() -> client.resource(deployment("Bad_Name")).create());

        assertThat(error.getCode()).isEqualTo(422);
        assertThat(error.getStatus().getKind()).isEqualTo("Status");
        assertThat(error.getStatus().getReason()).isEqualTo("Invalid");
        assertThat(error.getStatus().getMessage()).isEqualTo("Deployment.apps \"Bad_Name\" is invalid: "
                + "metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower "
                + "case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
                + "(e.g. 'example.com', regex used for validation is "
                + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        assertThat(error.getStatus().getDetails().getGroup()).isEqualTo("apps");
        assertThat(error.getStatus().getDetails().getKind()).isEqualTo("Deployment");
        assertThat(error.getStatus().getDetails().getCauses()).extracting(StatusCause::getField,
                StatusCause::getReason).containsExactly(org.assertj.core.groups.Tuple.tuple("metadata.name",
                "FieldValueInvalid"));
        assertThat(client.apps().deployments().inNamespace("default").withName("Bad_Name").get()).isNull();
    }

    @Test
    void aNamespaceNameIsADns1123LabelWithoutDotsAndAtMost63Characters() {
        KubernetesClientException dotted = refusal(() -> client.namespaces().resource(new NamespaceBuilder()
                .withNewMetadata().withName("team.a").endMetadata().build()).create());
        KubernetesClientException longName = refusal(() -> client.namespaces().resource(new NamespaceBuilder()
                .withNewMetadata().withName("n".repeat(64)).endMetadata().build()).create());

        assertThat(dotted.getStatus().getMessage())
                .isEqualTo("Namespace \"team.a\" is invalid: metadata.name: Invalid value: \"team.a\": must not "
                        + "contain dots");
        assertThat(longName.getStatus().getMessage()).contains("metadata.name: Invalid value: \"" + "n".repeat(64)
                + "\": must be no more than 63 characters");
    }

    @Test
    void labelKeysAndValuesAreCheckedAndEveryErrorIsACause() {
        KubernetesClientException error = refusal(() -> client.resource(new ConfigMapBuilder().withNewMetadata()
                .withName("settings").withNamespace("default").addToLabels("bad key", "ok")
                .addToLabels("app", "v".repeat(64)).endMetadata().build()).create());

        assertThat(error.getCode()).isEqualTo(422);
        assertThat(error.getStatus().getMessage()).startsWith("ConfigMap \"settings\" is invalid: [metadata.labels: "
                + "Invalid value: \"bad key\": name part must consist of alphanumeric characters");
        assertThat(error.getStatus().getDetails().getCauses()).extracting(StatusCause::getMessage)
                .anySatisfy(m -> assertThat(m).startsWith("Invalid value: \"bad key\": name part must consist"))
                .anySatisfy(m -> assertThat(m).isEqualTo("Invalid value: \"" + "v".repeat(64)
                        + "\": must be no more than 63 characters"));
    }

    @Test
    void aDeploymentNeedsASelectorMatchingItsTemplateAndNamedContainersWithImages() {
        Deployment broken = new DeploymentBuilder(deployment("web")).editSpec().editSelector()
                .addToMatchLabels("app", "other").endSelector().editTemplate().editSpec().editFirstContainer()
                .withImage(null).endContainer().endSpec().endTemplate().endSpec().build();

        KubernetesClientException error = refusal(() -> client.resource(broken).create());

        assertThat(error.getStatus().getDetails().getCauses()).extracting(StatusCause::getField).containsExactly(
                "spec.template.metadata.labels", "spec.template.spec.containers[0].image");
        assertThat(error.getStatus().getMessage()).contains("spec.template.metadata.labels: Invalid value: "
                + "map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`",
                "spec.template.spec.containers[0].image: Required value");
    }

    @Test
    void aServiceWithoutPortsIsRefused() {
        KubernetesClientException error = refusal(() -> client.resource(new ServiceBuilder().withNewMetadata()
                .withName("web").withNamespace("default").endMetadata().withNewSpec().addToSelector("app", "web")
                .endSpec().build()).create());

        assertThat(error.getStatus().getMessage()).isEqualTo("Service \"web\" is invalid: spec.ports: Required value");
    }

    @Test
    void creatingInANamespaceThatDoesNotExistIsNotFound() {
        KubernetesClientException error = refusal(() -> client.resource(new ConfigMapBuilder().withNewMetadata()
                .withName("settings").withNamespace("nowhere").endMetadata().build()).create());

        assertThat(error.getCode()).isEqualTo(404);
        assertThat(error.getStatus().getMessage()).isEqualTo("namespaces \"nowhere\" not found");
    }

    @Test
    void theServerFillsInTheDefaultsTheProductReadsBack() {
        client.resource(new DeploymentBuilder(deployment("defaults")).editSpec().editTemplate().editSpec()
                .addNewContainer().withName("sidecar").withImage("busybox").endContainer().endSpec().endTemplate()
                .endSpec().build()).create();
        Service service = client.resource(new ServiceBuilder().withNewMetadata().withName("defaults")
                .withNamespace("default").endMetadata().withNewSpec().addNewPort().withPort(80).endPort().endSpec()
                .build()).create();

        Deployment stored = client.apps().deployments().inNamespace("default").withName("defaults").get();
        assertThat(stored.getSpec().getReplicas()).isEqualTo(1);
        assertThat(stored.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(stored.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getStrVal()).isEqualTo("25%");
        assertThat(stored.getSpec().getTemplate().getSpec().getContainers()).extracting(c -> c.getImagePullPolicy())
                .containsExactly("IfNotPresent", "Always");
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getSessionAffinity()).isEqualTo("None");
        assertThat(service.getSpec().getClusterIP()).isNotBlank();
        assertThat(service.getSpec().getPorts().get(0).getTargetPort().getIntVal()).isEqualTo(80);
        assertThat(service.getSpec().getPorts().get(0).getProtocol()).isEqualTo("TCP");
    }

    @Test
    void unknownFieldsAreRefusedWhenStrictAndDroppedWithAWarningOtherwise() throws Exception {
        String body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"%s\"},"
                + "\"data\":{\"a\":\"b\"},\"dta\":{\"c\":\"d\"}}";

        HttpResponse<String> strict = post("/api/v1/namespaces/default/configmaps?fieldValidation=Strict",
                body.formatted("strict"));
        HttpResponse<String> lenient = post("/api/v1/namespaces/default/configmaps", body.formatted("lenient"));

        assertThat(strict.code()).isEqualTo(400);
        assertThat(strict.body()).contains("ConfigMap in version \\\"v1\\\" cannot be handled as a ConfigMap: "
                + "strict decoding error: unknown field \\\"dta\\\"");
        assertThat(lenient.code()).isEqualTo(201);
        assertThat(lenient.header("Warning")).isEqualTo("299 - \"unknown field \\\"dta\\\"\"");
        assertThat(client.configMaps().inNamespace("default").withName("lenient").get().getAdditionalProperties())
                .doesNotContainKey("dta");
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        HttpRequest request = client.getHttpClient().newHttpRequestBuilder().uri(cluster.url() + path)
                .post("application/json", json).build();
        return client.getHttpClient().sendAsync(request, String.class).get(10, TimeUnit.SECONDS);
    }
}
