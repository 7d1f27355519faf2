package dev.meshwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.testing.BookinfoPages;
import dev.meshwizard.testing.SimulatedCluster;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh-wizard verify} against a local stand-in for Bookinfo behind the gateway. */
class VerifyCommandTest {

    @TempDir
    Path dir;
    private final Cli cli = new Cli();
    private BookinfoPages pages;
    private SimulatedCluster cluster;

    @AfterEach
    void stop() {
        if (pages != null) {
            pages.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theDistributionOfStatusCodesAndReviewsVersionsIsPrinted() {
        pages = BookinfoPages.start();

        int exit = cli.run("verify", "--url", pages.hostPort(), "--count", "4", "--rate", "100");

        assertThat(exit).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).containsPattern("200\\s+3").containsPattern("503\\s+1")
                .containsPattern("v1 \\(no stars\\)\\s+1").containsPattern("v2 \\(black stars\\)\\s+1")
                .containsPattern("v3 \\(red stars\\)\\s+1").contains("3 of 4 requests answered 200");
    }

    @Test
    void withoutA200TheExitCodeIsOne() {
        pages = BookinfoPages.start(List.of(503));

        int exit = cli.run("verify", "--url", "http://" + pages.hostPort(), "--count", "2", "--rate", "100");

        assertThat(exit).isEqualTo(1);
        assertThat(cli.out.toString()).contains("0 of 2 requests answered 200");
    }

    @Test
    void aCountBelowOneIsBadInput() {
        int exit = cli.run("verify", "--url", "localhost:1", "--count", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err.toString()).contains("mesh-wizard verify:").contains("--count");
    }

    @Test
    void withoutAUrlTheAddressComesFromTheGatewayReleasesService() {
        pages = BookinfoPages.start(List.of(BookinfoPages.V2));
        cluster = SimulatedCluster.start().createNamespaces("istio-system");
        cluster.client().services().inNamespace("istio-system").resource(new ServiceBuilder().withNewMetadata()
                .withNamespace("istio-system").withName("istio-ingressgateway")
                .addToLabels("app.kubernetes.io/instance", "istio-ingressgateway").endMetadata()
                .withNewSpec().withType("LoadBalancer").withPorts(
                        new ServicePortBuilder().withName("status-port").withPort(15021)
                                .withTargetPort(new IntOrString(15021)).build(),
                        new ServicePortBuilder().withName("http2").withPort(pages.port())
                                .withTargetPort(new IntOrString(80)).build()).endSpec()
                .withNewStatus().withNewLoadBalancer().addNewIngress().withIp("127.0.0.1").endIngress()
                .endLoadBalancer().endStatus().build()).create();
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");

        int exit = cli.run("verify", "--kubeconfig", kubeconfig.toString(), "--context", "sim", "--count", "2",
                "--rate", "100");

        assertThat(exit).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("Load balancer address of Service istio-system/istio-ingressgateway")
                .contains("http://127.0.0.1:" + pages.port() + "/productpage")
                .containsPattern("v2 \\(black stars\\)\\s+2");
    }

    @Test
    void aReleaseWithoutServiceIsReportedWithExitOne() {
        cluster = SimulatedCluster.start();
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");

        int exit = cli.run("verify", "--kubeconfig", kubeconfig.toString(), "--context", "sim",
                "--gateway-release", "istio-ingress");

        assertThat(exit).isEqualTo(1);
        assertThat(cli.err.toString()).contains("No Service of gateway release istio-ingress");
    }
}
