package dev.meshwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.plan.Workspace;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.testing.TestPlans;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh-wizard analyze}: a line per finding, exit 1 on errors, 2 on bad input, files with a cluster. */
class AnalyzeCommandTest {

    @TempDir
    Path dir;
    private final Cli cli = new Cli();

    private static final String REVIEWS_V2 = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: default
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination:
                    host: reviews
                    subset: v2
            """;

    private Path bookinfo() {
        Path file = dir.resolve("bookinfo.yaml");
        assertThat(new Cli().run("sample", "bookinfo", "--out", file.toString())).isZero();
        return file;
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aSubsetWithoutRuleIsPrintedAsAnErrorLineWithItsFixAndExitsOne() throws Exception {
        Path routes = write("reviews.yaml", REVIEWS_V2);

        int exit = cli.run("analyze", bookinfo().toString(), routes.toString());

        assertThat(exit).as(cli.err.toString()).isEqualTo(1);
        List<String> lines = cli.out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("Error [MW0102] [IST0101 ReferencedResourceNotFound] "
                + "(VirtualService reviews.default) spec.http[0].route[0].destination.subset: subset \"v2\" of reviews "
                + "is not defined");
        assertThat(lines.get(1)).startsWith("    Add subset v2");
    }

    @Test
    void routingThatChecksOutExitsZeroAndSaysSo() throws Exception {
        Path rules = write("rules.yaml", """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: reviews}
                spec:
                  host: reviews
                  subsets:
                  - name: v2
                    labels: {version: v2}
                """);

        int exit = cli.run("analyze", bookinfo().toString(), write("reviews.yaml", REVIEWS_V2).toString(),
                rules.toString());

        assertThat(exit).as(cli.out.toString()).isZero();
        assertThat(cli.out.toString()).startsWith("No problems found in 16 objects");
    }

    @Test
    void warningsAloneExitZero() throws Exception {
        Path service = write("web.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n"
                + "  ports:\n  - {name: web, port: 80}\n");

        int exit = cli.run("analyze", service.toString());

        assertThat(exit).isZero();
        assertThat(cli.out.toString()).startsWith("Info [MW0109] [IST0118 PortNameIsNotUnderNamingConvention] "
                + "(Service web.default) spec.ports[0].name: ");
    }

    @Test
    void aMissingOrUnreadableFileIsBadInputNamingTheFileAndLine() throws Exception {
        Path broken = write("broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n"
                + "kind: ConfigMap\nmetadata:\n  name: b\n");

        assertThat(cli.run("analyze", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(cli.err.toString()).contains("mesh-wizard analyze: " + dir.resolve("nope.yaml") + ": no such file");
        assertThat(cli.run("analyze", broken.toString())).isEqualTo(2);
        assertThat(cli.err.toString()).contains(broken + ":6: the document has no apiVersion");
    }

    @Test
    void aMeshConfigFileSetsTheClusterDomainAndABadOneIsBadInputNamingTheFile() throws Exception {
        Path service = write("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n"
                + "  selector: {app: web}\n  ports:\n  - {name: http, port: 80}\n---\n"
                + "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: web}\nspec:\n"
                + "  hosts: [web]\n  http:\n  - route:\n    - destination: {host: web.default.svc.corp.example}\n");
        Path mesh = write("mesh.yaml", "clusterDomain: corp.example\n");
        Path bad = write("bad-mesh.yaml", "- not\n- a mapping\n");

        assertThat(cli.run("analyze", service.toString())).isEqualTo(1);
        assertThat(cli.out.toString())
                .contains("[MW0101] [IST0101 ReferencedResourceNotFound] (VirtualService web.default)");
        cli.out.getBuffer().setLength(0);
        assertThat(cli.run("analyze", "--meshconfig", mesh.toString(), service.toString())).isZero();
        assertThat(cli.out.toString()).doesNotContain("MW0101");
        assertThat(cli.run("analyze", "--meshconfig", bad.toString(), service.toString())).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--meshconfig " + bad + ": line 1");
        assertThat(cli.run("analyze", "--meshconfig", dir.resolve("none.yaml").toString(), service.toString()))
                .isEqualTo(2);
        assertThat(cli.err.toString()).contains("none.yaml: no such file");
    }

    @Test
    void withAWorkspaceTheGatewayMustSelectThePlannedGatewayRelease() throws Exception {
        InstallPlan plan = TestPlans.plan(Profile.DEFAULT, ChartSourceSpec.chartsFolder(TestCharts.chartsFolder()));
        plan = plan.withReleases(plan.releases().stream().map(r -> r.name().equals("istio-ingressgateway")
                ? new ChartRelease("istio-ingress", r.namespace(), r.component(), r.valuesYaml(), r.sets()) : r)
                .toList());
        Path workspace = dir.resolve("ws");
        Workspace.open(workspace).save(plan);
        Path gateway = write("gateway.yaml", """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: bookinfo-gateway}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: ["*"]
                """);

        int exit = cli.run("analyze", "--workspace", workspace.toString(), gateway.toString());

        assertThat(exit).as(cli.err.toString()).isEqualTo(1);
        assertThat(cli.out.toString()).contains("Error [MW0104] [IST0101 ReferencedResourceNotFound] "
                + "(Gateway bookinfo-gateway.default) spec.selector: ")
                .contains("istio-ingress labels its pods istio=ingress");
    }

    @Test
    void withAClusterTheFilesAreCheckedAgainstItsServicesAndPods() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.start().installIstioCrds()) {
            Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
            cluster.createAll(List.of(
                    new ServiceBuilder().withNewMetadata().withName("reviews").withNamespace("default").endMetadata()
                            .withNewSpec().withSelector(Map.of("app", "reviews")).addNewPort().withName("http")
                            .withPort(9080).endPort().endSpec().build(),
                    new PodBuilder().withNewMetadata().withName("reviews-v1-a").withNamespace("default")
                            .withLabels(Map.of("app", "reviews", "version", "v1")).endMetadata().withNewSpec()
                            .addNewContainer().withName("reviews").withImage("r").endContainer()
                            .addNewContainer().withName("istio-proxy").withImage("p").endContainer().endSpec()
                            .build()));
            Path rules = write("rules.yaml", "apiVersion: networking.istio.io/v1\nkind: DestinationRule\n"
                    + "metadata: {name: reviews}\nspec:\n  host: reviews\n  subsets:\n  - name: v2\n"
                    + "    labels: {version: v2}\n");

            int exit = cli.run("analyze", "--kubeconfig", kubeconfig.toString(), "--context", "sim",
                    write("reviews.yaml", REVIEWS_V2).toString(), rules.toString());

            assertThat(exit).as(cli.err.toString()).isEqualTo(1);
            // The cluster's namespace default is not labelled for injection, as on a fresh cluster: an Info line
            assertThat(cli.out.toString().lines().filter(l -> !l.startsWith(" ")).toList()).satisfiesExactly(
                    error -> assertThat(error).startsWith("Error [MW0103] [IST0173 DestinationRuleSubsetNotSelectPods] "
                            + "(DestinationRule reviews.default) spec.subsets[0]: "),
                    info -> assertThat(info).startsWith("Info [MW0110] [IST0102 NamespaceNotInjected] "
                            + "(Namespace default)"));
        }
    }

    @Test
    void anUnknownContextIsBadInput() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.start()) {
            Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");

            int exit = cli.run("analyze", "--kubeconfig", kubeconfig.toString(), "--context", "other",
                    write("reviews.yaml", REVIEWS_V2).toString());

            assertThat(exit).isEqualTo(2);
            assertThat(cli.err.toString()).startsWith("mesh-wizard analyze: ").contains("other");
        }
    }
}
