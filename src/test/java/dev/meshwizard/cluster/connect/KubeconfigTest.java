package dev.meshwizard.cluster.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigTest {

    private static final String FIRST = """
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
            - name: shared
              cluster:
                server: https://first.example:6443
                certificate-authority: certs/ca.crt
            contexts:
            - name: dev
              context:
                cluster: shared
                user: alice
                namespace: team-a
            - name: prod
              context:
                cluster: shared
                user: alice
            users:
            - name: alice
              user:
                token: first-token
            """;

    private static final String SECOND = """
            apiVersion: v1
            kind: Config
            current-context: prod
            clusters:
            - name: shared
              cluster:
                server: https://second.example:6443
            - name: staging-cluster
              cluster:
                server: https://staging.example:6443
            contexts:
            - name: prod
              context:
                cluster: staging-cluster
                user: bob
            - name: staging
              context:
                cluster: staging-cluster
                user: bob
            users:
            - name: bob
              user:
                token: second-token
            """;

    @TempDir
    Path dir;

    @Test
    void theFirstFileInKubeconfigWinsForContextsClustersUsersAndTheCurrentContext() throws Exception {
        // Given two files that both define the context "prod" and the cluster "shared"
        Path first = write("first.yaml", FIRST);
        Path second = write("second.yaml", SECOND);

        // When they are loaded through KUBECONFIG
        Kubeconfig kubeconfig = Kubeconfig.load(Map.of("KUBECONFIG", first + File.pathSeparator + second), dir);

        // Then the first file's definitions win and the second file only adds what the first lacks
        assertThat(kubeconfig.files()).containsExactly(first, second);
        assertThat(kubeconfig.context("prod")).hasValueSatisfying(prod -> {
            assertThat(prod.server()).isEqualTo("https://first.example:6443");
            assertThat(prod.user()).isEqualTo("alice");
            assertThat(prod.source()).isEqualTo(first);
            assertThat(prod.current()).isFalse();
        });
        assertThat(kubeconfig.context("staging")).hasValueSatisfying(staging -> {
            assertThat(staging.server()).isEqualTo("https://staging.example:6443");
            assertThat(staging.source()).isEqualTo(second);
        });
        assertThat(kubeconfig.currentContext()).map(KubeContext::name).hasValue("dev");
    }

    @Test
    void theCurrentContextComesFirstAndTheOthersFollowByName() throws Exception {
        // Given two files whose first sets current-context "dev"
        Path first = write("first.yaml", FIRST);
        Path second = write("second.yaml", SECOND);

        // When they are loaded
        Kubeconfig kubeconfig = Kubeconfig.load(Map.of("KUBECONFIG", first + File.pathSeparator + second), dir);

        // Then "dev" is listed first, flagged current, with its namespace
        assertThat(kubeconfig.contexts()).extracting(KubeContext::name).containsExactly("dev", "prod", "staging");
        assertThat(kubeconfig.contexts().get(0).current()).isTrue();
        assertThat(kubeconfig.contexts().get(0).namespace()).isEqualTo("team-a");
        assertThat(kubeconfig.contexts().get(1).namespace()).isEmpty();
    }

    @Test
    void filesNamedInKubeconfigThatDoNotExistAreSkipped() throws Exception {
        // Given KUBECONFIG naming a missing file before a real one
        Path second = write("second.yaml", SECOND);
        String variable = dir.resolve("missing.yaml") + File.pathSeparator + second;

        // When it is loaded
        Kubeconfig kubeconfig = Kubeconfig.load(Map.of("KUBECONFIG", variable), dir);

        // Then only the real file counts
        assertThat(kubeconfig.files()).containsExactly(second);
        assertThat(kubeconfig.currentContext()).map(KubeContext::name).hasValue("prod");
    }

    @Test
    void withoutKubeconfigTheHomeFoldersKubeConfigIsRead() throws Exception {
        // Given no KUBECONFIG and a ~/.kube/config
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".kube"));
        Path config = Files.writeString(home.resolve(".kube/config"), FIRST);

        // When the default kubeconfig is loaded
        Kubeconfig kubeconfig = Kubeconfig.load(Map.of(), home);

        // Then its contexts are there
        assertThat(kubeconfig.files()).containsExactly(config);
        assertThat(kubeconfig.contexts()).extracting(KubeContext::name).containsExactly("dev", "prod");
    }

    @Test
    void withNoKubeconfigAnywhereTheResultIsEmpty() throws Exception {
        // Given an empty home folder and no KUBECONFIG
        // When the default kubeconfig is loaded
        Kubeconfig kubeconfig = Kubeconfig.load(Map.of(), dir);

        // Then there is nothing to connect to
        assertThat(kubeconfig.isEmpty()).isTrue();
        assertThat(kubeconfig.files()).isEmpty();
    }

    @Test
    void aMissingFileOpenedByTheUserIsReportedWithItsPath() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> Kubeconfig.loadFile(missing))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage(missing + ": the file does not exist")
                .satisfies(e -> assertThat(((KubeconfigException) e).line()).isZero());
    }

    @Test
    void anEmptyFileIsReportedAsEmpty() throws Exception {
        Path empty = write("empty.yaml", "\n# nothing here\n");

        assertThatThrownBy(() -> Kubeconfig.loadFile(empty))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage(empty + ": the file is empty");
    }

    @Test
    void malformedYamlIsReportedWithTheLineOfTheProblem() throws Exception {
        // Given a file whose line 4 is indented wrongly
        Path broken = write("broken.yaml", """
                apiVersion: v1
                clusters:
                - name: a
                    cluster: {}
                """);

        // When it is opened, then the message points at line 4
        assertThatThrownBy(() -> Kubeconfig.loadFile(broken))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageStartingWith(broken + ":4: not valid YAML")
                .satisfies(e -> assertThat(((KubeconfigException) e).line()).isEqualTo(4));
    }

    @Test
    void aContextNamingAnUndefinedClusterIsReportedAtTheContextsLine() throws Exception {
        // Given a context on line 6 whose cluster is defined nowhere
        Path dangling = write("dangling.yaml", """
                apiVersion: v1
                clusters:
                - name: real
                  cluster: {server: "https://real:6443"}
                contexts:
                - name: broken
                  context:
                    cluster: gone
                users: []
                """);

        assertThatThrownBy(() -> Kubeconfig.loadFile(dangling))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage(dangling + ":6: context \"broken\" refers to cluster \"gone\", which is not defined");
    }

    @Test
    void aContextMayUseAClusterAndUserDefinedInAnotherFile() throws Exception {
        // Given a file with only a context, and a second file with its cluster and user
        Path contextOnly = write("context.yaml", """
                contexts:
                - name: split
                  context: {cluster: staging-cluster, user: bob}
                """);
        Path second = write("second.yaml", SECOND);

        // When both are loaded
        Kubeconfig kubeconfig = Kubeconfig.load(
                Map.of("KUBECONFIG", contextOnly + File.pathSeparator + second), dir);

        // Then the context takes its server from the other file
        assertThat(kubeconfig.context("split")).map(KubeContext::server).hasValue("https://staging.example:6443");
    }

    @Test
    void aContextNamingAnUndefinedUserIsReported() throws Exception {
        Path dangling = write("dangling-user.yaml", """
                clusters:
                - name: real
                  cluster: {server: "https://real:6443"}
                contexts:
                - context: {cluster: real, user: nobody}
                  name: lonely
                """);

        assertThatThrownBy(() -> Kubeconfig.loadFile(dangling))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage(dangling + ":5: context \"lonely\" refers to user \"nobody\", which is not defined");
    }

    @Test
    void aStandaloneKubeconfigHasOneContextWithPathsMadeAbsoluteAgainstTheDefiningFile() throws Exception {
        // Given a cluster with a relative certificate-authority path
        Path first = write("first.yaml", FIRST);

        // When the context "dev" is written out on its own
        String yaml = Kubeconfig.loadFile(first).standaloneYaml("dev").orElseThrow();

        // Then the path is absolute and other contexts are left out
        assertThat(yaml).contains("certificate-authority: \"" + dir.resolve("certs/ca.crt") + "\"")
                .contains("current-context: \"dev\"")
                .contains("first-token")
                .doesNotContain("prod");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
