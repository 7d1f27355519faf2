package dev.meshwizard.cluster.connect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One kubeconfig file as read from disk: its named contexts, clusters and users, each with the line its entry
 * starts on, so that problems can point at the right place.
 *
 * @param path           the file
 * @param currentContext its {@code current-context} ("" when unset)
 * @param contexts       the {@code contexts} entries, in file order
 * @param clusters       the {@code clusters} entries, in file order
 * @param users          the {@code users} entries, in file order
 */
record KubeconfigFile(Path path, String currentContext, List<Entry> contexts, List<Entry> clusters,
                      List<Entry> users) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    KubeconfigFile {
        contexts = List.copyOf(contexts);
        clusters = List.copyOf(clusters);
        users = List.copyOf(users);
    }

    /**
     * A named entry of a kubeconfig list.
     *
     * @param name   the entry's {@code name}
     * @param body   the inner object ({@code context}, {@code cluster} or {@code user}); empty when absent. Never
     *               modify it: copy it first.
     * @param source the file that defined the entry
     * @param line   1-based line the entry starts on
     */
    record Entry(String name, ObjectNode body, Path source, int line) {
    }

    /** Reads and checks the shape of one kubeconfig file. */
    static KubeconfigFile read(Path file) throws KubeconfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new KubeconfigException(file, 0, "the file does not exist", e);
        } catch (AccessDeniedException e) {
            throw new KubeconfigException(file, 0, "the file cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new KubeconfigException(file, 0, "the file cannot be read: " + e.getMessage(), e);
        }
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            return new Reader(file, parser).read();
        } catch (JsonProcessingException e) {
            throw malformed(file, e);
        } catch (IOException e) {
            throw new KubeconfigException(file, 0, "the file cannot be read: " + e.getMessage(), e);
        }
    }

    private static KubeconfigException malformed(Path file, JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked) {
                Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
                int line = mark == null ? 0 : mark.getLine() + 1;
                String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
                return new KubeconfigException(file, line, "not valid YAML: " + marked.getProblem() + context, e);
            }
        }
        int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
        return new KubeconfigException(file, line, "not valid YAML: " + e.getOriginalMessage(), e);
    }

    /** Walks the token stream once, keeping the line of every list entry. */
    private static final class Reader {

        private final Path file;
        private final JsonParser parser;
        private String currentContext = "";
        private final List<Entry> contexts = new ArrayList<>();
        private final List<Entry> clusters = new ArrayList<>();
        private final List<Entry> users = new ArrayList<>();

        Reader(Path file, JsonParser parser) {
            this.file = file;
            this.parser = parser;
        }

        KubeconfigFile read() throws IOException, KubeconfigException {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new KubeconfigException(file, 0, "the file is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new KubeconfigException(file, line(),
                        "not a kubeconfig: expected a mapping with clusters, contexts and users");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "contexts" -> readEntries(field, "context", contexts);
                    case "clusters" -> readEntries(field, "cluster", clusters);
                    case "users" -> readEntries(field, "user", users);
                    case "current-context" -> currentContext = value.isScalarValue() && value != JsonToken.VALUE_NULL
                            ? parser.getValueAsString("") : "";
                    default -> parser.skipChildren();
                }
            }
            return new KubeconfigFile(file, currentContext, contexts, clusters, users);
        }

        private void readEntries(String field, String bodyKey, List<Entry> into)
                throws IOException, KubeconfigException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return;
            }
            if (token != JsonToken.START_ARRAY) {
                throw new KubeconfigException(file, line(), "'" + field + "' must be a list");
            }
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                int line = line();
                if (token != JsonToken.START_OBJECT) {
                    throw new KubeconfigException(file, line, "an entry of '" + field + "' must be a mapping");
                }
                JsonNode entry = YAML.readTree(parser);
                String name = entry.path("name").asText("");
                if (name.isBlank()) {
                    throw new KubeconfigException(file, line, "an entry of '" + field + "' has no name");
                }
                JsonNode body = entry.get(bodyKey);
                ObjectNode object = body instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
                into.add(new Entry(name, object, file, line));
            }
        }

        private int line() {
            return parser.currentTokenLocation().getLineNr();
        }
    }
}
