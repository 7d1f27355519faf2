package dev.meshwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.plan.Workspace;
import dev.meshwizard.samples.ManifestFile;
import dev.meshwizard.testing.TestCharts;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh-wizard sample}: writes a sample's manifests that read back as the same objects. */
class SampleCommandTest {

    @TempDir
    Path dir;
    private final Cli cli = new Cli();

    @Test
    void bookinfoIsWrittenWithTheChosenRegistryTagAndNamespace() throws Exception {
        Path out = dir.resolve("out/bookinfo.yaml");

        int exit = cli.run("sample", "bookinfo", "--registry", "mirror.example.com/istio", "--tag", "1.22.0",
                "--namespace", "shop", "--out", out.toString());

        assertThat(exit).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("Wrote 15 objects of bookinfo to " + out);
        List<HasMetadata> objects = ManifestFile.load(out);
        assertThat(objects.get(0)).isInstanceOfSatisfying(Namespace.class, ns -> {
            assertThat(ns.getMetadata().getName()).isEqualTo("shop");
            assertThat(ns.getMetadata().getLabels()).isNullOrEmpty();
        });
        assertThat(objects.subList(1, 15)).allSatisfy(o -> assertThat(o.getMetadata().getNamespace())
                .isEqualTo("shop"));
        assertThat(objects).filteredOn(Deployment.class::isInstance).map(Deployment.class::cast)
                .extracting(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .contains("mirror.example.com/istio/examples-bookinfo-reviews-v3:1.22.0");
    }

    @Test
    void httpbinAndCurlAreWritten() throws Exception {
        assertThat(cli.run("sample", "httpbin", "--out", dir.resolve("h.yaml").toString())).isZero();
        assertThat(cli.run("sample", "curl", "--out", dir.resolve("c.yaml").toString())).isZero();

        assertThat(ManifestFile.load(dir.resolve("h.yaml"))).extracting(o -> o.getKind() + "/" + o.getMetadata()
                .getName()).containsExactly("ServiceAccount/httpbin", "Service/httpbin", "Deployment/httpbin");
        assertThat(ManifestFile.load(dir.resolve("c.yaml"))).hasSize(3);
    }

    @Test
    void anUnknownSampleOrBookinfoOptionsForAnotherSampleAreBadInput() {
        assertThat(cli.run("sample", "petstore", "--out", dir.resolve("p.yaml").toString())).isEqualTo(2);
        assertThat(cli.err.toString()).contains("unknown sample \"petstore\"").contains("bookinfo, httpbin, curl");
        assertThat(cli.run("sample", "curl", "--tag", "1", "--out", dir.resolve("c.yaml").toString())).isEqualTo(2);
        assertThat(dir.resolve("p.yaml")).doesNotExist();
    }

    @Test
    void aNamespaceThatIsNotADnsLabelIsBadInputAndNothingIsWritten() {
        Path out = dir.resolve("bookinfo.yaml");

        int exit = cli.run("sample", "bookinfo", "--namespace", "Book_Info", "--out", out.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--namespace Book_Info: namespace \"Book_Info\" is not a DNS-1123"
                + " label");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFileTheUserMadeOrEditedIsNotOverwrittenWithoutForce() throws Exception {
        // Given a sample written, and written again unchanged, then edited by the user
        Path out = dir.resolve("curl.yaml");
        assertThat(cli.run("sample", "curl", "--out", out.toString())).isZero();
        assertThat(cli.run("sample", "curl", "--out", out.toString())).as(cli.err.toString()).isZero();
        Files.writeString(out, Files.readString(out) + "# mine\n");

        // When it is written again, then it is bad input naming the file, and the edit stays
        assertThat(cli.run("sample", "curl", "--out", out.toString())).isEqualTo(2);
        assertThat(cli.err.toString()).contains(out.toString()).contains("--force");
        assertThat(Files.readString(out)).endsWith("# mine\n");

        // And with --force it is replaced
        assertThat(cli.run("sample", "curl", "--out", out.toString(), "--force")).isZero();
        assertThat(Files.readString(out)).doesNotContain("# mine");
    }

    @Test
    void withInjectTheNamespaceIsWrittenLabelledForInjectionBeforeTheSample() throws Exception {
        Path out = dir.resolve("curl.yaml");

        assertThat(cli.run("sample", "curl", "--namespace", "tools", "--inject", "--out", out.toString())).isZero();

        List<HasMetadata> objects = ManifestFile.load(out);
        assertThat(objects).extracting(HasMetadata::getKind).containsExactly("Namespace", "ServiceAccount", "Service",
                "Deployment");
        assertThat(objects.get(0).getMetadata().getLabels()).containsEntry("istio-injection", "enabled");
    }

    @Test
    void bookinfosGatewayForAWorkspaceListensOnThePortTheHelmGatewayServes() throws Exception {
        // Given a workspace whose plan installs the Helm gateway chart (Service ports 80 and 443 to the same ports)
        Path workspace = dir.resolve("ws");
        Workspace.open(workspace).save(Plans.forProfile(Profile.DEFAULT,
                ChartSourceSpec.chartsFolder(TestCharts.chartsFolder()), TestCharts.VERSION));
        Path out = dir.resolve("bookinfo.yaml");

        // When Bookinfo is written with its Gateway for that workspace
        int exit = cli.run("sample", "bookinfo", "--gateway-for", workspace.toString(), "--out", out.toString());

        // Then the Gateway selects the gateway's pods on port 80, not upstream's 8080
        assertThat(exit).as(cli.err.toString()).isZero();
        Gateway gateway = ManifestFile.load(out).stream().filter(Gateway.class::isInstance).map(Gateway.class::cast)
                .findFirst().orElseThrow();
        assertThat(gateway.getSpec().getSelector()).isEqualTo(java.util.Map.of("istio", "ingressgateway"));
        assertThat(gateway.getSpec().getServers().get(0).getPort().getNumber()).isEqualTo(80L);
        assertThat(cli.out.toString()).contains("server port 80");
        assertThat(ManifestFile.load(out)).extracting(HasMetadata::getKind).contains("VirtualService");
    }

    @Test
    void aGivenGatewayPortIsTheGatewaysServerPort() throws Exception {
        Path out = dir.resolve("bookinfo.yaml");

        assertThat(cli.run("sample", "bookinfo", "--gateway-port", "8080", "--out", out.toString())).isZero();

        assertThat(ManifestFile.load(out).stream().filter(Gateway.class::isInstance).map(Gateway.class::cast)
                .findFirst().orElseThrow().getSpec().getServers().get(0).getPort().getNumber()).isEqualTo(8080L);
        assertThat(cli.run("sample", "curl", "--gateway-port", "80", "--out", out.toString())).isEqualTo(2);
    }
}
