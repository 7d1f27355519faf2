package dev.meshwizard.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routing documents as forms and forms written back into their documents. */
class RoutingFormsTest {

    private static final String FAULTY_REVIEWS = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: default
            spec:
              hosts:
              - reviews
              http:
              - name: delayed
                fault:
                  delay:
                    fixedDelay: 7s
                    percentage:
                      value: 100
                match:
                - headers:
                    end-user:
                      exact: jason
                - sourceLabels:
                    app: productpage
                route:
                - destination:
                    host: reviews
                    subset: v2
                  headers:
                    response:
                      set:
                        x-route: delayed
              - route:
                - destination:
                    host: reviews
                    subset: v1
            """;

    @Test
    void aGatewayFormWrittenAndReadAgainIsTheSameForm() throws Exception {
        // Given
        RoutingDocument document = RoutingDocuments.tlsGateway("web", "default", "istio-ingressgateway",
                List.of("bookinfo.example.com"), "bookinfo-cert");
        GatewayForm form = new GatewayForm(List.of("istio=ingressgateway", "tier=edge"), List.of(
                new GatewayForm.Server(8080, "http", "HTTP", List.of("default/*.example.com"), "", "", true),
                new GatewayForm.Server(8443, "https", "HTTPS", List.of("a.example.com", "b.example.com"),
                        "MUTUAL", "web-cert", false),
                new GatewayForm.Server(15443, "tls", "TLS", List.of("*"), "PASSTHROUGH", "", false)));

        // When
        RoutingDocument written = RoutingForms.write(document, form);

        // Then
        assertThat(RoutingForms.read(written)).isEqualTo(form);
        assertThat(written.yaml()).contains("credentialName: web-cert").contains("namespace: default")
                .doesNotContain("# TLS Secret");
        assertThat(written.name()).isEqualTo("web");
    }

    @Test
    void aVirtualServiceFormWrittenAndReadAgainIsTheSameForm() throws Exception {
        // Given
        RoutingDocument document = RoutingDocuments.reviewsWeighted("default", 50);
        VirtualServiceForm form = new VirtualServiceForm(List.of("reviews", "reviews.example.com"),
                List.of("bookinfo-gateway", "mesh"), List.of(
                new VirtualServiceForm.Route("api", "prefix", "/api", "end-user", "jason", "GET", "/", List.of(
                        new VirtualServiceForm.Destination("reviews", "v2", 9080, 80),
                        new VirtualServiceForm.Destination("reviews", "v3", null, 20)), "10s", 3),
                new VirtualServiceForm.Route("", "regex", "^/v[0-9]+/.*", "", "", "", "", List.of(
                        new VirtualServiceForm.Destination("reviews", "", null, null)), "", null)));

        // When
        RoutingDocument written = RoutingForms.write(document, form);

        // Then
        assertThat(RoutingForms.read(written)).isEqualTo(form);
        assertThat(written.yaml()).contains("prefix: /api").contains("attempts: 3").contains("weight: 80");
    }

    @Test
    void aDestinationRuleFormWrittenAndReadAgainIsTheSameForm() throws Exception {
        // Given
        RoutingDocument document = RoutingDocuments.bookinfoDestinationRules("default").stream()
                .filter(d -> d.name().equals("reviews")).findFirst().orElseThrow();
        DestinationRuleForm form = new DestinationRuleForm("reviews.default.svc.cluster.local", List.of(
                new DestinationRuleForm.Subset("v1", List.of("version=v1")),
                new DestinationRuleForm.Subset("canary", List.of("version=v4", "track=canary"))), "LEAST_REQUEST");

        // When
        RoutingDocument written = RoutingForms.write(document, form);

        // Then
        assertThat(RoutingForms.read(written)).isEqualTo(form);
        assertThat(written.yaml()).contains("simple: LEAST_REQUEST").doesNotContain("name: v3");
    }

    @Test
    void editingTheHostsOfAVirtualServiceKeepsItsFaultOtherMatchesAndHeaders() throws Exception {
        // Given
        RoutingDocument document = RoutingDocuments.read(FAULTY_REVIEWS);
        VirtualServiceForm form = (VirtualServiceForm) RoutingForms.read(document);

        // When
        RoutingDocument written = RoutingForms.write(document,
                new VirtualServiceForm(List.of("reviews", "reviews.default.svc.cluster.local"), form.gateways(),
                        form.routes()));

        // Then
        assertThat(written.yaml()).contains("fixedDelay: 7s").contains("sourceLabels:").contains("app: productpage")
                .contains("x-route: delayed").contains("- reviews.default.svc.cluster.local");
        assertThat(RoutingForms.read(written)).isEqualTo(new VirtualServiceForm(
                List.of("reviews", "reviews.default.svc.cluster.local"), form.gateways(), form.routes()));
        assertThat(form.routes().get(0).headerName()).isEqualTo("end-user");
        assertThat(form.routes().get(0).headerExact()).isEqualTo("jason");
    }

    @Test
    void serverFieldsTheFormDoesNotShowAreKept() throws Exception {
        // Given
        RoutingDocument document = RoutingDocuments.read("""
                apiVersion: networking.istio.io/v1beta1
                kind: Gateway
                metadata:
                  name: edge
                spec:
                  selector:
                    istio: ingressgateway
                  servers:
                  - bind: 0.0.0.0
                    port:
                      number: 443
                      name: https
                      protocol: HTTPS
                    hosts:
                    - "*"
                    tls:
                      mode: SIMPLE
                      credentialName: edge-cert
                      minProtocolVersion: TLSV1_2
                """);
        GatewayForm form = (GatewayForm) RoutingForms.read(document);
        GatewayForm.Server server = form.servers().get(0);

        // When
        RoutingDocument written = RoutingForms.write(document, new GatewayForm(form.selector(), List.of(
                new GatewayForm.Server(8443, server.portName(), server.protocol(), server.hosts(), server.tlsMode(),
                        server.credentialName(), false))));

        // Then
        assertThat(written.yaml()).contains("bind: 0.0.0.0").contains("minProtocolVersion: TLSV1_2")
                .contains("number: 8443").contains("apiVersion: networking.istio.io/v1beta1");
    }

    @Test
    void clearingTheLoadBalancerDropsTheEmptyTrafficPolicyButKeepsOtherSettings() throws Exception {
        // Given
        RoutingDocument document = RoutingDocuments.read("""
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: ratings
                spec:
                  host: ratings
                  trafficPolicy:
                    loadBalancer:
                      simple: RANDOM
                    connectionPool:
                      tcp:
                        maxConnections: 10
                """);

        // When
        RoutingDocument written = RoutingForms.write(document, new DestinationRuleForm("ratings", List.of(), ""));

        // Then
        assertThat(written.yaml()).doesNotContain("loadBalancer").doesNotContain("RANDOM")
                .contains("maxConnections: 10");
    }

    @Test
    void aFormWithWrongValuesNamesEachFieldAndIsNotWritten() throws Exception {
        // Given
        RoutingDocument reviews = RoutingDocuments.reviewsWeighted("default", 50);
        VirtualServiceForm form = (VirtualServiceForm) RoutingForms.read(reviews);
        List<VirtualServiceForm.Destination> destinations = new ArrayList<>(form.routes().get(0).destinations());
        destinations.set(0, destinations.get(0).withWeight(120));
        destinations.add(new VirtualServiceForm.Destination(" ", "", 0, 10));
        VirtualServiceForm wrong = form.withRoutes(List.of(form.routes().get(0).withDestinations(destinations)));
        GatewayForm gateway = new GatewayForm(List.of("istio"), List.of(
                new GatewayForm.Server(70000, "", "HTTP", List.of(), "", "", false)));

        // When
        List<FormProblem> problems = RoutingForms.problems(wrong);

        // Then
        assertThat(problems).containsExactly(
                new FormProblem("routes[0].destinations[0].weight", "weight must be a number from 0 to 100"),
                new FormProblem("routes[0].destinations[2].host", "destination host is required"),
                new FormProblem("routes[0].destinations[2].port", "port must be a number from 1 to 65535"));
        assertThat(RoutingForms.problems(gateway)).extracting(FormProblem::field)
                .containsExactly("selector", "servers[0].port", "servers[0].portName", "servers[0].hosts");
        assertThat(RoutingForms.problems(new DestinationRuleForm("", List.of(
                new DestinationRuleForm.Subset("", List.of())), ""))).extracting(FormProblem::message)
                .containsExactly("host is required", "subset name is required");
        assertThatThrownBy(() -> RoutingForms.write(reviews, wrong)).isInstanceOf(RoutingFormException.class)
                .hasMessageContaining("routes[0].destinations[0].weight: weight must be a number from 0 to 100");
    }

    @Test
    void aFormOfAnotherKindIsRefused() {
        // Given
        RoutingDocument reviews = RoutingDocuments.reviewsWeighted("default", 50);

        // When / Then
        assertThatThrownBy(() -> RoutingForms.write(reviews, new DestinationRuleForm("reviews", List.of(), "")))
                .isInstanceOf(RoutingFormException.class).hasMessageContaining("is a VirtualService");
    }

    @Test
    void anInvalidTextHasNoForm() {
        // When / Then
        assertThatThrownBy(() -> RoutingForms.read(new RoutingDocument("Gateway", "", "x", "kind: [")))
                .isInstanceOf(RoutingYamlException.class)
                .hasMessageStartingWith("line 1: ").hasMessageContaining("<stream end>");
    }
}
