package dev.meshwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.testing.TestCharts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh-wizard render}: summary, export, and the exit codes for bad input and Helm failures. */
class RenderCommandTest {

    @TempDir
    Path dir;
    private Path istio;
    private final Cli cli = new Cli();
    private final java.io.StringWriter out = cli.out;
    private final java.io.StringWriter err = cli.err;

    @BeforeEach
    void releaseFolder() {
        istio = TestCharts.istioReleaseFolder(dir);
    }

    private int render(String... args) {
        return cli.run("render", args);
    }

    @Test
    void demoRendersFourReleasesInInstallOrderAndPrintsResourcesByKind() {
        int exit = render("--istio-dir", istio.toString(), "--profile", "demo");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Profile demo")
                .containsSubsequence("istio-base (base", "istiod (istiod", "istio-ingressgateway (gateway",
                        "istio-egressgateway (gateway")
                .contains("1 Deployment");
    }

    @Test
    void outWritesAnExportWhoseScriptsPassBashSyntaxCheck() throws Exception {
        Path export = dir.resolve("export");

        int exit = render("--istio-dir", istio.toString(), "--revision", "1-30-3", "--out", export.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(export.resolve("values/istiod-1-30-3.yaml")).exists();
        assertThat(Files.readString(export.resolve("install.sh"))).contains("helm upgrade --install istiod-1-30-3 ")
                .doesNotContain("defaultRevision");
        for (String script : new String[] {"install.sh", "uninstall.sh"}) {
            Process bash = new ProcessBuilder("bash", "-n", export.resolve(script).toString()).start();
            assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(bash.exitValue()).as(script).isZero();
        }
    }

    @Test
    void renderingAgainIntoAnExportTheUserChangedIsBadInputListingWhatWouldBeOverwritten() throws Exception {
        // Given an export with the user's note, folder and a line appended to install.sh
        Path export = dir.resolve("export");
        assertThat(render("--istio-dir", istio.toString(), "--out", export.toString())).isZero();
        Files.writeString(export.resolve("NOTES.md"), "mine");
        Files.createDirectories(export.resolve("my-overlays"));
        Files.writeString(export.resolve("my-overlays/gateway.yaml"), "replicaCount: 2\n");
        Files.writeString(export.resolve("install.sh"), Files.readString(export.resolve("install.sh")) + "echo hi\n");

        // When rendered into it again
        int exit = render("--istio-dir", istio.toString(), "--out", export.toString());

        // Then exit 2 naming each, and all stays
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("  NOTES.md\n").contains("  install.sh\n").contains("  my-overlays/\n")
                .contains("--force");
        assertThat(Files.readString(export.resolve("install.sh"))).endsWith("echo hi\n");

        // And with --force the export's files are written and the user's stay
        assertThat(render("--istio-dir", istio.toString(), "--out", export.toString(), "--force")).isZero();
        assertThat(Files.readString(export.resolve("install.sh"))).doesNotContain("echo hi");
        assertThat(export.resolve("NOTES.md")).hasContent("mine");
        assertThat(export.resolve("my-overlays/gateway.yaml")).exists();
    }

    @Test
    void aSetItemThatLooksSecretIsWarnedAboutWithItsFileAndNeverOnTheScriptsCommandLine() throws Exception {
        Path export = dir.resolve("export");

        int exit = render("--istio-dir", istio.toString(), "--set", "istiod.pilot.env.API_TOKEN=abc123", "--out",
                export.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("warning").contains("values/istiod.set.yaml: pilot.env.API_TOKEN");
        assertThat(Files.readString(export.resolve("install.sh"))).doesNotContain("abc123").doesNotContain("--set");
        assertThat(Files.readString(export.resolve("values/istiod.set.yaml"))).contains("API_TOKEN: abc123");
    }

    @Test
    void aValuesFileWithAKeySetTwiceIsBadInputNamingTheFileAndBothLines() throws Exception {
        Path values = dir.resolve("gateway.yaml");
        Files.writeString(values, "service:\n  type: LoadBalancer\n  type: NodePort\n");

        int exit = render("--istio-dir", istio.toString(), "--values", "istio-ingressgateway=" + values);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(values.toString()).contains("lines 2 and 3");
    }

    @Test
    void anUnknownReleaseInSetIsBadInputListingTheReleases() {
        int exit = render("--istio-dir", istio.toString(), "--set", "istio-ingress.replicaCount=2");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("istio-ingress").contains("istio-ingressgateway");
    }

    @Test
    void aValueTheGatewaySchemaRejectsIsAHelmFailureWithHelmsMessage() {
        int exit = render("--istio-dir", istio.toString(), "--set", "istio-ingressgateway.notAValue=1");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("istio-ingressgateway").contains("notAValue");
    }

    @Test
    void noChartSourceIsBadInputSayingWhatToGive() {
        int exit = render("--profile", "minimal");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--istio-dir").contains("--charts").contains("--repo");
    }

    @Test
    void anUnknownProfileIsBadInput() {
        int exit = render("--istio-dir", istio.toString(), "--profile", "tiny");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown profile \"tiny\"").contains("ambient");
    }

    @Test
    void aRevisionThatIsNotADnsLabelIsBadInputBeforeHelmRenders() {
        int exit = render("--istio-dir", istio.toString(), "--revision", "1.30.3_Bad!");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--revision 1.30.3_Bad!: revision \"1.30.3_Bad!\" is not a DNS-1123 label")
                .contains("e.g. 1-30-3-bad");
    }

    @Test
    void anUnknownPlatformIsBadInputListingThePlatforms() {
        int exit = render("--istio-dir", istio.toString(), "--platform", "eks");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--platform eks: platform \"eks\" is not one the charts know")
                .contains("gke, k3d, k3s, microk8s, minikube, openshift");
    }

    @Test
    void aMalformedSetItemIsBadInputQuotingTheItem() {
        int exit = render("--istio-dir", istio.toString(), "--set", "istiod.pilot.env[=x");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--set istiod.pilot.env[=x: has a list index that is not a number");
    }

    @Test
    void aMissingValuesFileSaysNoSuchFile() {
        Path missing = dir.resolve("nope.yaml");

        int exit = render("--istio-dir", istio.toString(), "--values", "istiod=" + missing);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--values istiod=" + missing + ": no such file");
    }

    @Test
    void aValuesFileThatIsNotUtf8SaysSoWithTheLine() throws Exception {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "pilot:\n  env:\n    NAME: caf\u00e9\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        int exit = render("--istio-dir", istio.toString(), "--values", "istiod=" + latin1);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(latin1 + ": not UTF-8 text: byte 0xe9").contains("(line 3)");
    }

    @Test
    void aValuesFileOverTheYamlSizeLimitSaysSoInsteadOfASyntaxError() throws Exception {
        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, "# " + "x".repeat(3 * 1024 * 1024) + "\n");

        int exit = render("--istio-dir", istio.toString(), "--values", "istiod=" + huge);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("too large").contains("3 MiB").doesNotContain("syntax error");
    }

    @Test
    void valuesTheGatewaySchemaRejectsAreBadInputWithFileLineColumnAndKeyPath() throws Exception {
        Path values = dir.resolve("gateway.yaml");
        Files.writeString(values, "service:\n  type: NodePort\nreplicaCount: \"abc\"\nautoscale:\n  enabled: true\n");

        int exit = render("--istio-dir", istio.toString(), "--values", "istio-ingressgateway=" + values);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains(values + ":3:1: replicaCount: string found, [integer, null] expected (values.schema.json)")
                .contains(values + ":4:1: autoscale is not a value the chart's values.schema.json allows");
    }
}
