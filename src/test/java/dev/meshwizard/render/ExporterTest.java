package dev.meshwizard.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.OverwriteRefusedException;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.testing.TestPlans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {

    private static final ChartSourceSpec REPO = ChartSourceSpec.helmRepo(ChartSourceSpec.ISTIO_REPO, "1.30.3");
    private static final String INGRESS_VALUES = """
            # AWS NLB in front of the ingress gateway
            service:
              annotations:
                service.beta.kubernetes.io/aws-load-balancer-type: external   # keep this comment
            """;

    private static ChartSource charts;
    private final Renderer renderer = new Renderer();

    @TempDir
    Path temp;

    @BeforeAll
    static void openCharts() throws Exception {
        charts = ChartSource.open(ChartSourceSpec.chartsFolder(TestCharts.chartsFolder()));
    }

    @Test
    void valuesAreWrittenVerbatimAndManifestsInInstallOrder() throws Exception {
        InstallPlan plan = demoPlan(REPO);

        Path folder = Exporter.export(plan, renderer.render(plan, charts), temp.resolve("export"));

        assertThat(Files.readString(folder.resolve("values/istio-ingressgateway.yaml"))).isEqualTo(INGRESS_VALUES);
        assertThat(Files.readString(folder.resolve("values/istiod.yaml"))).isEmpty();
        assertThat(names(folder.resolve("manifests"))).containsExactly("01-istio-base.yaml", "02-istiod.yaml",
                "03-istio-ingressgateway.yaml", "04-istio-egressgateway.yaml");
        assertThat(Files.readString(folder.resolve("manifests/02-istiod.yaml")))
                .startsWith("---\n# Source: istiod/templates/")
                .contains("name: istiod-canary");
        assertThat(names(folder)).containsExactly(".mesh-wizard-export", "README.md", "install.sh", "manifests",
                "uninstall.sh", "values");
        assertThat(Files.isExecutable(folder.resolve("install.sh"))).isTrue();
        assertThat(Files.readString(folder.resolve("README.md")))
                .startsWith("# Istio 1.30.3 install, exported by Mesh Wizard")
                .contains("| 3 | istio-ingressgateway | istio-system | gateway 1.30.3 |")
                .contains("DELETE_CRDS=1");
    }

    @Test
    void bothScriptsPassBashSyntaxCheck() throws Exception {
        InstallPlan plan = demoPlan(REPO);
        Path folder = Exporter.export(plan, renderer.render(plan, charts), temp.resolve("export"));

        for (String script : List.of("install.sh", "uninstall.sh")) {
            Process check = new ProcessBuilder("bash", "-n", folder.resolve(script).toString())
                    .redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes());

            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as(script + ": " + output).isZero();
        }
    }

    @Test
    void theInstallScriptAddsTheIstioRepositoryAndInstallsEachReleaseInOrderWithNoValueOnTheCommandLine()
            throws Exception {
        InstallPlan plan = demoPlan(REPO);
        Path folder = Exporter.export(plan, renderer.render(plan, charts), temp.resolve("export"));

        List<String> calls = run(folder, "install.sh", Map.of());

        String common = " [-n] [istio-system] [--create-namespace] [--reset-values] [--version] [1.30.3]";
        assertThat(calls).containsExactly(
                "kubectl [config] [current-context]",
                "helm [repo] [add] [istio] [https://istio-release.storage.googleapis.com/charts] [--force-update]",
                "helm [repo] [update] [istio]",
                "helm [upgrade] [--install] [istio-base] [istio/base]" + common + " [-f] [values/istio-base.yaml]"
                        + " [-f] [values/istio-base.set.yaml] [--wait]",
                "helm [upgrade] [--install] [istiod] [istio/istiod]" + common + " [-f] [values/istiod.yaml]"
                        + " [-f] [values/istiod.set.yaml] [--wait]",
                "helm [upgrade] [--install] [istio-ingressgateway] [istio/gateway]" + common
                        + " [-f] [values/istio-ingressgateway.yaml] [-f] [values/istio-ingressgateway.set.yaml]",
                "kubectl [rollout] [status] [deployment/istio-ingressgateway] [-n] [istio-system] [--timeout=5m]",
                "helm [upgrade] [--install] [istio-egressgateway] [istio/gateway]" + common
                        + " [-f] [values/istio-egressgateway.yaml] [-f] [values/istio-egressgateway.set.yaml]",
                "kubectl [rollout] [status] [deployment/istio-egressgateway] [-n] [istio-system] [--timeout=5m]",
                "helm [list] [-A] [--filter] [^(istio-base|istiod|istio-ingressgateway|istio-egressgateway)$]");
        assertThat(Files.readString(folder.resolve("install.sh")))
                .contains("# Not helm --wait: for a LoadBalancer Service Helm waits until it has an address");
    }

    @Test
    void thePlanValuesAndSetItemsGoToAValuesFileThatMeansWhatTheRenderMeant() throws Exception {
        InstallPlan plan = demoPlan(REPO);

        Path folder = Exporter.export(plan, renderer.render(plan, charts), temp.resolve("export"));

        assertThat(Files.readString(folder.resolve("values/istiod.set.yaml"))).endsWith("""
                global:
                  platform: k3d
                pilot:
                  env:
                    EXTRA: a,b
                profile: demo
                revision: canary
                """);
        // A revision installs beside the default control plane: base keeps the default revision where it is
        assertThat(Files.readString(folder.resolve("values/istio-base.set.yaml"))).doesNotContain("defaultRevision");
    }

    @Test
    void aSetItemIntoAListOfTheValuesFileKeepsTheRestOfThatListInTheExportedSetFile() throws Exception {
        // Given a gateway whose values list two ports, and --set changing the second one's port
        List<ChartRelease> releases = new ArrayList<>(TestPlans.releases(Profile.DEFAULT));
        releases.set(2, new ChartRelease("istio-ingressgateway", "istio-system", Component.GATEWAY, """
                service:
                  ports:
                  - name: status-port
                    port: 15021
                    targetPort: 15021
                  - name: http2
                    port: 80
                    targetPort: 80
                """, List.of("service.ports[1].port=8080")));
        InstallPlan plan = new InstallPlan("default", "", "", "1.30.3", REPO, releases);

        // When it is exported
        Path folder = Exporter.export(plan, renderer.render(plan, charts), temp.resolve("export"));

        // Then -f values -f set gives Helm both ports, the second on 8080, as --set gave the render
        String sets = Files.readString(folder.resolve("values/istio-ingressgateway.set.yaml"));
        assertThat(sets).contains("name: status-port").contains("port: 15021").contains("name: http2")
                .contains("port: 8080").doesNotContain("port: 80\n");
    }

    @Test
    void forChartsOnDiskTheInstallScriptNamesTheCopiedArchivesAndNeedsNoRepository() throws Exception {
        Path archives = TestCharts.archivesFolder(temp.resolve("archives"));
        ChartSourceSpec spec = ChartSourceSpec.chartsFolder(archives);
        InstallPlan plan = TestPlans.plan(Profile.MINIMAL, spec);
        RenderedManifests manifests = renderer.render(plan, ChartSource.open(spec));
        Path folder = Exporter.export(plan, manifests, temp.resolve("export"));

        List<String> calls = run(folder, "install.sh", Map.of());

        assertThat(calls).noneMatch(call -> call.contains("[repo]") || call.contains("--version"));
        assertThat(calls).contains("helm [upgrade] [--install] [istiod] [charts/istiod-1.30.3.tgz] [-n] [istio-system]"
                + " [--create-namespace] [--reset-values] [-f] [values/istiod.yaml] [--wait]");
        assertThat(folder.resolve("values/istiod.set.yaml")).as("no plan values, no file").doesNotExist();
        assertThat(folder.resolve("charts/istiod-1.30.3.tgz")).hasSameBinaryContentAs(
                archives.resolve("istiod-1.30.3.tgz"));
        assertThat(Files.readString(folder.resolve("README.md"))).contains("copied into `charts/`");
    }

    @Test
    void anExportFromAReleaseFolderMovedElsewhereInstallsFromItsOwnChartsFromAnyDirectory() throws Exception {
        // Given an export of charts from an Istio release folder, with a --set item
        Path release = TestCharts.istioReleaseFolder(temp.resolve("machine-a"));
        ChartSourceSpec spec = ChartSourceSpec.istioRelease(release);
        List<ChartRelease> releases = new ArrayList<>(TestPlans.releases(Profile.DEFAULT));
        releases.set(1, new ChartRelease("istiod", "istio-system", Component.ISTIOD, "",
                List.of("pilot.env.TOKEN=s3cr3t")));
        InstallPlan plan = TestPlans.plan("default", "", "", spec, releases);
        Path exported = Exporter.export(plan, renderer.render(plan, ChartSource.open(spec)),
                temp.resolve("machine-a/export"));

        // When the folder is moved, the release folder is gone, and both scripts run from another directory
        Path moved = Files.move(exported, Files.createDirectories(temp.resolve("machine-b")).resolve("istio"));
        deleteTree(temp.resolve("machine-a"));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        List<String> calls = new ArrayList<>(run(moved, "install.sh", Map.of(), elsewhere));
        List<String> directories = Files.readAllLines(temp.resolve("calls.log.cwd"));
        calls.addAll(run(moved, "uninstall.sh", Map.of(), elsewhere));

        // Then every chart is an archive inside the moved folder, named relative to it, and no value or path of the
        // exporting machine is on a command line or in the scripts and README
        List<String> installs = calls.stream().filter(c -> c.startsWith("helm [upgrade] [--install]")).toList();
        assertThat(installs).hasSize(3).allSatisfy(call -> {
            String chart = call.split(" ")[4].replaceAll("[\\[\\]]", "");
            assertThat(chart).startsWith("charts/").endsWith("-1.30.3.tgz");
            assertThat(moved.resolve(chart)).isRegularFile();
        });
        assertThat(directories).containsOnly(moved.toString());
        assertThat(calls).noneMatch(call -> call.contains("--set") || call.contains("s3cr3t")
                || call.contains(temp.toString()));
        for (String file : List.of("install.sh", "uninstall.sh", "README.md")) {
            assertThat(Files.readString(moved.resolve(file))).doesNotContain(temp.toString()).doesNotContain("s3cr3t");
        }
        assertThat(Files.readString(moved.resolve("values/istiod.set.yaml"))).contains("TOKEN: s3cr3t");
    }

    @Test
    void theReadmeNamesTheIstioVersionAndTheImagesItPulls() throws Exception {
        InstallPlan plan = TestPlans.plan(Profile.DEFAULT, REPO);

        Path folder = Exporter.export(plan, renderer.render(plan, charts), temp.resolve("export"));

        assertThat(Files.readString(folder.resolve("README.md")))
                .startsWith("# Istio 1.30.3 install")
                .contains("## Images it pulls\n\n- `docker.io/istio/pilot:1.30.3`\n")
                .doesNotContain("Not pinned");
    }

    @Test
    void valuesThatLookSecretAreNamedWithTheFileTheyGoTo() {
        InstallPlan plan = TestPlans.plan("default", "", "", REPO, List.of(
                TestPlans.release(Component.ISTIOD, "pilot:\n  cacerts:\n    ca-key.pem: k\n  replicaCount: 2\n"),
                new ChartRelease("istio-ingressgateway", "istio-system", Component.GATEWAY, "",
                        List.of("env.DB_PASSWORD=x", "replicaCount=2"))));

        assertThat(Exporter.secretLookingValues(plan)).containsExactly(
                "values/istiod.yaml: pilot.cacerts.ca-key.pem",
                "values/istio-ingressgateway.set.yaml: env.DB_PASSWORD");
    }

    @Test
    void theUninstallScriptRemovesTheReleasesInReverseOrderAndKeepsTheCrds() throws Exception {
        InstallPlan plan = demoPlan(REPO);
        Path folder = Exporter.export(plan, renderer.render(plan, charts), temp.resolve("export"));

        List<String> calls = run(folder, "uninstall.sh", Map.of());

        assertThat(calls).filteredOn(call -> call.startsWith("helm [uninstall]")).containsExactly(
                "helm [uninstall] [istio-egressgateway] [-n] [istio-system] [--wait]",
                "helm [uninstall] [istio-ingressgateway] [-n] [istio-system] [--wait]",
                "helm [uninstall] [istiod] [-n] [istio-system] [--wait]",
                "helm [uninstall] [istio-base] [-n] [istio-system] [--wait]");
        assertThat(calls).noneMatch(call -> call.startsWith("kubectl [delete]") || call.startsWith("kubectl [get]"));
    }

    @Test
    void withDeleteCrdsTheUninstallScriptAlsoDeletesTheIstioCrdsOnly() throws Exception {
        InstallPlan plan = demoPlan(REPO);
        Path folder = Exporter.export(plan, renderer.render(plan, charts), temp.resolve("export"));

        List<String> calls = run(folder, "uninstall.sh", Map.of("DELETE_CRDS", "1"));

        assertThat(calls).endsWith("kubectl [get] [crd] [-o] [name]",
                "kubectl [delete] [customresourcedefinition.apiextensions.k8s.io/gateways.networking.istio.io]"
                        + " [customresourcedefinition.apiextensions.k8s.io/telemetries.telemetry.istio.io]");
    }

    @Test
    void exportedManifestsShowSecretsRedacted() throws Exception {
        InstallPlan plan = TestPlans.plan("default", "", "", REPO, List.of(TestPlans.release(Component.ISTIOD,
                "pilot:\n  cacerts:\n    ca-key.pem: very-secret-key\n")));

        Path folder = Exporter.export(plan, renderer.render(plan, charts), temp.resolve("export"));

        assertThat(Files.readString(folder.resolve("manifests/01-istiod.yaml")))
                .contains("ca-key.pem: <redacted>").doesNotContain("dmVyeS1zZWNyZXQta2V5");
        assertThat(Files.readString(folder.resolve("values/istiod.yaml"))).contains("very-secret-key");
    }

    @Test
    void aFailedExportLeavesNoHalfWrittenFolder() {
        ChartRelease bad = new ChartRelease("bad\0name", "istio-system", Component.BASE, "", List.of());
        InstallPlan plan = TestPlans.plan("default", "", "", REPO, List.of(bad));
        RenderObjectsStub stub = new RenderObjectsStub(bad);

        assertThatThrownBy(() -> Exporter.export(plan, stub.manifests(), temp.resolve("export")))
                .isInstanceOf(InvalidPathException.class)
                .hasMessageStartingWith("Nul character not allowed").hasMessageContaining("values/bad");
        assertThat(names(temp)).isEmpty();
    }

    @Test
    void everyExportedFileAndFolderIsReadableByTheOwnerOnly() throws Exception {
        InstallPlan plan = demoPlan(REPO);

        Path folder = Exporter.export(plan, renderer.render(plan, charts), temp.resolve("export"));

        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                assertThat(permissions).as(folder.relativize(path).toString()).endsWith("------");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("install.sh"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("values/istiod.yaml"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aFolderWithOtherFilesIsRefusedListingThemAndLeftAsItWas() throws Exception {
        InstallPlan plan = demoPlan(REPO);
        Path other = Files.createDirectories(temp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> Exporter.export(plan, renderer.render(plan, charts), other))
                .isInstanceOfSatisfying(OverwriteRefusedException.class,
                        e -> assertThat(e.conflicts()).containsExactly("notes.txt"));

        assertThat(names(other)).containsExactly("notes.txt");
        assertThat(names(temp)).containsExactly("other");
    }

    @Test
    void anUnchangedEarlierExportIsReplacedAndWhatItNoLongerHoldsRemoved() throws Exception {
        // Given an export of the demo plan, untouched since
        InstallPlan demo = demoPlan(REPO);
        Path export = Exporter.export(demo, renderer.render(demo, charts), temp.resolve("export"));

        // When the minimal plan is exported into it
        InstallPlan minimal = TestPlans.plan(Profile.MINIMAL, REPO);
        Exporter.export(minimal, renderer.render(minimal, charts), export);

        // Then only the minimal plan's files are there
        assertThat(names(export.resolve("values"))).containsExactly("istio-base.yaml", "istiod.yaml");
        assertThat(Files.readString(export.resolve("install.sh"))).doesNotContain("ingressgateway");
        assertThat(Files.readString(export.resolve(".mesh-wizard-export")))
                .contains("  values/istiod.yaml\n").doesNotContain("ingressgateway");
    }

    @Test
    void userFilesFoldersAndEditsInAnEarlierExportMakeItRefuseAndChangeNothing() throws Exception {
        // Given an earlier export with a note, a folder and an edited script added by the user
        InstallPlan plan = demoPlan(REPO);
        RenderedManifests manifests = renderer.render(plan, charts);
        Path export = Exporter.export(plan, manifests, temp.resolve("export"));
        Files.writeString(export.resolve("NOTES.md"), "my notes");
        Files.createDirectories(export.resolve("my-overlays")).resolve("a.yaml").toFile().createNewFile();
        String edited = Files.readString(export.resolve("install.sh")) + "echo mine\n";
        Files.writeString(export.resolve("install.sh"), edited);
        String manifest = Files.readString(export.resolve(".mesh-wizard-export"));

        // When it is exported again
        // Then it refuses, naming each, and nothing changed
        assertThatThrownBy(() -> Exporter.export(plan, manifests, export))
                .isInstanceOfSatisfying(OverwriteRefusedException.class, e -> assertThat(e.conflicts())
                        .containsExactly("NOTES.md", "install.sh", "my-overlays/"));
        assertThat(Files.readString(export.resolve("install.sh"))).isEqualTo(edited);
        assertThat(Files.readString(export.resolve(".mesh-wizard-export"))).isEqualTo(manifest);
        assertThat(export.resolve("NOTES.md")).hasContent("my notes");
    }

    @Test
    void forcedTheExportReplacesItsOwnFilesAndNeverDeletesTheUsers() throws Exception {
        // Given an earlier export of the demo plan with a user's note and an edited values file
        InstallPlan demo = demoPlan(REPO);
        Path export = Exporter.export(demo, renderer.render(demo, charts), temp.resolve("export"));
        Files.writeString(export.resolve("NOTES.md"), "my notes");
        Files.writeString(export.resolve("values/istio-egressgateway.yaml"), "replicaCount: 3\n");
        Files.writeString(export.resolve("install.sh"), "echo edited\n");

        // When the minimal plan is exported into it with force
        InstallPlan minimal = TestPlans.plan(Profile.MINIMAL, REPO);
        Exporter.export(minimal, renderer.render(minimal, charts), Map.of(), export, true);

        // Then the export's files are replaced, the user's note and edited file stay, the unchanged stale ones go
        assertThat(Files.readString(export.resolve("install.sh"))).contains("helm upgrade --install istiod");
        assertThat(export.resolve("NOTES.md")).hasContent("my notes");
        assertThat(export.resolve("values/istio-egressgateway.yaml")).hasContent("replicaCount: 3");
        assertThat(export.resolve("values/istio-ingressgateway.yaml")).doesNotExist();
    }

    @Test
    void anExportInterruptedHalfwayIsStillTheExportsOwnFolder() throws Exception {
        // Given an export whose manifest accepts both the old and new content of a file, as during a re-export
        InstallPlan plan = demoPlan(REPO);
        RenderedManifests manifests = renderer.render(plan, charts);
        Path export = Exporter.export(plan, manifests, temp.resolve("export"));
        Path manifest = export.resolve(".mesh-wizard-export");
        String text = Files.readString(manifest);
        Files.writeString(export.resolve("values/istiod.yaml"), "half: done\n");
        Files.writeString(manifest, text + ExportFolder.sha256("half: done\n".getBytes()) + "  values/istiod.yaml\n");

        // When it is exported again, then that is no conflict
        Exporter.export(plan, manifests, export);

        assertThat(export.resolve("values/istiod.yaml")).isEmptyFile();
    }

    @Test
    void aReleaseNameThatWouldWriteOutsideTheFolderIsRefused() throws Exception {
        ChartRelease escaping = new ChartRelease("../../escaped", "istio-system", Component.BASE, "", List.of());
        InstallPlan plan = TestPlans.plan("default", "", "", REPO, List.of(escaping));

        assertThatThrownBy(() -> Exporter.export(plan, new RenderObjectsStub(escaping).manifests(),
                temp.resolve("a/export"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a file name inside the export: values/../../escaped.yaml");
        assertThat(names(temp)).isEmpty();
    }

    @Test
    void manifestsOfAnotherPlanAreRefused() throws Exception {
        RenderedManifests minimal = renderer.render(TestPlans.plan(Profile.MINIMAL, REPO), charts);

        assertThatThrownBy(() -> Exporter.export(demoPlan(REPO), minimal, temp.resolve("export")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The manifests were rendered for releases [istio-base, istiod], the plan has "
                        + "[istio-base, istiod, istio-ingressgateway, istio-egressgateway]");
        assertThat(names(temp)).isEmpty();
    }

    private static InstallPlan demoPlan(ChartSourceSpec source) {
        List<ChartRelease> releases = new ArrayList<>(TestPlans.releases(Profile.DEMO));
        releases.set(1, new ChartRelease("istiod", "istio-system", Component.ISTIOD, "",
                List.of("pilot.env.EXTRA=a,b")));
        releases.set(2, TestPlans.ingress(INGRESS_VALUES));
        return new InstallPlan("demo", "k3d", "canary", "1.30.3", source, releases);
    }

    /** Runs a script with stand-ins for helm and kubectl that record their arguments, one call a line. */
    private List<String> run(Path folder, String script, Map<String, String> env) throws Exception {
        return run(folder, script, env, temp);
    }

    /** Runs a script from {@code workingDirectory}; each call's working directory goes to calls.log.cwd. */
    private List<String> run(Path folder, String script, Map<String, String> env, Path workingDirectory)
            throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path log = temp.resolve("calls.log");
        Files.deleteIfExists(log);
        String record = "#!/usr/bin/env bash\necho \"$PWD\" >> \"$CALLS.cwd\"\n"
                + "printf '%s' \"$(basename \"$0\")\" >> \"$CALLS\"\n"
                + "for a in \"$@\"; do printf ' [%s]' \"$a\" >> \"$CALLS\"; done\necho >> \"$CALLS\"\n";
        Files.writeString(bin.resolve("helm"), record);
        Files.writeString(bin.resolve("kubectl"), record + """
                if [[ "$1 $2" == "get crd" ]]; then
                  echo customresourcedefinition.apiextensions.k8s.io/certificates.cert-manager.io
                  echo customresourcedefinition.apiextensions.k8s.io/gateways.networking.istio.io
                  echo customresourcedefinition.apiextensions.k8s.io/telemetries.telemetry.istio.io
                fi
                """);
        bin.resolve("helm").toFile().setExecutable(true);
        bin.resolve("kubectl").toFile().setExecutable(true);
        ProcessBuilder builder = new ProcessBuilder("bash", folder.resolve(script).toString())
                .directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("CALLS", log.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return Files.readAllLines(log);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Rendered manifests for one release, without rendering it. */
    private record RenderObjectsStub(ChartRelease release) {

        RenderedManifests manifests() {
            return new RenderedManifests(List.of(new RenderedRelease(release.name(), release.namespace(),
                    release.component(), "base", "1.30.3", TestCharts.chart(Component.BASE), List.of())));
        }
    }
}
