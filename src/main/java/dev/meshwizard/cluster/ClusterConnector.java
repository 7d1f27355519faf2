package dev.meshwizard.cluster;

import dev.meshwizard.cluster.connect.ConnectException;
import dev.meshwizard.cluster.connect.ConnectFailures;
import dev.meshwizard.cluster.connect.ExecCredentialPlugin;
import dev.meshwizard.cluster.connect.Kubeconfig;
import dev.meshwizard.cluster.connect.TlsPreflight;
import dev.meshwizard.cluster.watch.Rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a {@link ClusterSession} for a context: builds the client and reads the server version. */
public final class ClusterConnector {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConnector.class);

    /** Time allowed to open a TCP connection: a server that does not answer fails within this. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Time allowed for one request. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, String> env;

    /** A connector that reads proxy settings ({@code HTTPS_PROXY}, {@code NO_PROXY}, …) from the environment. */
    public ClusterConnector() {
        this(System.getenv());
    }

    /** A connector with the environment given, for tests. */
    ClusterConnector(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * Loads and exercises the client's JSON model, row conversion and HTTP classes, so that the first Connect
     * and the first informer sync do not pay for class loading and a cold JIT. Touches no network; call it
     * once in the background at startup.
     */
    public static void warmUp() {
        KubernetesSerialization serialization = new KubernetesSerialization();
        Pod pod = new PodBuilder()
                .withNewMetadata().withName("warm-up").withNamespace("default").withUid("0")
                .addToLabels("app", "warm-up").addToAnnotations("sidecar.istio.io/status", "{}").endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("example/app:1").addNewPort()
                .withContainerPort(9080).endPort().endContainer().addNewContainer().withName("istio-proxy")
                .withImage("istio/proxyv2").endContainer().withNodeName("node").endSpec()
                .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True")
                .endCondition().addNewContainerStatus().withName("app").withReady(true).withRestartCount(0)
                .withNewState().withNewRunning().withStartedAt("2026-01-01T00:00:00Z").endRunning().endState()
                .endContainerStatus().endStatus().build();
        Service service = new ServiceBuilder().withNewMetadata().withName("warm-up").withNamespace("default")
                .withUid("1").endMetadata().withNewSpec().withType("LoadBalancer").addNewPort().withName("http")
                .withPort(80).withNewTargetPort(8080).endPort().endSpec().build();
        String podJson = serialization.asJson(pod);
        String serviceJson = serialization.asJson(service);
        for (int i = 0; i < 300; i++) {
            Rows.pod(serialization.unmarshal(podJson, Pod.class));
            Rows.service(serialization.unmarshal(serviceJson, Service.class));
        }
        Config offline = new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build();
        new KubernetesClientBuilder().withConfig(offline).build().close();
    }

    /**
     * Connects and reads {@code /version}. Blocking: call from a background job. An exec credential plugin of
     * the context's user runs first, so that its own error message can be shown when it fails.
     *
     * @throws ConnectException with a classified reason and a message naming the file and context
     */
    public ClusterSession connect(Kubeconfig kubeconfig, String contextName) throws ConnectException {
        Kubeconfig.Resolved resolved = kubeconfig.resolve(contextName).orElse(null);
        if (resolved == null) {
            throw ConnectFailures.unknownContext(contextName, kubeconfig.files());
        }
        ObjectNode user = resolved.user();
        JsonNode exec = user.get("exec");
        String execCommand = exec instanceof ObjectNode ? exec.path("command").asText("") : "";
        ConnectFailures failures = new ConnectFailures(resolved.context(), execCommand, secretsOf(user));
        KubernetesClient client = null;
        try {
            Config config = Config.fromKubeconfig(resolved.toYaml(false));
            configure(config, resolved, failures);
            URI server = serverUri(resolved.context().server());
            TlsPreflight.Answer greeting = config.getHttpsProxy() == null
                    ? TlsPreflight.greet(server, CONNECT_TIMEOUT) : TlsPreflight.Answer.TLS_OR_UNKNOWN;
            if (greeting != TlsPreflight.Answer.TLS_OR_UNKNOWN) {
                throw failures.withoutTls(greeting == TlsPreflight.Answer.SILENT, CONNECT_TIMEOUT);
            }
            client = new KubernetesClientBuilder().withConfig(config).build();
            VersionInfo version = client.getKubernetesVersion();
            String gitVersion = version == null || version.getGitVersion() == null ? "" : version.getGitVersion();
            LOG.info("Connected to {} ({}), Kubernetes {}", resolved.context().server(), failures.where(),
                    gitVersion);
            boolean simulated = version != null
                    && ClusterSession.SIMULATION_PLATFORM.equals(version.getPlatform());
            return new ClusterSession(resolved.context(), client, gitVersion, simulated, resolved.toYaml(true));
        } catch (ConnectException e) {
            closeQuietly(client);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(client);
            ConnectException classified = failures.classify(e);
            LOG.debug("Connecting failed: {}", classified.getMessage(), e);
            throw classified;
        }
    }

    private static URI serverUri(String server) {
        try {
            return URI.create(server);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void configure(Config config, Kubeconfig.Resolved resolved, ConnectFailures failures)
            throws ConnectException {
        config.setConnectionTimeout((int) CONNECT_TIMEOUT.toMillis());
        config.setRequestTimeout((int) REQUEST_TIMEOUT.toMillis());
        config.setRequestRetryBackoffLimit(1);
        config.setRequestRetryBackoffInterval(250);
        if (config.getNamespace() == null || config.getNamespace().isBlank()) {
            config.setNamespace("default");
        }
        ObjectNode user = resolved.user();
        if (user.get("exec") instanceof ObjectNode exec) {
            useExecPlugin(config, new ExecCredentialPlugin(exec, resolved.cluster()), failures);
        }
        String tokenFile = user.path("tokenFile").asText("");
        if (!tokenFile.isEmpty() && user.path("token").asText("").isEmpty()) {
            try {
                config.setAutoOAuthToken(Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw failures.other("Cannot read the token file " + tokenFile, e);
            }
        }
        String impersonate = user.path("as").asText("");
        if (!impersonate.isEmpty()) {
            config.setImpersonateUsername(impersonate);
            List<String> groups = new ArrayList<>();
            user.path("as-groups").forEach(group -> groups.add(group.asText()));
            config.setImpersonateGroups(groups.toArray(String[]::new));
        }
        applyProxyEnvironment(config, resolved.context().server());
    }

    private static void useExecPlugin(Config config, ExecCredentialPlugin plugin, ConnectFailures failures)
            throws ConnectException {
        ExecCredentialPlugin.Credential credential;
        try {
            credential = plugin.fetch();
        } catch (ExecCredentialPlugin.PluginFailure e) {
            throw failures.pluginFailed(e);
        }
        if (credential.token() != null) {
            config.setOauthTokenProvider(plugin);
        } else {
            Base64.Encoder base64 = Base64.getEncoder();
            String key = base64.encodeToString(credential.clientKeyData().getBytes(StandardCharsets.UTF_8));
            config.setClientCertData(base64.encodeToString(
                    credential.clientCertificateData().getBytes(StandardCharsets.UTF_8)));
            config.setClientKeyData(key);
            config.setClientKeyAlgo(Config.getKeyAlgorithm(null, key));
        }
    }

    /** kubectl honours the proxy variables, except for loopback servers; the kubeconfig's proxy-url wins. */
    private void applyProxyEnvironment(Config config, String server) {
        if (config.getHttpProxy() != null || config.getHttpsProxy() != null || isLoopback(server)) {
            return;
        }
        String https = variable("HTTPS_PROXY");
        String http = variable("HTTP_PROXY");
        if (https != null) {
            config.setHttpsProxy(https);
        }
        if (http != null) {
            config.setHttpProxy(http);
        }
        String noProxy = variable("NO_PROXY");
        if (noProxy != null && (https != null || http != null)) {
            config.setNoProxy(noProxy.split("\\s*,\\s*"));
        }
    }

    private String variable(String name) {
        String value = env.getOrDefault(name, env.get(name.toLowerCase(Locale.ROOT)));
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean isLoopback(String server) {
        try {
            String host = URI.create(server).getHost();
            return host == null || host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> secretsOf(ObjectNode user) {
        List<String> secrets = new ArrayList<>();
        for (String field : List.of("token", "password", "client-key-data", "client-certificate-data")) {
            String value = user.path(field).asText("");
            if (!value.isEmpty()) {
                secrets.add(value);
            }
        }
        user.path("auth-provider").path("config").forEach(value -> secrets.add(value.asText()));
        return secrets;
    }

    private static void closeQuietly(KubernetesClient client) {
        if (client != null) {
            try {
                client.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the client failed", e);
            }
        }
    }
}
