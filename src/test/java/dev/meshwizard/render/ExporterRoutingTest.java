package dev.meshwizard.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.testing.TestCharts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing documents in an export: their folder and the install script's server-side apply of it. */
class ExporterRoutingTest {

    private static final String REVIEWS = "apiVersion: networking.istio.io/v1\nkind: VirtualService\n"
            + "metadata:\n  name: reviews\nspec:\n  hosts: [reviews]\n";

    private static ChartSource charts;
    private static InstallPlan plan;
    private static RenderedManifests manifests;

    @TempDir
    Path temp;

    @BeforeAll
    static void render() throws Exception {
        ChartSourceSpec source = ChartSourceSpec.chartsFolder(TestCharts.chartsFolder());
        charts = ChartSource.open(source);
        plan = Plans.forProfile(Profile.DEFAULT, source, TestCharts.VERSION);
        manifests = new Renderer().render(plan, charts);
    }

    @Test
    void routingDocumentsAreWrittenAndAppliedLastByTheInstallScript() throws Exception {
        // When
        Path folder = Exporter.export(plan, manifests, Map.of("virtualservice-reviews.yaml", REVIEWS),
                temp.resolve("export"));

        // Then
        assertThat(Files.readString(folder.resolve("routing/virtualservice-reviews.yaml"))).isEqualTo(REVIEWS);
        String script = Files.readString(folder.resolve("install.sh"));
        assertThat(script).contains("kubectl apply --server-side --field-manager=mesh-wizard -f routing/");
        assertThat(script.indexOf("routing/")).isGreaterThan(script.lastIndexOf("helm upgrade --install"));
        assertThat(Files.readString(folder.resolve("README.md"))).contains("`routing/`");
    }

    @Test
    void withoutRoutingDocumentsThereIsNoRoutingFolderNorApplyLine() throws Exception {
        Path folder = Exporter.export(plan, manifests, temp.resolve("export"));

        assertThat(folder.resolve("routing")).doesNotExist();
        assertThat(Files.readString(folder.resolve("install.sh"))).doesNotContain("kubectl apply");
    }

    @Test
    void aRoutingFileNameThatLeavesTheFolderIsRefused() {
        assertThatThrownBy(() -> Exporter.export(plan, manifests, Map.of("../evil.yaml", REVIEWS),
                temp.resolve("export"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a routing file name: ../evil.yaml");
        assertThat(temp.resolve("export")).doesNotExist();
    }
}
