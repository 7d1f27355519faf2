package dev.meshwizard.ui.values;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.job.SameThreadJobRunner;
import dev.meshwizard.plan.AwsNlbOptions;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.HealthCheck;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.ValuesProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleaseValuesViewModelTest {

    private final List<String> published = new ArrayList<>();

    private ReleaseValuesViewModel gateway(String values) {
        ChartRelease release = new ChartRelease("istio-ingressgateway", "istio-system", Component.GATEWAY, values,
                List.of());
        return new ReleaseValuesViewModel(new SameThreadJobRunner(), release, published::add,
                text -> () -> text.contains("notAValue") ? Optional.of(
                        "values don't meet the specifications of the schema(s) in the following chart(s):\n"
                        + "gateway:\n- at '': additional properties 'notAValue' not allowed") : Optional.empty());
    }

    @Test
    void aFormEditChangesOnlyThatKeyInTheTextAndPublishesIt() {
        String start = Plans.defaultValues(Component.GATEWAY, "istio-ingressgateway");
        ReleaseValuesViewModel model = gateway(start);

        model.field("service.type").orElseThrow().value().set("NodePort");

        assertThat(model.textProperty().get()).isEqualTo(start.replace("type: LoadBalancer", "type: NodePort"));
        assertThat(published).last().isEqualTo(model.textProperty().get());
    }

    @Test
    void typedTextFillsTheFormAndAKeySetTwiceIsAProblemAtItsLineButTheTextIsKept() {
        ReleaseValuesViewModel model = gateway("service:\n  type: ClusterIP\n");
        assertThat(model.field("service.type").orElseThrow().value().get()).isEqualTo("ClusterIP");

        model.textEdited("service:\n  type: ClusterIP\n  type: NodePort\n");

        assertThat(model.problems()).extracting(ValuesProblem::severity).contains(ValuesProblem.Severity.ERROR);
        assertThat(model.problemsByLine()).containsKey(3);
        assertThat(published).last().isEqualTo("service:\n  type: ClusterIP\n  type: NodePort\n");
        assertThat(model.field("service.type").orElseThrow().value().get()).isEqualTo("ClusterIP");
    }

    @Test
    void aValueTheChartSchemaRejectsIsMarkedAtItsKeyWithHelmsMessage() {
        ReleaseValuesViewModel model = gateway("service:\n  type: ClusterIP\n");

        model.textEdited("service:\n  type: ClusterIP\nnotAValue: 1\n");

        assertThat(model.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).startsWith("Helm: ").contains("'notAValue' not allowed");
            assertThat(problem.line()).isEqualTo(3);
        });
    }

    @Test
    void addingAPortStartsFromTheChartsPortsAndKeepsTheCommentedOutExample() {
        String start = Plans.defaultValues(Component.GATEWAY, "istio-ingressgateway");
        ReleaseValuesViewModel model = gateway(start);
        assertThat(model.ports()).isEmpty();

        List<ReleaseValuesViewModel.PortLine> ports = new java.util.ArrayList<>(ReleaseValuesViewModel.CHART_PORTS);
        ports.set(1, new ReleaseValuesViewModel.PortLine("http2", "80", "8080", "TCP"));
        model.setPorts(ports);

        String text = model.textProperty().get();
        assertThat(text).startsWith(start.substring(0, start.indexOf("service:")));
        assertThat(text).contains("# - name: status-port").contains("targetPort: 8080");
        assertThat(model.ports()).extracting(ReleaseValuesViewModel.PortLine::targetPort)
                .containsExactly("15021", "8080", "443");
    }

    @Test
    void annotationsAreAddedAndRemovedOneByOne() {
        ReleaseValuesViewModel model = gateway("service:\n  type: LoadBalancer  # keep me\n");

        model.setAnnotation("external-dns.alpha.kubernetes.io/hostname", "mesh.example.com");
        assertThat(model.annotations()).extracting(ReleaseValuesViewModel.Annotation::key)
                .containsExactly("external-dns.alpha.kubernetes.io/hostname");
        assertThat(model.textProperty().get()).contains("# keep me");

        model.setAnnotation("external-dns.alpha.kubernetes.io/hostname", "");
        assertThat(model.annotations()).isEmpty();
        assertThat(model.textProperty().get()).contains("type: LoadBalancer  # keep me");
    }

    @Test
    void healthCheckAnnotationsSetTwiceOfferTheTwoChoicesAndChoosingOneFixesTheFile() {
        String mixed = "service:\n  annotations:\n"
                + "    service.beta.kubernetes.io/aws-load-balancer-healthcheck-port: \"15021\"\n"
                + "    service.beta.kubernetes.io/aws-load-balancer-healthcheck-path: /healthz/ready\n"
                + "    service.beta.kubernetes.io/aws-load-balancer-healthcheck-port: traffic-port\n";
        ReleaseValuesViewModel model = gateway("service:\n  type: LoadBalancer\n");
        model.textEdited(mixed);
        assertThat(model.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("lines 3 and 5");
            assertThat(problem.fix()).contains(HealthCheck.HTTP_STATUS_PORT.label())
                    .contains(HealthCheck.TCP_TRAFFIC_PORT.label());
        });

        model.healthCheckProperty().set(HealthCheck.TCP_TRAFFIC_PORT);

        assertThat(model.problems()).isEmpty();
        assertThat(model.textProperty().get()).contains("healthcheck-port: traffic-port")
                .doesNotContain("15021").doesNotContain("healthcheck-path");
    }

    @Test
    void choosingTheTcpHealthCheckReplacesTheStatusPortAnnotations() {
        ReleaseValuesViewModel model = gateway("service:\n  type: LoadBalancer\n");
        model.applyAwsNlb(new AwsNlbOptions(AwsNlbOptions.Scheme.INTERNAL, true, List.of(), List.of(), "", "443", "",
                HealthCheck.HTTP_STATUS_PORT));
        assertThat(model.textProperty().get()).contains("healthcheck-path").contains("internal");

        model.healthCheckProperty().set(HealthCheck.TCP_TRAFFIC_PORT);

        assertThat(model.textProperty().get()).doesNotContain("healthcheck-path").contains("traffic-port");
        assertThat(model.problems()).isEmpty();
    }
}
