package dev.meshwizard.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code helm template} output, or any multi-document manifest file, into objects. The identifying fields
 * are read with one pass over the lines, which is enough for what Helm prints (block style, metadata fields one
 * indent in) and much cheaper than a YAML parse; a document the pass cannot read falls back to a full parse.
 */
public final class ManifestParser {

    private static final String SOURCE_PREFIX = "# Source: ";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ManifestParser() {
    }

    static List<RenderedObject> parse(String output) {
        return documents(output).stream().map(ManifestDocument::object).toList();
    }

    /**
     * The documents of a multi-document YAML text that hold content (empty and comment-only documents are
     * dropped), each with the line it starts on. Fields the text does not have are "" in the object; the text is
     * not checked for YAML syntax beyond what finding those fields needs.
     */
    public static List<ManifestDocument> documents(String output) {
        List<ManifestDocument> objects = new ArrayList<>();
        Document doc = new Document(output);
        int length = output.length();
        int start = 0;
        int lineNumber = 1;
        while (start < length) {
            int end = output.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            if (doc.isSeparator(start, end)) {
                doc.finish(objects);
            } else {
                doc.line(start, end, lineNumber);
            }
            start = end + 1;
            lineNumber++;
        }
        doc.finish(objects);
        return objects;
    }

    /** The document being read: where its text starts and ends, and what was found in it so far. */
    private static final class Document {
        private final String text;
        private String source = "";
        private int from = -1;
        private int to = -1;
        private int fromLine;
        private String apiVersion = "";
        private String kind = "";
        private String name = "";
        private String namespace = "";
        private boolean content;
        private boolean inMetadata;
        private int metadataIndent = -1;

        Document(String text) {
            this.text = text;
        }

        void line(int start, int end, int lineNumber) {
            int indent = start;
            while (indent < end && text.charAt(indent) == ' ') {
                indent++;
            }
            boolean blank = indent == end || text.charAt(indent) == '\r';
            boolean comment = !blank && text.charAt(indent) == '#';
            if (from < 0) {
                if (blank) {
                    return;
                }
                if (comment && text.startsWith(SOURCE_PREFIX, start)) {
                    source = text.substring(start + SOURCE_PREFIX.length(), end).trim();
                    return;
                }
                from = start;
                fromLine = lineNumber;
            }
            to = end;
            if (blank || comment) {
                return;
            }
            content = true;
            if (indent == start) {
                inMetadata = text.startsWith("metadata:", start) && text.substring(start + 9, end).isBlank();
                if (text.startsWith("apiVersion:", start)) {
                    apiVersion = scalar(start + 11, end);
                } else if (text.startsWith("kind:", start)) {
                    kind = scalar(start + 5, end);
                }
            } else if (inMetadata) {
                if (metadataIndent < 0) {
                    metadataIndent = indent - start;
                }
                if (indent - start == metadataIndent) {
                    if (text.startsWith("name:", indent)) {
                        name = scalar(indent + 5, end);
                    } else if (text.startsWith("namespace:", indent)) {
                        namespace = scalar(indent + 10, end);
                    }
                }
            }
        }

        boolean isSeparator(int start, int end) {
            return end - start >= 3 && text.startsWith("---", start)
                    && (end - start == 3 || text.charAt(start + 3) == ' ');
        }

        void finish(List<ManifestDocument> objects) {
            if (content) {
                String yaml = text.substring(from, to).stripTrailing();
                objects.add(new ManifestDocument(fromLine, apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty()
                        ? fullParse(yaml)
                        : new RenderedObject(apiVersion, kind, name, namespace, source, yaml)));
            }
            source = "";
            from = -1;
            to = -1;
            apiVersion = "";
            kind = "";
            name = "";
            namespace = "";
            content = false;
            inMetadata = false;
            metadataIndent = -1;
        }

        private RenderedObject fullParse(String yaml) {
            try {
                JsonNode root = YAML.readTree(yaml);
                if (root != null && root.isObject()) {
                    JsonNode metadata = root.path("metadata");
                    return new RenderedObject(root.path("apiVersion").asText(""), root.path("kind").asText(""),
                            metadata.path("name").asText(""), metadata.path("namespace").asText(""), source, yaml);
                }
            } catch (IOException e) {
                // kept with what the line pass found
            }
            return new RenderedObject(apiVersion, kind, name, namespace, source, yaml);
        }

        private String scalar(int begin, int end) {
            String value = text.substring(begin, end).trim();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                return value.substring(1, value.length() - 1);
            }
            int comment = value.indexOf(" #");
            return comment >= 0 ? value.substring(0, comment).trim() : value;
        }
    }
}
