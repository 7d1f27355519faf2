package dev.meshwizard.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwizard.render.RenderedObject;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ObjectDiffTest {

    private static final String CONFIG = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: mesh
              namespace: istio-system
            data:
              a: one
              b: two
            """;

    @Test
    void objectsOnlyAfterAreAddedOnlyBeforeRemovedAndInBothUnchangedOrChanged() {
        // Given
        List<ObjectNode> before = ObjectDiff.fromYaml(CONFIG + "---\n" + config("old", "x: 1") + "---\n"
                + config("same", "y: 2"));
        List<ObjectNode> after = ObjectDiff.fromYaml(CONFIG.replace("b: two", "b: three") + "---\n"
                + config("same", "y: 2") + "---\n" + config("new", "z: 3"));

        // When
        List<ObjectChange> changes = ObjectDiff.between(before, after);

        // Then
        assertThat(changes).extracting(ObjectChange::name, ObjectChange::type).containsExactly(
                Tuple.tuple("mesh", ObjectChange.Type.CHANGED),
                Tuple.tuple("same", ObjectChange.Type.UNCHANGED),
                Tuple.tuple("new", ObjectChange.Type.ADDED),
                Tuple.tuple("old", ObjectChange.Type.REMOVED));
        assertThat(changes.get(0).lines()).extracting(DiffLine::unified)
                .contains("-  b: two", "+  b: three", "   a: one");
        assertThat(changes.get(1).lines()).isEmpty();
        assertThat(changes.get(2).lines()).allSatisfy(line ->
                assertThat(line.kind()).isIn(DiffLine.Kind.ADDED, DiffLine.Kind.HUNK));
        assertThat(changes.get(2).beforeYaml()).isEmpty();
        assertThat(changes.get(3).lines()).filteredOn(line -> line.kind() != DiffLine.Kind.HUNK)
                .allSatisfy(line -> assertThat(line.kind()).isEqualTo(DiffLine.Kind.REMOVED));
        assertThat(changes.get(3).afterYaml()).isEmpty();
    }

    @Test
    void fieldOrderMakesNoChange() {
        // Given the same object with keys in another order
        String reordered = """
                metadata:
                  namespace: istio-system
                  name: mesh
                data:
                  b: two
                  a: one
                kind: ConfigMap
                apiVersion: v1
                """;

        // When
        List<ObjectChange> changes = ObjectDiff.between(ObjectDiff.fromYaml(CONFIG), ObjectDiff.fromYaml(reordered));

        // Then
        assertThat(changes).singleElement().extracting(ObjectChange::type).isEqualTo(ObjectChange.Type.UNCHANGED);
        assertThat(changes.get(0).afterYaml()).startsWith("apiVersion: v1\nkind: ConfigMap\nmetadata:");
    }

    @Test
    void serverOwnedFieldsAreIgnored() {
        // Given the object as a server returns it
        String fromServer = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: mesh
                  namespace: istio-system
                  uid: 0b7c
                  resourceVersion: "4711"
                  generation: 3
                  creationTimestamp: "2026-01-01T00:00:00Z"
                  annotations:
                    kubectl.kubernetes.io/last-applied-configuration: '{"data":{"a":"one"}}'
                  managedFields:
                  - manager: mesh-wizard
                    operation: Apply
                data:
                  a: one
                  b: two
                status:
                  phase: Whatever
                """;

        // When
        List<ObjectChange> changes = ObjectDiff.between(ObjectDiff.fromYaml(fromServer), ObjectDiff.fromYaml(CONFIG));

        // Then
        assertThat(changes).singleElement().extracting(ObjectChange::type).isEqualTo(ObjectChange.Type.UNCHANGED);
        assertThat(changes.get(0).beforeYaml()).doesNotContain("uid", "managedFields", "last-applied", "status");
    }

    @Test
    void helmOwnershipMarksAreIgnoredOnlyWhenAsked() {
        // Given the object as Helm installed it
        String byHelm = CONFIG.replace("  namespace: istio-system\n", """
                  namespace: istio-system
                  labels:
                    app.kubernetes.io/managed-by: Helm
                  annotations:
                    meta.helm.sh/release-name: istiod
                    meta.helm.sh/release-namespace: istio-system
                """);

        // When
        ObjectChange compared = ObjectDiff.between(ObjectDiff.fromYaml(byHelm), ObjectDiff.fromYaml(CONFIG)).get(0);
        ObjectChange ignored = ObjectDiff.between(ObjectDiff.fromYaml(byHelm), ObjectDiff.fromYaml(CONFIG), true)
                .get(0);

        // Then
        assertThat(compared.type()).isEqualTo(ObjectChange.Type.CHANGED);
        assertThat(compared.lines()).extracting(DiffLine::unified).contains("-    meta.helm.sh/release-name: istiod");
        assertThat(ignored.type()).isEqualTo(ObjectChange.Type.UNCHANGED);
    }

    @Test
    void objectsMatchAcrossVersionsOfOneGroupButNotAcrossGroupsOrNamespaces() {
        // Given
        String v1 = "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: g\n  namespace: a\n";
        List<ObjectNode> before = ObjectDiff.fromYaml(v1);
        List<ObjectNode> otherVersion = ObjectDiff.fromYaml(v1.replace("/v1", "/v1beta1"));
        List<ObjectNode> otherGroup =
                ObjectDiff.fromYaml(v1.replace("networking.istio.io", "gateway.networking.k8s.io"));
        List<ObjectNode> otherNamespace = ObjectDiff.fromYaml(v1.replace("namespace: a", "namespace: b"));

        // When / Then
        assertThat(ObjectDiff.between(before, otherVersion)).extracting(ObjectChange::type)
                .containsExactly(ObjectChange.Type.CHANGED);
        assertThat(ObjectDiff.between(before, otherGroup)).extracting(ObjectChange::type)
                .containsExactly(ObjectChange.Type.ADDED, ObjectChange.Type.REMOVED);
        assertThat(ObjectDiff.between(before, otherNamespace)).extracting(ObjectChange::type)
                .containsExactly(ObjectChange.Type.ADDED, ObjectChange.Type.REMOVED);
    }

    @Test
    void secretValuesAreComparedButNeverShown() {
        // Given a Secret whose token changes, whose ca stays, and whose stringData equals the stored data
        var before = new SecretBuilder().withNewMetadata().withName("creds").withNamespace("app").endMetadata()
                .addToData("token", "c2VjcmV0LW9uZQ==").addToData("ca", "Y2EtYnl0ZXM=")
                .addToData("password", "aHVudGVyMg==").build();
        String after = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: creds
                  namespace: app
                data:
                  token: c2VjcmV0LXR3bw==
                  ca: Y2EtYnl0ZXM=
                stringData:
                  password: hunter2
                """;

        // When
        ObjectChange change = ObjectDiff.between(ObjectDiff.fromResources(List.of(before)),
                ObjectDiff.fromRendered(List.of(new RenderedObject("v1", "Secret", "creds", "app", "", after))))
                .get(0);

        // Then
        assertThat(change.type()).isEqualTo(ObjectChange.Type.CHANGED);
        assertThat(change.lines()).extracting(DiffLine::unified)
                .contains("-  token: <redacted>", "+  token: \"<redacted, changed>\"", "   ca: <redacted>")
                .noneMatch(line -> line.contains("password") && !line.startsWith(" "));
        String everything = change.beforeYaml() + change.afterYaml() + change.unifiedText();
        assertThat(everything).doesNotContain("c2VjcmV0", "Y2EtYnl0ZXM", "aHVudGVyMg", "hunter2", "secret-");
    }

    @Test
    void secretsThatDifferOnlyInValuesAreChangedAndAddedSecretsShowNoValues() {
        // Given
        var one = new SecretBuilder().withNewMetadata().withName("s").endMetadata()
                .addToStringData("key", "first").build();
        var two = new SecretBuilder().withNewMetadata().withName("s").endMetadata()
                .addToStringData("key", "second").build();

        // When
        List<ObjectChange> changed = ObjectDiff.between(ObjectDiff.fromResources(List.of(one)),
                ObjectDiff.fromResources(List.of(two)));
        List<ObjectChange> added = ObjectDiff.between(List.of(), ObjectDiff.fromResources(List.of(two)));

        // Then
        assertThat(changed).singleElement().extracting(ObjectChange::type).isEqualTo(ObjectChange.Type.CHANGED);
        assertThat(added.get(0).afterYaml()).contains("key: <redacted>").doesNotContain("second", "c2Vjb25k");
    }

    @Test
    void fabric8ObjectsAndRenderedYamlOfTheSameObjectAreUnchanged() {
        // Given a Service built in code and the same Service as a chart renders it
        var service = new ServiceBuilder().withNewMetadata().withName("web").withNamespace("app")
                .addToLabels("app", "web").endMetadata()
                .withNewSpec().addToSelector("app", "web").addNewPort().withName("http").withPort(80)
                .withNewTargetPort(9080).endPort().endSpec().build();
        String rendered = """
                apiVersion: v1
                kind: Service
                metadata:
                  labels:
                    app: web
                  name: web
                  namespace: app
                spec:
                  ports:
                  - name: http
                    port: 80
                    targetPort: 9080
                  selector:
                    app: web
                """;
        var config = new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata()
                .withData(Map.of("k", "v")).build();

        // When
        List<ObjectChange> changes = ObjectDiff.between(ObjectDiff.fromResources(List.of(service, config)),
                ObjectDiff.fromRendered(List.of(new RenderedObject("v1", "Service", "web", "app", "", rendered))));

        // Then
        assertThat(changes).extracting(ObjectChange::kind, ObjectChange::type).containsExactly(
                Tuple.tuple("Service", ObjectChange.Type.UNCHANGED),
                Tuple.tuple("ConfigMap", ObjectChange.Type.REMOVED));
    }

    @Test
    void multiLineStringsAreDiffedLineByLine() {
        // Given a ConfigMap value of several lines of which one changes
        String before = config("kiali", "config.yaml: |\n    a: 1\n    url: http://prometheus:9090\n    b: 2");
        String after = before.replace("prometheus:9090", "prom.monitoring:9090");

        // When
        ObjectChange change = ObjectDiff.between(ObjectDiff.fromYaml(before), ObjectDiff.fromYaml(after)).get(0);

        // Then
        assertThat(change.lines()).filteredOn(line -> line.kind() == DiffLine.Kind.ADDED)
                .extracting(DiffLine::text).containsExactly("    url: http://prom.monitoring:9090");
    }

    private static String config(String name, String data) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: istio-system\ndata:\n  "
                + data + "\n";
    }
}
