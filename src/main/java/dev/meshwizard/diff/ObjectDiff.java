package dev.meshwizard.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.meshwizard.render.RenderedObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two sets of Kubernetes objects, e.g. what is in the cluster and what would be applied. Objects are
 * matched by API group, kind, namespace and name (so {@code networking.istio.io/v1} and {@code v1beta1} of one
 * VirtualService are the same object). Before comparing, fields the server owns are dropped:
 * {@code metadata.managedFields}, {@code resourceVersion}, {@code uid}, {@code generation},
 * {@code creationTimestamp}, {@code selfLink}, {@code status} and the annotation
 * {@code kubectl.kubernetes.io/last-applied-configuration}; on request also Helm's ownership marks
 * ({@code meta.helm.sh/*} annotations and {@code app.kubernetes.io/managed-by: Helm}). Keys are sorted, so field
 * order never makes a change.
 *
 * <p>Secrets are compared by content, but their values never reach the YAML or the diff lines: each value under
 * {@code data} (with {@code stringData} folded in, base64-encoded, as the server stores it) is shown as
 * {@value RenderedObject#REDACTED}, or as {@value #REDACTED_CHANGED} on the new side when it differs.
 *
 * <p>Inputs are Jackson trees; {@link #fromResources}, {@link #fromRendered} and {@link #fromYaml} turn fabric8
 * objects, rendered chart objects and YAML text into them. Objects without a namespace are compared as they are:
 * callers that apply into a default namespace set it first.
 */
public final class ObjectDiff {

    /** What the new side of a Secret shows for a value that differs from the old side. */
    public static final String REDACTED_CHANGED = "<redacted, changed>";

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());
    private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();

    private ObjectDiff() {
    }

    /** {@link #between(List, List, boolean)} comparing Helm's ownership marks like any other field. */
    public static List<ObjectChange> between(List<? extends JsonNode> before, List<? extends JsonNode> after) {
        return between(before, after, false);
    }

    /**
     * One change for every object in either list: the objects of {@code after} in their order, then those only in
     * {@code before} (as {@link ObjectChange.Type#REMOVED}) in theirs. Neither list is modified.
     *
     * @param ignoreHelmOwnership drop {@code meta.helm.sh/*} annotations and {@code app.kubernetes.io/managed-by:
     *                            Helm} before comparing, e.g. when comparing a release's rendered objects with the
     *                            cluster
     */
    public static List<ObjectChange> between(List<? extends JsonNode> before, List<? extends JsonNode> after,
                                             boolean ignoreHelmOwnership) {
        ObjectNormalizer normalizer = new ObjectNormalizer(ignoreHelmOwnership);
        Map<String, ObjectNode> old = index(before, normalizer);
        Map<String, ObjectNode> current = index(after, normalizer);
        List<ObjectChange> changes = new ArrayList<>();
        current.forEach((key, object) -> changes.add(change(old.get(key), object)));
        old.forEach((key, object) -> {
            if (!current.containsKey(key)) {
                changes.add(change(object, null));
            }
        });
        return changes;
    }

    /** The identity objects are matched by: {@code group/kind/namespace/name}, the group "" for core objects. */
    public static String key(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText("");
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        JsonNode metadata = object.path("metadata");
        return group + "/" + object.path("kind").asText("") + "/" + metadata.path("namespace").asText("") + "/"
                + metadata.path("name").asText("");
    }

    /** fabric8 objects (core kinds, Istio kinds, generic resources) as trees. */
    public static List<ObjectNode> fromResources(List<? extends HasMetadata> resources) {
        return resources.stream().map(ObjectDiff::fromResource).toList();
    }

    /** One fabric8 object as a tree. */
    public static ObjectNode fromResource(HasMetadata resource) {
        return FABRIC8.convertValue(resource, ObjectNode.class);
    }

    /**
     * Rendered chart objects as trees, parsed from their YAML.
     *
     * @throws IllegalArgumentException naming the object when its YAML is not a mapping
     */
    public static List<ObjectNode> fromRendered(List<RenderedObject> objects) {
        List<ObjectNode> trees = new ArrayList<>(objects.size());
        for (RenderedObject object : objects) {
            try {
                if (YAML.readTree(object.yaml()) instanceof ObjectNode tree) {
                    trees.add(tree);
                    continue;
                }
            } catch (JsonProcessingException e) {
                // reported below without the text, which may hold a Secret's values
            }
            throw new IllegalArgumentException("Cannot read the YAML of " + object.id());
        }
        return trees;
    }

    /**
     * The objects of a YAML text with any number of {@code ---} separated documents; empty documents and
     * documents that are not mappings are skipped.
     *
     * @throws IllegalArgumentException when the text is not YAML (the message does not quote it)
     */
    public static List<ObjectNode> fromYaml(String yaml) {
        List<ObjectNode> trees = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNextValue()) {
                if (documents.nextValue() instanceof ObjectNode tree) {
                    trees.add(tree);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not valid YAML at " + location(e));
        }
        return trees;
    }

    private static String location(Exception e) {
        return e instanceof JsonProcessingException json && json.getLocation() != null
                ? "line " + json.getLocation().getLineNr()
                : "an unknown line";
    }

    private static Map<String, ObjectNode> index(List<? extends JsonNode> objects, ObjectNormalizer normalizer) {
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        for (JsonNode object : objects) {
            byKey.put(key(object), normalizer.normalize(object));
        }
        return byKey;
    }

    private static ObjectChange change(ObjectNode before, ObjectNode after) {
        ObjectNode identity = after != null ? after : before;
        JsonNode metadata = identity.path("metadata");
        ObjectChange.Type type = before == null ? ObjectChange.Type.ADDED
                : after == null ? ObjectChange.Type.REMOVED
                : before.equals(after) ? ObjectChange.Type.UNCHANGED
                : ObjectChange.Type.CHANGED;
        ObjectNode shownBefore = before;
        ObjectNode shownAfter = after;
        if (ObjectNormalizer.isSecret(identity)) {
            shownBefore = before == null ? null : SecretValues.redacted(before, null);
            shownAfter = after == null ? null : SecretValues.redacted(after, before);
        }
        String beforeYaml = yaml(shownBefore);
        String afterYaml = yaml(shownAfter);
        List<DiffLine> lines = type == ObjectChange.Type.UNCHANGED
                ? List.of()
                : LineDiff.unified(beforeYaml, afterYaml);
        return new ObjectChange(identity.path("apiVersion").asText(""), identity.path("kind").asText(""),
                metadata.path("namespace").asText(""), metadata.path("name").asText(""), type, beforeYaml,
                afterYaml, lines);
    }

    private static String yaml(ObjectNode object) {
        if (object == null) {
            return "";
        }
        try {
            return YAML.writeValueAsString(object).stripTrailing();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed object could not be written back as YAML", e);
        }
    }
}
