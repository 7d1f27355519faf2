package dev.meshwizard.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwizard.mesh.analysis.Finding;
import dev.meshwizard.mesh.analysis.MeshSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routing documents as YAML: templates, reading edited text, analysis. */
class RoutingDocumentsTest {

    @Test
    void theJasonTemplateReadsBackAsVirtualServiceReviews() throws Exception {
        RoutingDocument jason = RoutingDocuments.reviewsForJason("shop");

        RoutingDocument read = RoutingDocuments.read(jason.yaml());

        assertThat(read.kind()).isEqualTo("VirtualService");
        assertThat(read.name()).isEqualTo("reviews");
        assertThat(read.namespace()).isEqualTo("shop");
        assertThat(read.fileName()).isEqualTo("virtualservice-reviews.yaml");
        assertThat(read.yaml()).contains("jason");
    }

    @Test
    void aYamlSyntaxErrorIsReportedAtItsLine() {
        String broken = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: x\n"
                + "spec:\n  hosts: [reviews\n";

        assertThatThrownBy(() -> RoutingDocuments.read(broken)).isInstanceOf(RoutingYamlException.class)
                .satisfies(e -> assertThat(((RoutingYamlException) e).line()).isGreaterThanOrEqualTo(6));
    }

    @Test
    void aKindThatIsNotRoutingIsRefusedAtTheKindLine() {
        String service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n";

        assertThatThrownBy(() -> RoutingDocuments.read(service)).isInstanceOf(RoutingYamlException.class)
                .hasMessageContaining("Service is not a routing kind")
                .satisfies(e -> assertThat(((RoutingYamlException) e).line()).isEqualTo(2));
    }

    @Test
    void aDocumentWithoutANameIsRefused() {
        String nameless = "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  namespace: x\n";

        assertThatThrownBy(() -> RoutingDocuments.read(nameless)).hasMessageContaining("metadata.name");
    }

    @Test
    void theJasonRouteWithoutDestinationRulesHasAnUndefinedSubsetAtItsSubsetLine() {
        RoutingDocument jason = RoutingDocuments.reviewsForJason("default");

        List<Finding> findings = RoutingDocuments.analyze(List.of(jason), MeshSnapshot.empty(false));

        Finding subset = findings.stream().filter(f -> f.code().equals("MW0102")).findFirst().orElseThrow();
        String line = jason.yaml().lines().toList().get(RoutingDocuments.lineOf(jason, subset.path()) - 1);
        assertThat(line.trim()).startsWith("subset:");
    }

    @Test
    void withEveryBookinfoSubsetDefinedTheJasonRouteHasNoSubsetFinding() {
        List<RoutingDocument> documents = new ArrayList<>(RoutingDocuments.bookinfoDestinationRules("default"));
        documents.add(RoutingDocuments.reviewsForJason("default"));

        List<Finding> findings = RoutingDocuments.analyze(documents, MeshSnapshot.empty(false));

        assertThat(findings).noneMatch(f -> f.code().equals("MW0102"));
    }

    @Test
    void theTlsGatewayNamesItsSecretButHoldsNoKey() throws Exception {
        RoutingDocument gateway = RoutingDocuments.tlsGateway("shop", "default", "istio-ingressgateway",
                List.of("shop.example.com"), "shop-tls");

        assertThat(gateway.yaml()).startsWith("# TLS Secret shop-tls").contains("credentialName: shop-tls")
                .contains("httpsRedirect: true").contains("ingressgateway").doesNotContain("tls.key");
        assertThat(RoutingDocuments.read(gateway.yaml()).kind()).isEqualTo("Gateway");
    }

    @Test
    void joinedDocumentsAreOneMultiDocumentText() {
        String joined = RoutingDocuments.joined(RoutingDocuments.bookinfoAllV1("default"));

        assertThat(joined.split("(?m)^---$")).hasSize(5);
    }
}
