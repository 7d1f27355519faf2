package dev.meshwizard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.ValuesValidator;
import dev.meshwizard.render.RenderException;
import dev.meshwizard.render.Renderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The test charts (src/test/resources/charts) stand in for Istio's; the product relies on facts of the real charts,
 * and this test says so when a test chart drifts from them: the defaults live under
 * {@value ValuesValidator#INTERNAL_DEFAULTS} (the only top-level key of values.yaml), a {@code profile} value
 * selects {@code files/profile-<name>.yaml} (every profile the product offers is there, an unknown one fails the
 * render), and the gateway chart's values.schema.json refuses unknown top-level values.
 */
class TestChartsKeepIstioFactsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChartSourceSpec CHARTS = ChartSourceSpec.chartsFolder(TestCharts.chartsFolder());
    private static final List<String> PLATFORMS = List.of("gke", "k3d", "k3s", "microk8s", "minikube", "openshift");

    private static ChartSource charts;
    private final Renderer renderer = new Renderer();

    @BeforeAll
    static void openCharts() throws Exception {
        charts = ChartSource.open(CHARTS);
    }

    @ParameterizedTest
    @EnumSource(Component.class)
    void theChartKeepsItsDefaultsUnderTheInternalKeyAlone(Component component) throws Exception {
        JsonNode values = YAML.readTree(TestCharts.chart(component).resolve("values.yaml").toFile());

        List<String> keys = new ArrayList<>();
        values.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly(ValuesValidator.INTERNAL_DEFAULTS);
        assertThat(values.path(ValuesValidator.INTERNAL_DEFAULTS).isObject()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Component.class)
    void theChartHasAProfileFileForEveryProfileAndPlatform(Component component) throws Exception {
        Path files = TestCharts.chart(component).resolve("files");

        List<String> names = new ArrayList<>();
        ValuesValidator.HELM_PROFILES.forEach(p -> names.add("profile-" + p + ".yaml"));
        PLATFORMS.forEach(p -> names.add("profile-platform-" + p + ".yaml"));
        for (String name : names) {
            assertThat(files.resolve(name)).as(component.chartName() + " " + name).isRegularFile();
            JsonNode profile = YAML.readTree(files.resolve(name).toFile());
            assertThat(profile == null || profile.isObject() || profile.isMissingNode())
                    .as(component.chartName() + " " + name + " is a map of values").isTrue();
        }
        String layering = Files.readString(TestCharts.chart(component).resolve("templates/zzz_profile.yaml"));
        assertThat(layering).contains(ValuesValidator.INTERNAL_DEFAULTS, "files/profile-%s.yaml",
                "files/profile-platform-%s.yaml");
    }

    @ParameterizedTest
    @EnumSource(Component.class)
    void anUnknownProfileFailsTheRenderAsInIstiosCharts(Component component) {
        ChartRelease release = TestPlans.release(component, "profile: nonsense\n");
        InstallPlan plan = TestPlans.plan("default", "", "", CHARTS, List.of(release));

        RenderException error = catchThrowableOfType(RenderException.class, () -> renderer.render(plan, charts));

        assertThat(error).isNotNull();
        assertThat(error.helmMessage()).contains("unknown profile nonsense");
    }

    @Test
    void theGatewaySchemaRefusesUnknownTopLevelValuesAndKnowsTheInternalKey() throws Exception {
        JsonNode schema = JSON.readTree(TestCharts.chart(Component.GATEWAY).resolve("values.schema.json").toFile());
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("properties").has(ValuesValidator.INTERNAL_DEFAULTS)).isTrue();
        InstallPlan plan = TestPlans.plan("default", "", "", CHARTS,
                List.of(TestPlans.release(Component.GATEWAY, "replicaCont: 2\n")));

        RenderException error = catchThrowableOfType(RenderException.class, () -> renderer.render(plan, charts));

        assertThat(error).isNotNull();
        assertThat(error.helmMessage()).contains("values don't meet the specifications of the schema")
                .contains("replicaCont");
    }
}
