package dev.meshwizard.cluster.connect;

import dev.meshwizard.job.Threads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a kubeconfig {@code exec} credential plugin ({@code aws eks get-token}, {@code gke-gcloud-auth-plugin},
 * {@code kubelogin}, …) as kubectl does, and hands its token to the client, running the plugin again when the
 * token expires. Standard error is kept apart from the credential so that a failing plugin's own message can be
 * shown to the user.
 */
public final class ExecCredentialPlugin implements OAuthTokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ExecCredentialPlugin.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** How long a token without an expiry is reused before the plugin runs again. */
    private static final Duration UNDATED_TOKEN_REUSE = Duration.ofMinutes(5);
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    /**
     * What the plugin returned.
     *
     * @param token                 bearer token, or null
     * @param clientCertificateData PEM client certificate, or null
     * @param clientKeyData         PEM client key, or null
     * @param reuseUntil            when to run the plugin again
     */
    public record Credential(String token, String clientCertificateData, String clientKeyData, Instant reuseUntil) {
    }

    /** The plugin could not be started, failed, or printed something that is not an ExecCredential. */
    public static final class PluginFailure extends Exception {

        private final boolean notFound;

        PluginFailure(String message, boolean notFound, Throwable cause) {
            super(message, cause);
            this.notFound = notFound;
        }

        /** True when the command does not exist (not installed), rather than failing. */
        boolean notFound() {
            return notFound;
        }
    }

    private final ObjectNode exec;
    private final ObjectNode cluster;
    private Credential current;

    /**
     * @param exec    the user's {@code exec} entry (command absolute when it was a relative path)
     * @param cluster the cluster entry, passed to the plugin when it asks for cluster information
     */
    public ExecCredentialPlugin(ObjectNode exec, ObjectNode cluster) {
        this.exec = exec.deepCopy();
        this.cluster = cluster.deepCopy();
    }

    /** The command as written in the kubeconfig, for messages. */
    String command() {
        return exec.path("command").asText("");
    }

    /** Runs the plugin now and remembers its credential. */
    public synchronized Credential fetch() throws PluginFailure {
        current = run();
        return current;
    }

    /** The cached token, running the plugin again when it has expired; null when none can be had. */
    @Override
    public synchronized String getToken() {
        if (current == null || Instant.now().isAfter(current.reuseUntil())) {
            try {
                current = run();
            } catch (PluginFailure e) {
                LOG.warn("Refreshing credentials with \"{}\" failed: {}", command(), e.getMessage());
                return current == null ? null : current.token();
            }
        }
        return current.token();
    }

    private Credential run() throws PluginFailure {
        String apiVersion = exec.path("apiVersion").asText("client.authentication.k8s.io/v1beta1");
        ProcessBuilder builder = new ProcessBuilder(commandLine());
        exec.path("env").forEach(variable -> builder.environment()
                .put(variable.path("name").asText(""), variable.path("value").asText("")));
        builder.environment().put("KUBERNETES_EXEC_INFO", execInfo(apiVersion));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            String hint = exec.path("installHint").asText("").strip();
            throw new PluginFailure("the credential plugin \"" + command() + "\" was not found"
                    + (hint.isEmpty() ? "" : ". " + hint), true, e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stdout = drain(process.getInputStream());
            CompletableFuture<String> stderr = drain(process.getErrorStream());
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PluginFailure("the credential plugin \"" + command() + "\" did not finish within "
                        + TIMEOUT.toSeconds() + " s", false, null);
            }
            String errors = stderr.get(5, TimeUnit.SECONDS);
            if (process.exitValue() != 0) {
                throw new PluginFailure("the credential plugin \"" + command() + "\" failed (exit code "
                        + process.exitValue() + ")" + summary(errors), false, null);
            }
            return parse(stdout.get(5, TimeUnit.SECONDS), errors);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PluginFailure("interrupted while running \"" + command() + "\"", false, e);
        } catch (IOException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new PluginFailure("reading the output of \"" + command() + "\" failed: " + e.getMessage(), false,
                    e);
        }
    }

    private List<String> commandLine() {
        List<String> line = new ArrayList<>();
        line.add(command());
        exec.path("args").forEach(arg -> line.add(arg.asText()));
        return line;
    }

    private String execInfo(String apiVersion) {
        ObjectNode info = JSON.createObjectNode().put("apiVersion", apiVersion).put("kind", "ExecCredential");
        ObjectNode spec = info.putObject("spec").put("interactive", false);
        if (exec.path("provideClusterInfo").asBoolean(false)) {
            ObjectNode clusterInfo = spec.putObject("cluster").put("server", cluster.path("server").asText(""));
            copyText(cluster, "certificate-authority-data", clusterInfo, "certificate-authority-data");
            copyText(cluster, "tls-server-name", clusterInfo, "tls-server-name");
            if (cluster.path("insecure-skip-tls-verify").asBoolean(false)) {
                clusterInfo.put("insecure-skip-tls-verify", true);
            }
        }
        return info.toString();
    }

    private Credential parse(String stdout, String errors) throws PluginFailure {
        JsonNode status;
        try {
            status = JSON.readTree(stdout).path("status");
        } catch (IOException e) {
            throw new PluginFailure("the credential plugin \"" + command() + "\" printed no credential"
                    + summary(errors), false, null);
        }
        String token = text(status, "token");
        String cert = text(status, "clientCertificateData");
        String key = text(status, "clientKeyData");
        if (token == null && (cert == null || key == null)) {
            throw new PluginFailure("the credential plugin \"" + command() + "\" returned neither a token nor a"
                    + " client certificate" + summary(errors), false, null);
        }
        return new Credential(token, cert, key, reuseUntil(text(status, "expirationTimestamp")));
    }

    private static Instant reuseUntil(String expiration) {
        if (expiration != null) {
            try {
                return Instant.parse(expiration).minus(EXPIRY_MARGIN);
            } catch (DateTimeParseException e) {
                LOG.debug("Ignoring unparsable expirationTimestamp {}", expiration);
            }
        }
        return Instant.now().plus(UNDATED_TOKEN_REUSE);
    }

    /** ": " and the first lines of the plugin's standard error, shortened, or "" when it printed nothing. */
    private static String summary(String errors) {
        String text = errors == null ? "" : errors.strip();
        if (text.isEmpty()) {
            return "";
        }
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(3).toList();
        String joined = String.join(" ", lines);
        return ": " + (joined.length() > 300 ? joined.substring(0, 300) + "…" : joined);
    }

    /** Reads a stream to its end on a thread of its own, so that neither pipe can fill up and block the plugin. */
    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }, task -> Threads.startDaemon("exec-credential-output", task));
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        return value.isEmpty() ? null : value;
    }

    private static void copyText(JsonNode from, String field, ObjectNode to, String as) {
        String value = text(from, field);
        if (value != null) {
            to.put(as, value);
        }
    }
}
