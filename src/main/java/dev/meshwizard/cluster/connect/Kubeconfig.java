package dev.meshwizard.cluster.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshwizard.cluster.connect.KubeconfigFile.Entry;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contexts of one or more kubeconfig files, merged as kubectl merges them (the first file that sets a
 * value wins). Immutable.
 */
public final class Kubeconfig {

    private static final Logger LOG = LoggerFactory.getLogger(Kubeconfig.class);
    private static final YAMLMapper YAML = new YAMLMapper();

    private final List<Path> files;
    private final String currentContext;
    private final Map<String, Entry> contexts;
    private final Map<String, Entry> clusters;
    private final Map<String, Entry> users;
    private final List<KubeContext> sortedContexts;

    private Kubeconfig(List<KubeconfigFile> parsed) throws KubeconfigException {
        this.files = parsed.stream().map(KubeconfigFile::path).toList();
        this.currentContext = parsed.stream().map(KubeconfigFile::currentContext)
                .filter(name -> !name.isBlank()).findFirst().orElse("");
        this.contexts = firstWins(parsed, KubeconfigFile::contexts);
        this.clusters = firstWins(parsed, KubeconfigFile::clusters);
        this.users = firstWins(parsed, KubeconfigFile::users);
        checkReferences();
        this.sortedContexts = contexts.values().stream()
                .map(this::toKubeContext)
                .sorted(Comparator.comparing((KubeContext c) -> !c.current()).thenComparing(KubeContext::name))
                .toList();
    }

    /** Loads as kubectl does: the files of {@code KUBECONFIG}, else {@code ~/.kube/config}; empty when none exist. */
    public static Kubeconfig loadDefault() throws KubeconfigException {
        return load(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * {@link #loadDefault()} with the environment and home folder given, for tests. Files named in
     * {@code KUBECONFIG} that do not exist are skipped, as kubectl skips them.
     *
     * @param env  environment variables; only {@code KUBECONFIG} is read
     * @param home the user's home folder, holding {@code .kube/config}
     * @throws KubeconfigException when a file that exists is empty, malformed or has a context that names a
     *                             cluster or user defined nowhere
     */
    public static Kubeconfig load(Map<String, String> env, Path home) throws KubeconfigException {
        String variable = env.get("KUBECONFIG");
        if (variable != null && !variable.isBlank()) {
            Set<Path> paths = new LinkedHashSet<>();
            for (String part : variable.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    paths.add(Path.of(part.strip()).toAbsolutePath().normalize());
                }
            }
            List<KubeconfigFile> parsed = new ArrayList<>();
            for (Path path : paths) {
                if (Files.exists(path)) {
                    parsed.add(KubeconfigFile.read(path));
                } else {
                    LOG.debug("Skipping {} from KUBECONFIG: it does not exist", path);
                }
            }
            return new Kubeconfig(parsed);
        }
        Path fallback = home.resolve(".kube").resolve("config").toAbsolutePath().normalize();
        return Files.exists(fallback) ? new Kubeconfig(List.of(KubeconfigFile.read(fallback))) : empty();
    }

    /**
     * One file the user opened.
     *
     * @throws KubeconfigException when the file is missing, empty, malformed or has a dangling reference
     */
    public static Kubeconfig loadFile(Path file) throws KubeconfigException {
        return new Kubeconfig(List.of(KubeconfigFile.read(file.toAbsolutePath().normalize())));
    }

    /** A kubeconfig with no files and no contexts. */
    public static Kubeconfig empty() {
        try {
            return new Kubeconfig(List.of());
        } catch (KubeconfigException e) {
            throw new IllegalStateException("An empty kubeconfig cannot have dangling references", e);
        }
    }

    /** The files merged, in precedence order. */
    public List<Path> files() {
        return files;
    }

    /** Every context, the current one first, then by name. */
    public List<KubeContext> contexts() {
        return sortedContexts;
    }

    /** The context with that name, if any file defines it. */
    public Optional<KubeContext> context(String name) {
        return sortedContexts.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The merged {@code current-context}, if it names a context that exists. */
    public Optional<KubeContext> currentContext() {
        return sortedContexts.stream().filter(KubeContext::current).findFirst();
    }

    /** True when there are no contexts at all (offline is the only choice). */
    public boolean isEmpty() {
        return contexts().isEmpty();
    }

    /**
     * A self-contained kubeconfig holding only one context, its cluster and its user, with every relative file
     * path made absolute against the file that defined it; what {@code kubectl config view --minify} shows for
     * that context, for tools (Helm) that take kubeconfig text. It carries the user's credentials: never log
     * or save it.
     */
    public Optional<String> standaloneYaml(String contextName) {
        return resolve(contextName).map(resolved -> resolved.toYaml(true));
    }

    /** The context with its cluster and user, paths made absolute, or empty when no context has that name. */
    public Optional<Resolved> resolve(String contextName) {
        Entry context = contexts.get(contextName);
        if (context == null) {
            return Optional.empty();
        }
        Entry cluster = clusters.get(context.body().path("cluster").asText(""));
        Entry user = users.get(context.body().path("user").asText(""));
        ObjectNode clusterBody = cluster == null ? JsonNodeFactory.instance.objectNode() : cluster.body().deepCopy();
        ObjectNode userBody = user == null ? JsonNodeFactory.instance.objectNode() : user.body().deepCopy();
        if (cluster != null) {
            absolutize(clusterBody, "certificate-authority", cluster.source());
        }
        if (user != null) {
            absolutize(userBody, "client-certificate", user.source());
            absolutize(userBody, "client-key", user.source());
            absolutize(userBody, "tokenFile", user.source());
            if (userBody.get("exec") instanceof ObjectNode exec) {
                String command = exec.path("command").asText("");
                if (command.contains("/") || command.contains(File.separator)) {
                    absolutize(exec, "command", user.source());
                }
            }
        }
        return Optional.of(new Resolved(toKubeContext(context), clusterBody, userBody));
    }

    /**
     * A context with copies of its cluster and user entries, ready to build a client from.
     *
     * @param context the context as listed
     * @param cluster the cluster entry's body (server, certificate authority, …); paths absolute
     * @param user    the user entry's body (token, client certificate, exec plugin, …); empty when the context
     *                names no user; paths absolute
     */
    public record Resolved(KubeContext context, ObjectNode cluster, ObjectNode user) {

        /** Kubeconfig text for this context alone; without the exec plugin when {@code withExec} is false. */
        public String toYaml(boolean withExec) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("apiVersion", "v1");
            root.put("kind", "Config");
            root.put("current-context", context.name());
            ObjectNode contextBody = root.putArray("contexts").addObject().put("name", context.name())
                    .putObject("context").put("cluster", context.cluster());
            if (!context.user().isEmpty()) {
                contextBody.put("user", context.user());
            }
            if (!context.namespace().isEmpty()) {
                contextBody.put("namespace", context.namespace());
            }
            root.putArray("clusters").addObject().put("name", context.cluster()).set("cluster", cluster);
            ArrayNode userList = root.putArray("users");
            if (!context.user().isEmpty()) {
                ObjectNode userBody = user.deepCopy();
                if (!withExec) {
                    userBody.remove("exec");
                }
                userList.addObject().put("name", context.user()).set("user", userBody);
            }
            try {
                return YAML.writeValueAsString(root);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void absolutize(ObjectNode node, String field, Path definedIn) {
        String value = node.path(field).asText("");
        if (!value.isEmpty() && !Path.of(value).isAbsolute()) {
            Path folder = definedIn.toAbsolutePath().getParent();
            node.put(field, folder.resolve(value).normalize().toString());
        }
    }

    private void checkReferences() throws KubeconfigException {
        for (Entry context : contexts.values()) {
            String cluster = context.body().path("cluster").asText("");
            if (cluster.isEmpty()) {
                throw new KubeconfigException(context.source(), context.line(),
                        "context \"" + context.name() + "\" names no cluster");
            }
            if (!clusters.containsKey(cluster)) {
                throw new KubeconfigException(context.source(), context.line(), "context \"" + context.name()
                        + "\" refers to cluster \"" + cluster + "\", which is not defined" + where());
            }
            String user = context.body().path("user").asText("");
            if (!user.isEmpty() && !users.containsKey(user)) {
                throw new KubeconfigException(context.source(), context.line(), "context \"" + context.name()
                        + "\" refers to user \"" + user + "\", which is not defined" + where());
            }
        }
    }

    private String where() {
        return files.size() > 1 ? " in any of the " + files.size() + " kubeconfig files" : "";
    }

    private KubeContext toKubeContext(Entry context) {
        String clusterName = context.body().path("cluster").asText("");
        Entry cluster = clusters.get(clusterName);
        String server = cluster == null ? "" : cluster.body().path("server").asText("");
        return new KubeContext(context.name(), clusterName, server, context.body().path("user").asText(""),
                context.body().path("namespace").asText(""), context.name().equals(currentContext),
                context.source());
    }

    private static Map<String, Entry> firstWins(List<KubeconfigFile> parsed,
                                                Function<KubeconfigFile, List<Entry>> list) {
        Map<String, Entry> merged = new LinkedHashMap<>();
        for (KubeconfigFile file : parsed) {
            for (Entry entry : list.apply(file)) {
                merged.putIfAbsent(entry.name(), entry);
            }
        }
        return merged;
    }

    @Override
    public String toString() {
        return "Kubeconfig" + files + " with " + contexts.size() + " contexts";
    }
}
