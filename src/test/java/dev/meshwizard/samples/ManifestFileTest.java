package dev.meshwizard.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestFileTest {

    @TempDir
    Path dir;

    private static final String MIXED = """
            # Bookinfo, in part
            apiVersion: v1
            kind: Service
            metadata:
              name: reviews
            spec:
              ports:
              - port: 9080
                name: http
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: reviews-v1
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews]
              http:
              - match:
                - headers:
                    end-user:
                      exact: jason
                route:
                - destination: {host: reviews, subset: v2}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: w
            """;

    @Test
    void aFileOfSeveralKindsGivesTypedObjectsAndIstioKindsAsIstioTypes() throws Exception {
        Path file = Files.writeString(dir.resolve("app.yaml"), MIXED);

        List<HasMetadata> objects = ManifestFile.load(file);

        assertThat(objects).hasSize(4);
        assertThat(objects.get(0)).isInstanceOf(Service.class);
        assertThat(objects.get(1)).isInstanceOf(Deployment.class);
        assertThat(objects.get(2)).isInstanceOfSatisfying(VirtualService.class, vs ->
                assertThat(vs.getSpec().getHttp().get(0).getMatch().get(0).getHeaders().get("end-user")
                        .getMatchType()).isEqualTo(new StringMatchExact("jason")));
        assertThat(objects.get(3)).isInstanceOf(GenericKubernetesResource.class);
    }

    @Test
    void eachObjectKnowsTheLineItStartsOnAndTheLinesOfItsFields() throws Exception {
        List<ManifestObject> objects = ManifestFile.parseDocuments(MIXED, "app.yaml");

        assertThat(objects).extracting(ManifestObject::line).containsExactly(1, 11, 16, 30);
        assertThat(objects.get(2).lineOf("spec.http[0].route[0].destination.subset")).isEqualTo(28);
    }

    @Test
    void aDocumentWithoutKindIsAnErrorNamingTheFileAndTheDocumentsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nmetadata:\n  name: b\n");

        assertThatThrownBy(() -> ManifestFile.load(file)).isInstanceOf(ManifestException.class)
                .hasMessage(file + ":6: the document has no kind")
                .satisfies(e -> assertThat(((ManifestException) e).line()).isEqualTo(6));
    }

    @Test
    void aDocumentWithoutNameIsAnErrorAtItsMetadataLine() {
        String text = "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n";

        assertThatThrownBy(() -> ManifestFile.parse(text, "cm.yaml"))
                .hasMessage("cm.yaml:4: the document has no metadata.name");
    }

    @Test
    void aDocumentWithoutApiVersionIsAnError() {
        assertThatThrownBy(() -> ManifestFile.parse("kind: ConfigMap\nmetadata:\n  name: a\n", "cm.yaml"))
                .hasMessage("cm.yaml:1: the document has no apiVersion");
    }

    @Test
    void aYamlSyntaxErrorNamesTheLineInTheFile() {
        String text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\n"
                + "metadata:\n  name: [b\n";

        assertThatThrownBy(() -> ManifestFile.parse(text, "x.yaml")).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("x.yaml:")
                .hasMessageContaining("YAML syntax error")
                .satisfies(e -> assertThat(((ManifestException) e).line()).isBetween(9, 10));
    }

    @Test
    void aValueOfTheWrongTypeNamesItsFieldAndLine() {
        String text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports:\n  - port: web\n";

        assertThatThrownBy(() -> ManifestFile.parse(text, "svc.yaml"))
                .hasMessageStartingWith("svc.yaml:7: spec.ports[0].port: ");
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> ManifestFile.load(missing)).isInstanceOf(ManifestException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void aListDocumentGivesItsItems() throws Exception {
        String text = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n"
                + "    name: a\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n";

        assertThat(ManifestFile.parse(text, "list.yaml")).extracting(o -> o.getMetadata().getName())
                .containsExactly("a", "b");
    }
}
