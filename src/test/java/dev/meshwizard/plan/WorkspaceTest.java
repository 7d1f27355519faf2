package dev.meshwizard.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WorkspaceTest {

    @TempDir
    Path dir;

    private static InstallPlan demoPlan() {
        InstallPlan plan = Plans.forProfile(Profile.DEMO,
                ChartSourceSpec.istioRelease(Path.of("/opt/istio 1.30.3")), "1.30.3");
        List<ChartRelease> releases = new ArrayList<>(plan.releases());
        releases.set(0, releases.get(0).withValues(""));
        releases.set(1, releases.get(1).withValues("# no final line break\npilot:\n  traceSampling: 1.0"));
        releases.set(2, new ChartRelease("istio-ingressgateway", "istio-system", Component.GATEWAY,
                "# Windows file 🚀\r\nservice:\r\n  type: LoadBalancer\r\n\r\n\r\n",
                List.of("profile=demo", "global.hub=registry.example.com/istio")));
        return new InstallPlan("demo", "k3d", "1-30-3", "1.30.3", plan.source(), releases);
    }

    @Test
    void reopeningAWorkspaceRestoresThePlanExactly() throws IOException {
        // Given
        InstallPlan plan = demoPlan();

        // When
        Workspace.open(dir).save(plan);
        InstallPlan loaded = Workspace.open(dir).load();

        // Then
        assertThat(loaded).isEqualTo(plan);
        assertThat(Files.readString(dir.resolve("values/istio-ingressgateway.yaml")))
                .isEqualTo(plan.releases().get(2).valuesYaml());
        assertThat(Files.readString(dir.resolve("values/istiod.yaml"))).endsWith("traceSampling: 1.0");
        assertThat(Files.size(dir.resolve("values/istio-base.yaml"))).isZero();
    }

    @Test
    void theManifestIsPlainYamlThatNamesEachReleasesValuesFile() throws IOException {
        // When
        Workspace.open(dir).save(Plans.forProfile(Profile.MINIMAL,
                ChartSourceSpec.helmRepo(ChartSourceSpec.ISTIO_REPO, "1.30.3"), "1.30.3"));

        // Then
        assertThat(Files.readString(dir.resolve("mesh-wizard.yaml"))).endsWith("""
                format: 1
                profile: minimal
                platform: ""
                revision: ""
                istioVersion: 1.30.3
                chartSource:
                  kind: helm-repo
                  repoUrl: https://istio-release.storage.googleapis.com/charts
                  version: 1.30.3
                releases:
                  - name: istio-base
                    namespace: istio-system
                    component: base
                    valuesFile: values/istio-base.yaml
                    sets: []
                  - name: istiod
                    namespace: istio-system
                    component: istiod
                    valuesFile: values/istiod.yaml
                    sets: []
                """);
    }

    static Stream<ChartSourceSpec> everyKindOfChartSource() {
        return Stream.of(ChartSourceSpec.istioRelease(Path.of("istio-1.30.3")),
                ChartSourceSpec.chartsFolder(Path.of("/srv/charts")),
                ChartSourceSpec.helmRepo("https://charts.example.com/istio", "1.29.0"));
    }

    @ParameterizedTest
    @MethodSource("everyKindOfChartSource")
    void everyKindOfChartSourceSurvivesARoundTrip(ChartSourceSpec source) throws IOException {
        // Given
        InstallPlan plan = Plans.forProfile(Profile.AMBIENT, source, "");

        // When
        Workspace.open(dir).save(plan);

        // Then
        assertThat(Workspace.open(dir).load()).isEqualTo(plan);
    }

    @Test
    void releasesThatShareANameInDifferentNamespacesGetTheirOwnValuesFiles() throws IOException {
        // Given
        InstallPlan plan = Plans.forProfile(Profile.DEFAULT, ChartSourceSpec.istioRelease(Path.of("istio")), "");
        List<ChartRelease> releases = new ArrayList<>(plan.releases());
        releases.add(new ChartRelease("istio-ingressgateway", "istio-ingress", Component.GATEWAY, "a: 2\n",
                List.of()));
        plan = plan.withReleases(releases);

        // When
        Workspace.open(dir).save(plan);

        // Then
        assertThat(dir.resolve("values/istio-ingressgateway.istio-ingress.yaml")).hasContent("a: 2");
        assertThat(Workspace.open(dir).load()).isEqualTo(plan);
    }

    @Test
    void savingLeavesNoTemporaryFilesBehind() throws IOException {
        // When
        Workspace workspace = Workspace.open(dir);
        workspace.save(demoPlan());
        workspace.save(Plans.forProfile(Profile.AMBIENT, demoPlan().source(), ""));

        // Then
        assertThat(allFiles()).allSatisfy(p -> assertThat(p.getFileName().toString())
                .doesNotStartWith(".").doesNotEndWith(".tmp"));
    }

    @Test
    void theValuesFilesOfRemovedReleasesAreDeletedAndOtherFilesKept() throws IOException {
        // Given
        Workspace workspace = Workspace.open(dir);
        workspace.save(demoPlan());
        Files.writeString(dir.resolve("values/notes.yaml"), "# mine\n");

        // When
        workspace.save(Plans.forProfile(Profile.MINIMAL, demoPlan().source(), ""));

        // Then
        assertThat(dir.resolve("values/istio-egressgateway.yaml")).doesNotExist();
        assertThat(dir.resolve("values/istio-ingressgateway.yaml")).doesNotExist();
        assertThat(dir.resolve("values/istiod.yaml")).exists();
        assertThat(dir.resolve("values/notes.yaml")).hasContent("# mine");
    }

    @Test
    void aWriteThatFailsBeforeRenamingLeavesTheOldFilesAndNoTemporaryFile() throws IOException {
        // Given
        Workspace workspace = Workspace.open(dir);
        workspace.save(demoPlan());
        String manifestBefore = Files.readString(dir.resolve("mesh-wizard.yaml"));
        Path istiod = dir.resolve("values/istiod.yaml");
        Files.delete(istiod);
        Files.createDirectories(istiod.resolve("in-the-way"));
        InstallPlan changed = new InstallPlan("demo", "kind", "", "", demoPlan().source(), demoPlan().releases());

        // When / Then
        assertThatThrownBy(() -> workspace.save(changed)).isInstanceOf(IOException.class)
                .hasMessageContaining("values/istiod.yaml").hasMessageEndingWith("Is a directory");
        assertThat(Files.readString(dir.resolve("mesh-wizard.yaml"))).isEqualTo(manifestBefore);
        assertThat(allFiles()).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void aValuesTextThatIsNotValidUnicodeFailsTheSaveAndLeavesTheOldFile() throws IOException {
        // Given
        Workspace workspace = Workspace.open(dir);
        InstallPlan plan = demoPlan();
        workspace.save(plan);
        List<ChartRelease> releases = new ArrayList<>(plan.releases());
        releases.set(1, releases.get(1).withValues("pilot: \uD800\n"));

        // When / Then
        assertThatThrownBy(() -> workspace.save(plan.withReleases(releases)))
                .isInstanceOf(CharacterCodingException.class);
        assertThat(Workspace.open(dir).load()).isEqualTo(plan);
        assertThat(allFiles()).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void anUnknownComponentIsReportedWithFileLineAndField() throws IOException {
        // Given
        Workspace.open(dir).save(Plans.forProfile(Profile.MINIMAL, demoPlan().source(), ""));
        Path manifest = dir.resolve("mesh-wizard.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("component: istiod", "component: pilot"));

        // When / Then
        assertThatThrownBy(() -> Workspace.open(dir).load())
                .isInstanceOf(WorkspaceException.class)
                .hasMessage(manifest + ", line 18, releases[1].component: \"pilot\" is not a chart; use base, cni,"
                        + " istiod, ztunnel, gateway")
                .satisfies(e -> {
                    WorkspaceException error = (WorkspaceException) e;
                    assertThat(error.file()).isEqualTo(manifest);
                    assertThat(error.line()).isEqualTo(18);
                    assertThat(error.field()).isEqualTo("releases[1].component");
                });
    }

    @Test
    void aMissingValuesFileIsNamedWithTheReleaseThatNeedsIt() throws IOException {
        // Given
        Workspace.open(dir).save(Plans.forProfile(Profile.MINIMAL, demoPlan().source(), ""));
        Files.delete(dir.resolve("values/istiod.yaml"));

        // When / Then
        assertThatThrownBy(() -> Workspace.open(dir).load())
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("values/istiod.yaml: missing; mesh-wizard.yaml names it for release istiod");
    }

    @Test
    void aValuesFileOutsideTheWorkspaceIsRefused() throws IOException {
        // Given
        Workspace.open(dir).save(Plans.forProfile(Profile.MINIMAL, demoPlan().source(), ""));
        Path manifest = dir.resolve("mesh-wizard.yaml");
        Files.writeString(manifest, Files.readString(manifest)
                .replace("values/istiod.yaml", "../../etc/passwd"));

        // When / Then
        assertThatThrownBy(() -> Workspace.open(dir).load())
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("releases[1].valuesFile: \"../../etc/passwd\" is not a file inside");
    }

    @Test
    void aFolderWithoutAPlanSaysSo() {
        assertThat(Workspace.open(dir).exists()).isFalse();
        assertThatThrownBy(() -> Workspace.open(dir).load())
                .isInstanceOf(WorkspaceException.class)
                .hasMessageEndingWith("mesh-wizard.yaml: missing: this folder holds no saved plan");
    }

    @Test
    void aManifestWithAKeySetTwiceIsReportedWithBothLines() throws IOException {
        // Given
        Files.writeString(dir.resolve("mesh-wizard.yaml"), "profile: demo\nprofile: ambient\n",
                StandardCharsets.UTF_8);

        // When / Then
        assertThatThrownBy(() -> Workspace.open(dir).load())
                .isInstanceOf(WorkspaceException.class)
                .hasMessageEndingWith("line 2, profile: profile set twice: lines 1 and 2");
    }

    private List<Path> allFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aNamespaceOrRevisionKubernetesWouldRefuseIsReportedWithFileLineAndField() throws IOException {
        // Given
        Workspace.open(dir).save(Plans.forProfile(Profile.MINIMAL, demoPlan().source(), ""));
        Path manifest = dir.resolve("mesh-wizard.yaml");
        String saved = Files.readString(manifest);
        Files.writeString(manifest, saved.replaceFirst("namespace: istio-system", "namespace: Istio_System"));

        // When / Then
        assertThatThrownBy(() -> Workspace.open(dir).load())
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("releases[0].namespace: namespace \"Istio_System\" is not a DNS-1123 label")
                .satisfies(e -> assertThat(((WorkspaceException) e).line()).isPositive());

        Files.writeString(manifest, saved.replaceFirst("revision: .*", "revision: \"1.30.3\""));
        assertThatThrownBy(() -> Workspace.open(dir).load())
                .hasMessageContaining(", revision: revision \"1.30.3\" is not a DNS-1123 label");
    }

    @Test
    void aMalformedSetItemInTheManifestIsReportedQuotingIt() throws IOException {
        // Given
        InstallPlan plan = Plans.forProfile(Profile.MINIMAL, demoPlan().source(), "");
        ChartRelease istiod = plan.releases().get(1);
        plan = plan.withReleases(List.of(plan.releases().get(0), new ChartRelease(istiod.name(), istiod.namespace(),
                istiod.component(), istiod.valuesYaml(), List.of("pilot.env[=x"))));
        Workspace.open(dir).save(plan);

        // When / Then
        assertThatThrownBy(() -> Workspace.open(dir).load())
                .hasMessageContaining("releases[1].sets[0]: \"pilot.env[=x\" has a list index that is not a number");
    }

    @Test
    void aGatewaySetAsideByAmbientKeepsItsValuesFileAndComesBackAfterARestart() throws IOException {
        // Given a default plan whose gateway was edited, then ambient chosen
        InstallPlan plan = Plans.forProfile(Profile.DEFAULT, ChartSourceSpec.helmRepo(ChartSourceSpec.ISTIO_REPO,
                "1.30.3"), "1.30.3");
        plan = plan.withReleases(plan.releases().stream().map(r -> r.component() == Component.GATEWAY
                ? r.withValues("replicaCount: 3\n") : r).toList());
        InstallPlan ambient = Plans.switchProfile(plan, Profile.AMBIENT);

        // When it is saved and read again
        Workspace.open(dir).save(ambient);
        InstallPlan loaded = Workspace.open(dir).load();

        // Then the gateway's values file is still there and the plan holds it aside, so default brings it back
        assertThat(dir.resolve("values/istio-ingressgateway.yaml")).hasContent("replicaCount: 3\n");
        assertThat(loaded).isEqualTo(ambient);
        assertThat(Plans.switchProfile(loaded, Profile.DEFAULT).release("istio-ingressgateway").orElseThrow()
                .valuesYaml()).isEqualTo("replicaCount: 3\n");
    }
}
