package dev.meshwizard.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestParserTest {

    @Test
    void helmOutputIsSplitIntoObjectsWithTheirSourceTemplates() {
        String output = """
                ---
                # Source: gateway/templates/serviceaccount.yaml
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: istio-ingressgateway
                  namespace: istio-system
                  labels:
                    name: not-this-one
                ---
                # Source: base/templates/crds.yaml
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  labels:
                    app: istio-pilot
                  name: "gateways.networking.istio.io"
                spec:
                  names:
                    kind: Gateway
                """;

        List<RenderedObject> objects = ManifestParser.parse(output);

        assertThat(objects).extracting(RenderedObject::apiVersion, RenderedObject::kind, RenderedObject::name,
                        RenderedObject::namespace, RenderedObject::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("v1", "ServiceAccount", "istio-ingressgateway",
                                "istio-system", "gateway/templates/serviceaccount.yaml"),
                        org.assertj.core.groups.Tuple.tuple("apiextensions.k8s.io/v1", "CustomResourceDefinition",
                                "gateways.networking.istio.io", "", "base/templates/crds.yaml"));
        assertThat(objects.get(0).yaml()).startsWith("apiVersion: v1\n").endsWith("name: not-this-one")
                .doesNotContain("# Source");
    }

    @Test
    void emptyAndCommentOnlyDocumentsAreDropped() {
        String output = "---\n# Source: x/templates/empty.yaml\n# nothing here\n---\n\n---\napiVersion: v1\n"
                + "kind: ConfigMap\nmetadata:\n  name: a\n";

        assertThat(ManifestParser.parse(output)).extracting(RenderedObject::id).containsExactly("ConfigMap/a");
    }

    @Test
    void aDocumentInFlowStyleIsReadWithAFullParse() {
        String output = "---\n# Source: x/templates/flow.yaml\n{apiVersion: v1, kind: Secret, "
                + "metadata: {name: s, namespace: n}, data: {k: dg==}}\n";

        RenderedObject object = ManifestParser.parse(output).get(0);

        assertThat(object.id()).isEqualTo("Secret/s");
        assertThat(object.namespace()).isEqualTo("n");
        assertThat(object.displayYaml()).doesNotContain("dg==").contains("k: \"<redacted>\"").contains("name: \"s\"");
    }
}
