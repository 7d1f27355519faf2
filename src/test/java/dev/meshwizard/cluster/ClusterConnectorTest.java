package dev.meshwizard.cluster;

import dev.meshwizard.cluster.connect.ConnectException;
import dev.meshwizard.cluster.connect.Kubeconfig;
import dev.meshwizard.cluster.helm.HelmException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.meshwizard.cluster.connect.ConnectException.Reason;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ClusterConnectorTest {

    private static final String TOKEN = "s3cr3t-token-value-that-must-stay-hidden";
    private static final String VERSION = """
            {"major": "1", "minor": "30", "gitVersion": "v1.30.2", "platform": "linux/amd64"}""";
    private static final String STATUS = """
            {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "%s", "code": %d}""";

    @TempDir
    Path dir;

    private final ClusterConnector connector = new ClusterConnector(Map.of());
    private KubernetesMockServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.shutdown();
        }
    }

    @Test
    void connectingReadsTheServerVersionAndKeepsTheContext() throws Exception {
        // Given a server that answers /version
        startServer(false);
        server.expect().get().withPath("/version").andReturn(200, VERSION).always();
        Kubeconfig kubeconfig = kubeconfig(serverUrl(), tokenUser(TOKEN));

        // When the context is connected
        try (ClusterSession session = connector.connect(kubeconfig, "mock")) {
            // Then the session has the server's version and the context
            assertThat(session.serverVersion()).isEqualTo("v1.30.2");
            assertThat(session.context().name()).isEqualTo("mock");
        }
        assertThat(server.getLastRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aRejectedTokenIsUnauthorizedAndTheMessageNamesFileAndContextButNotTheToken() throws Exception {
        // Given a server that answers 401
        startServer(false);
        server.expect().get().withPath("/version").andReturn(401, STATUS.formatted("Unauthorized", 401)).always();
        Kubeconfig kubeconfig = kubeconfig(serverUrl(), tokenUser(TOKEN));

        // When connecting
        ConnectException failure = connectFails(kubeconfig, "mock");

        // Then
        assertThat(failure.reason()).isEqualTo(Reason.UNAUTHORIZED);
        assertThat(failure.getMessage()).contains("context \"mock\" in " + kubeconfig.files().get(0))
                .contains("401").doesNotContain(TOKEN);
    }

    @Test
    void aForbiddenVersionRequestNamesTheUserTheContextAndWhatWasDenied() throws Exception {
        startServer(false);
        server.expect().get().withPath("/version").andReturn(403, """
                {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "Forbidden", "code": 403,
                 "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"/version\\""}""").always();
        Kubeconfig kubeconfig = kubeconfig(serverUrl(), tokenUser(TOKEN));

        ConnectException failure = connectFails(kubeconfig, "mock");

        assertThat(failure.getMessage()).startsWith("User \"tester\" may not read the server version")
                .contains("context \"mock\" in " + kubeconfig.files().get(0))
                .endsWith("the server says: forbidden: User \"system:anonymous\" cannot get path \"/version\"");
    }

    @Test
    void aForbiddenVersionRequestIsForbidden() throws Exception {
        startServer(false);
        server.expect().get().withPath("/version").andReturn(403, STATUS.formatted("Forbidden", 403)).always();
        Kubeconfig kubeconfig = kubeconfig(serverUrl(), tokenUser(TOKEN));

        ConnectException failure = connectFails(kubeconfig, "mock");

        assertThat(failure.reason()).isEqualTo(Reason.FORBIDDEN);
        assertThat(failure.getMessage()).contains("context \"mock\" in " + kubeconfig.files().get(0))
                .contains("403").doesNotContain(TOKEN);
    }

    @Test
    void aClosedPortIsUnreachableAndFailsQuickly() throws Exception {
        // Given a server address where nothing listens
        String url = "http://127.0.0.1:" + freePort();
        Kubeconfig kubeconfig = kubeconfig(url, tokenUser(TOKEN));

        // When connecting
        ConnectException failure = connectFails(kubeconfig, "mock");

        // Then it fails as unreachable (a refused connection, not a timeout), saying where it tried
        assertThat(failure.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(failure.getMessage())
                .startsWith("Cannot reach " + url + " (context \"mock\" in " + kubeconfig.files().get(0) + "): ");
    }

    @Test
    void aServerWhoseCertificateIsNotTrustedFailsWithTls() throws Exception {
        // Given an https server with a self-signed certificate the kubeconfig does not trust
        startServer(true);
        server.expect().get().withPath("/version").andReturn(200, VERSION).always();
        Kubeconfig kubeconfig = kubeconfig("https://localhost:" + server.getPort(), tokenUser(TOKEN));

        // When connecting
        ConnectException failure = connectFails(kubeconfig, "mock");

        // Then it is a TLS problem that points at the certificate authority
        assertThat(failure.reason()).isEqualTo(Reason.TLS);
        assertThat(failure.getMessage()).contains("context \"mock\"").contains("certificate");
    }

    @Test
    void aFailingExecPluginIsReportedAsExpiredCredentialsWithThePluginsMessage() throws Exception {
        // Given a user whose credential plugin says the token expired
        String user = """
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: sh
                      args: ["-c", "echo 'error: token expired' >&2; exit 1"]
                """;
        Kubeconfig kubeconfig = kubeconfig("http://127.0.0.1:" + freePort(), user);

        // When connecting
        ConnectException failure = connectFails(kubeconfig, "mock");

        // Then
        assertThat(failure.reason()).isEqualTo(Reason.EXPIRED_CREDENTIALS);
        assertThat(failure.getMessage()).contains("error: token expired").contains("context \"mock\"");
    }

    @Test
    void aTokenFromTheExecPluginIsSentToTheServer() throws Exception {
        // Given a plugin that prints an ExecCredential
        startServer(false);
        server.expect().get().withPath("/version").andReturn(200, VERSION).always();
        String credential = "{\\\"apiVersion\\\":\\\"client.authentication.k8s.io/v1\\\",\\\"kind\\\":"
                + "\\\"ExecCredential\\\",\\\"status\\\":{\\\"token\\\":\\\"from-plugin\\\"}}";
        String user = """
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: sh
                      args: ["-c", "echo '%s'"]
                """.formatted(credential);
        Kubeconfig kubeconfig = kubeconfig(serverUrl(), user);

        // When connecting
        try (ClusterSession session = connector.connect(kubeconfig, "mock")) {
            // Then the plugin's token is the bearer token
            assertThat(session.serverVersion()).isEqualTo("v1.30.2");
        }
        assertThat(server.getLastRequest().getHeader("Authorization")).isEqualTo("Bearer from-plugin");
    }

    @Test
    void aTokenFromAnExecPluginThatTheServerRejectsCountsAsExpired() throws Exception {
        // Given a plugin that hands out a token the server no longer accepts
        startServer(false);
        server.expect().get().withPath("/version").andReturn(401, STATUS.formatted("Unauthorized", 401)).always();
        String user = """
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: sh
                      args: ["-c", "echo '{\\"status\\": {\\"token\\": \\"stale\\"}}'"]
                """;
        Kubeconfig kubeconfig = kubeconfig(serverUrl(), user);

        // When connecting
        ConnectException failure = connectFails(kubeconfig, "mock");

        // Then the user is told to log in again rather than that the credentials are wrong
        assertThat(failure.reason()).isEqualTo(Reason.EXPIRED_CREDENTIALS);
        assertThat(failure.getMessage()).contains("\"sh\"").contains("Log in again").doesNotContain("stale");
    }

    @Test
    void aContextWithoutNamespaceWorksInTheDefaultNamespace() throws Exception {
        startServer(false);
        server.expect().get().withPath("/version").andReturn(200, VERSION).always();

        try (ClusterSession session = connector.connect(kubeconfig(serverUrl(), tokenUser(TOKEN)), "mock")) {
            assertThat(session.client().getNamespace()).isEqualTo("default");
        }
    }

    @Test
    void aContextThatDoesNotExistIsUnknown() throws Exception {
        Kubeconfig kubeconfig = kubeconfig("http://127.0.0.1:1", tokenUser(TOKEN));

        ConnectException failure = connectFails(kubeconfig, "elsewhere");

        assertThat(failure.reason()).isEqualTo(Reason.UNKNOWN_CONTEXT);
        assertThat(failure.getMessage()).contains("\"elsewhere\"").contains(kubeconfig.files().get(0).toString());
    }

    @Test
    @Timeout(60)
    void aHostNameThatDoesNotResolveSaysSoNotConnectionRefused() throws Exception {
        // Given a server whose name cannot resolve (.invalid is reserved for that)
        Kubeconfig kubeconfig = kubeconfig("https://api.cluster.invalid:6443", tokenUser(TOKEN));

        // When connecting
        ConnectException failure = connectFails(kubeconfig, "mock");

        // Then
        assertThat(failure.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(failure.getMessage()).contains("the host name api.cluster.invalid does not resolve")
                .doesNotContain("refused");
    }

    @Test
    @Timeout(60)
    void httpsToAPlainHttpPortSaysTheServerAnsweredWithoutTls() throws Exception {
        // Given a plain HTTP API server, named with https:// in the kubeconfig
        startServer(false);
        server.expect().get().withPath("/version").andReturn(200, VERSION).always();
        Kubeconfig kubeconfig = kubeconfig("https://localhost:" + server.getPort(), tokenUser(TOKEN));

        // When connecting
        ConnectException failure = connectFails(kubeconfig, "mock");

        // Then
        assertThat(failure.reason()).isEqualTo(Reason.TLS);
        assertThat(failure.getMessage()).contains("answered without TLS").contains("http://localhost:"
                + server.getPort());
    }

    @Test
    @Timeout(60)
    void httpsToAPortThatNeverAnswersTheTlsGreetingSaysSoAfterTheConnectTimeout() throws Exception {
        // Given a server that accepts connections and never writes a byte
        try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Kubeconfig kubeconfig = kubeconfig("https://127.0.0.1:" + silent.getLocalPort(), tokenUser(TOKEN));

            // When connecting
            ConnectException failure = connectFails(kubeconfig, "mock");

            // Then
            assertThat(failure.reason()).isEqualTo(Reason.TLS);
            assertThat(failure.getMessage()).contains("did not answer the TLS greeting in 5 s")
                    .contains("http://127.0.0.1:" + silent.getLocalPort());
        }
    }

    @Test
    @Timeout(120)
    void aHelmListTheServerForbidsNamesTheUserContextVerbAndResource() throws Exception {
        // Given a server that answers /version but forbids listing Helm's release Secrets
        startServer(false);
        server.expect().get().withPath("/version").andReturn(200, VERSION).always();
        String denied = "secrets is forbidden: User \\\"system:serviceaccount:ci:deployer\\\" cannot list resource"
                + " \\\"secrets\\\" in API group \\\"\\\" in the namespace \\\"istio-system\\\"";
        server.expect().get().withPath("/api/v1/namespaces/istio-system/secrets?labelSelector=owner%3Dhelm")
                .andReturn(403, """
                        {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "Forbidden",
                         "code": 403, "message": "%s"}""".formatted(denied)).always();
        Kubeconfig kubeconfig = kubeconfig(serverUrl(), tokenUser(TOKEN));

        // When Helm lists the releases
        try (ClusterSession session = connector.connect(kubeconfig, "mock")) {
            HelmException failure = catchThrowableOfType(HelmException.class,
                    () -> session.helm().list("istio-system"));

            // Then
            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).startsWith("User \"tester\" (context \"mock\" in "
                            + kubeconfig.files().get(0) + ") may not list secrets in namespace istio-system: 403")
                    .doesNotContain(TOKEN);
        }
    }

    private ConnectException connectFails(Kubeconfig kubeconfig, String context) {
        ConnectException failure = catchThrowableOfType(ConnectException.class,
                () -> connector.connect(kubeconfig, context).close());
        assertThat(failure).as("connecting should fail").isNotNull();
        return failure;
    }

    private void startServer(boolean https) {
        server = new KubernetesMockServer(https);
        server.start();
        // the mock answers /version itself; drop that so each test decides the answer
        server.clearExpectations();
    }

    private String serverUrl() {
        return "http://localhost:" + server.getPort();
    }

    private static String tokenUser(String token) {
        return "    token: " + token + "\n";
    }

    private Kubeconfig kubeconfig(String serverUrl, String userBody) throws Exception {
        Path file = Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                current-context: mock
                clusters:
                - name: mock-cluster
                  cluster:
                    server: %s
                contexts:
                - name: mock
                  context:
                    cluster: mock-cluster
                    user: tester
                users:
                - name: tester
                  user:
                %s""".formatted(serverUrl, userBody));
        return Kubeconfig.loadFile(file);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
