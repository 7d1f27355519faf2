package dev.meshwizard.samples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.meshwizard.mesh.YamlLocator;
import dev.meshwizard.plan.ValuesPath;
import dev.meshwizard.render.ManifestDocument;
import dev.meshwizard.render.ManifestParser;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a multi-document YAML manifest, such as an Istio release folder's
 * {@code samples/bookinfo/platform/kube/bookinfo.yaml}, into fabric8 objects: core kinds as their model types,
 * Istio kinds as istio-client types, other kinds as generic resources. Documents are split as rendered manifests
 * are (see {@link ManifestParser}); each one must be a YAML mapping with {@code apiVersion}, {@code kind} and
 * {@code metadata.name}. A {@code kind: List} document gives its items.
 */
public final class ManifestFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private ManifestFile() {
    }

    /**
     * Reads a file's objects, in the file's order.
     *
     * @throws ManifestException naming the file and line when the file cannot be read, a document is not YAML,
     *                           or lacks its kind, apiVersion or name
     */
    public static List<HasMetadata> load(Path file) throws ManifestException {
        return objects(loadDocuments(file));
    }

    /** {@link #load}, keeping each object's line and YAML text. */
    public static List<ManifestObject> loadDocuments(Path file) throws ManifestException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            String why = Files.exists(file) ? "cannot read the file (" + e.getMessage() + ")" : "no such file";
            throw new ManifestException(file.toString(), why, e);
        }
        return parseDocuments(text, file.toString());
    }

    /**
     * Reads the objects of a YAML text.
     *
     * @param sourceName what to call the text in errors, e.g. its file name
     * @throws ManifestException naming the source and line of the first document that cannot be read
     */
    public static List<HasMetadata> parse(String text, String sourceName) throws ManifestException {
        return objects(parseDocuments(text, sourceName));
    }

    /** {@link #parse}, keeping each object's line and YAML text. */
    public static List<ManifestObject> parseDocuments(String text, String sourceName) throws ManifestException {
        List<ManifestObject> objects = new ArrayList<>();
        for (ManifestDocument document : ManifestParser.documents(text)) {
            String yaml = document.object().yaml();
            KubernetesResource resource = read(yaml, sourceName, document.line());
            if (resource instanceof KubernetesList list) {
                for (HasMetadata item : list.getItems()) {
                    objects.add(new ManifestObject(item, sourceName, document.line(), ""));
                }
            } else if (resource instanceof HasMetadata object) {
                objects.add(new ManifestObject(object, sourceName, document.line(), yaml));
            } else {
                throw new ManifestException(sourceName, document.line(), "the document is not a Kubernetes object");
            }
        }
        return objects;
    }

    private static List<HasMetadata> objects(List<ManifestObject> documents) {
        return documents.stream().map(ManifestObject::object).toList();
    }

    private static KubernetesResource read(String yaml, String source, int firstLine) throws ManifestException {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ManifestException(source, line > 0 ? firstLine + line - 1 : firstLine,
                    "YAML syntax error: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new ManifestException(source, firstLine, "the document is not a mapping of fields");
        }
        requireText(tree.path("apiVersion"), "apiVersion", source, firstLine, yaml);
        requireText(tree.path("kind"), "kind", source, firstLine, yaml);
        if (!"List".equals(tree.path("kind").asText())) {
            requireText(tree.path("metadata").path("name"), "metadata.name", source, firstLine, yaml);
        }
        try {
            return SERIALIZATION.convertValue(tree, KubernetesResource.class);
        } catch (IllegalArgumentException e) {
            String path = e.getCause() instanceof JsonMappingException mapping ? pathOf(mapping) : "";
            String problem = e.getCause() instanceof JsonMappingException mapping
                    ? mapping.getOriginalMessage() : e.getMessage();
            int line = path.isEmpty() ? firstLine : firstLine + YamlLocator.line(yaml, path) - 1;
            throw new ManifestException(source, line, (path.isEmpty() ? "" : path + ": ") + problem);
        }
    }

    private static void requireText(JsonNode node, String field, String source, int firstLine, String yaml)
            throws ManifestException {
        if (!node.isTextual() || node.asText().isBlank()) {
            String parent = field.contains(".") ? field.substring(0, field.lastIndexOf('.')) : "";
            int line = parent.isEmpty() ? firstLine : firstLine + YamlLocator.line(yaml, parent) - 1;
            throw new ManifestException(source, line, "the document has no " + field);
        }
    }

    private static String pathOf(JsonMappingException e) {
        List<Object> segments = new ArrayList<>();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                segments.add(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                segments.add(reference.getIndex());
            }
        }
        return new ValuesPath(segments).toString();
    }
}
