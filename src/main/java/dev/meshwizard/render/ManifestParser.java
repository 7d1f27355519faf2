package dev.meshwizard.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code helm template} output into objects. The identifying fields are read with a line scan, which is
 * enough for what Helm prints (block style, metadata fields one indent in) and much cheaper than a YAML parse; a
 * document the scan cannot read falls back to a full parse.
 */
final class ManifestParser {

    private static final String SOURCE_PREFIX = "# Source: ";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ManifestParser() {
    }

    static List<RenderedObject> parse(String output) {
        List<RenderedObject> objects = new ArrayList<>();
        String source = "";
        StringBuilder doc = new StringBuilder();
        int start = 0;
        int length = output.length();
        while (start <= length) {
            int end = output.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            String line = output.substring(start, end);
            if (line.equals("---") || line.startsWith("--- ")) {
                add(objects, source, doc);
                source = "";
                doc.setLength(0);
            } else if (doc.length() == 0 && line.startsWith(SOURCE_PREFIX)) {
                source = line.substring(SOURCE_PREFIX.length()).trim();
            } else {
                doc.append(line).append('\n');
            }
            start = end + 1;
        }
        add(objects, source, doc);
        return objects;
    }

    private static void add(List<RenderedObject> objects, String source, StringBuilder doc) {
        String yaml = trimTrailingNewlines(doc);
        if (!hasContent(yaml)) {
            return;
        }
        String apiVersion = "";
        String kind = "";
        String name = "";
        String namespace = "";
        boolean inMetadata = false;
        int metadataIndent = -1;
        for (String line : yaml.split("\n")) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                inMetadata = line.startsWith("metadata:") && line.substring("metadata:".length()).isBlank();
                if (line.startsWith("apiVersion:")) {
                    apiVersion = scalar(line, "apiVersion:".length());
                } else if (line.startsWith("kind:")) {
                    kind = scalar(line, "kind:".length());
                }
                continue;
            }
            if (inMetadata) {
                int indent = line.length() - line.stripLeading().length();
                if (metadataIndent < 0) {
                    metadataIndent = indent;
                }
                if (indent == metadataIndent) {
                    String field = line.substring(indent);
                    if (field.startsWith("name:")) {
                        name = scalar(field, "name:".length());
                    } else if (field.startsWith("namespace:")) {
                        namespace = scalar(field, "namespace:".length());
                    }
                }
            }
        }
        if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty()) {
            RenderedObject parsed = fullParse(source, yaml);
            if (parsed != null) {
                objects.add(parsed);
                return;
            }
        }
        objects.add(new RenderedObject(apiVersion, kind, name, namespace, source, yaml));
    }

    private static RenderedObject fullParse(String source, String yaml) {
        try {
            JsonNode root = YAML.readTree(yaml);
            if (root == null || !root.isObject()) {
                return null;
            }
            JsonNode metadata = root.path("metadata");
            return new RenderedObject(root.path("apiVersion").asText(""), root.path("kind").asText(""),
                    metadata.path("name").asText(""), metadata.path("namespace").asText(""), source, yaml);
        } catch (IOException e) {
            return null;
        }
    }

    private static String scalar(String line, int from) {
        String value = line.substring(from).trim();
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        int comment = value.indexOf(" #");
        return comment >= 0 ? value.substring(0, comment).trim() : value;
    }

    private static boolean hasContent(String yaml) {
        for (String line : yaml.split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                return true;
            }
        }
        return false;
    }

    private static String trimTrailingNewlines(StringBuilder doc) {
        int end = doc.length();
        while (end > 0 && (doc.charAt(end - 1) == '\n' || doc.charAt(end - 1) == '\r')) {
            end--;
        }
        return doc.substring(0, end);
    }
}
