package dev.meshwizard.mesh.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Objects;

/**
 * The parts of Istio's mesh config (the {@code mesh} key of ConfigMap {@code istio}, or istioctl's
 * {@code --meshConfigFile}) that change the analysis; other fields are ignored.
 *
 * @param clusterDomain the cluster's DNS domain ({@code clusterDomain}, default {@code cluster.local}): short hosts
 *                      become {@code name.namespace.svc.<clusterDomain>}
 * @param rootNamespace the mesh's root namespace ({@code rootNamespace}, default {@code istio-system}): policies
 *                      there, such as RequestAuthentications, apply to every namespace
 */
public record MeshConfig(String clusterDomain, String rootNamespace) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Istio's defaults. */
    public static final MeshConfig DEFAULT = new MeshConfig("cluster.local", "istio-system");

    public MeshConfig {
        Objects.requireNonNull(clusterDomain, "clusterDomain");
        Objects.requireNonNull(rootNamespace, "rootNamespace");
    }

    /**
     * Reads a mesh config YAML (a MeshConfig mapping, as in {@code --meshconfig FILE}); missing fields keep
     * their defaults.
     *
     * @throws IllegalArgumentException naming the line when the text is not a YAML mapping
     */
    public static MeshConfig parse(String yaml) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IllegalArgumentException((line > 0 ? "line " + line + ": " : "") + "YAML syntax error: "
                    + e.getOriginalMessage(), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return DEFAULT;
        }
        if (!tree.isObject()) {
            throw new IllegalArgumentException("line 1: the mesh config is not a mapping of fields");
        }
        String domain = text(tree, "clusterDomain", DEFAULT.clusterDomain());
        String root = text(tree, "rootNamespace", DEFAULT.rootNamespace());
        return new MeshConfig(domain, root);
    }

    private static String text(JsonNode tree, String field, String fallback) {
        JsonNode node = tree.path(field);
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : fallback;
    }
}
