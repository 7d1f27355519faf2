package dev.meshwizard.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.testing.TestCharts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The samples as the window shows them: YAML text and what they hold. */
class SampleCatalogTest {

    @TempDir
    Path dir;

    @Test
    void bookinfoIsTextOfItsServicesAccountsAndDeploymentsWithTheChosenImages() {
        SampleCatalog.Manifests bookinfo = SampleCatalog.bookinfo("shop", "registry.example.com/istio", "1.2.3");

        assertThat(bookinfo.summary()).isEqualTo("4 Service, 4 ServiceAccount, 6 Deployment");
        assertThat(bookinfo.objects()).isEqualTo(14);
        assertThat(bookinfo.yaml()).contains("registry.example.com/istio/examples-bookinfo-reviews-v3:1.2.3")
                .contains("namespace: shop");
    }

    @Test
    void bookinfosGatewayIsFittedToThePlansGatewayReleaseAndSaysWhy() throws Exception {
        ChartSourceSpec source = ChartSourceSpec.chartsFolder(TestCharts.chartsFolder());
        InstallPlan plan = Plans.forProfile(Profile.DEFAULT, source, TestCharts.VERSION);

        SampleCatalog.GatewayRouting routing = SampleCatalog.bookinfoGateway(plan,
                new Renderer().render(plan, ChartSource.open(source)), "default");

        assertThat(routing.release()).isEqualTo("istio-ingressgateway");
        assertThat(routing.selector()).isEqualTo("istio=ingressgateway");
        assertThat(routing.manifests().yaml()).contains("kind: Gateway").contains("kind: VirtualService")
                .contains("number: " + routing.serverPort());
        assertThat(routing.why()).contains("istio-ingressgateway").contains("Port " + routing.serverPort());
    }

    @Test
    void aManifestFileThatCannotBeReadNamesFileAndLine() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\napiVersion: v1\n"
                + "metadata:\n  name: nokind\n");

        assertThatThrownBy(() -> SampleCatalog.load(file)).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith(file + ":6");
    }
}
