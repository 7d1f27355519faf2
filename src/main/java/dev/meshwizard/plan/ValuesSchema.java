package dev.meshwizard.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A chart's {@code values.schema.json}, checked against a values file before Helm sees it, so that an unknown key
 * or a value of the wrong type is reported at its line and column with its key path. Helm validates the same
 * schema when it renders, which stays the backstop for what this check does not see ({@code --set} items, keys the
 * chart's defaults must supply).
 *
 * <p>Like Helm, a key set to null counts as not set (Helm's merge drops it). A {@code required} rule is left to
 * Helm: the chart's own defaults may supply what the file does not.
 */
public final class ValuesSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchema schema;

    private ValuesSchema(JsonSchema schema) {
        this.schema = schema;
    }

    /**
     * Compiles a schema text. A {@code $schema} this library does not know (the Istio charts say
     * {@code http://json-schema.org/schema#}) is read as draft 2020-12.
     *
     * @throws IllegalArgumentException when the text is not a JSON schema
     */
    public static ValuesSchema parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("values.schema.json is not JSON: " + e.getMessage(), e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("values.schema.json is not a JSON object");
        }
        Optional<SpecVersion.VersionFlag> version;
        try {
            version = SpecVersionDetector.detectOptionalVersion(object, false);
        } catch (RuntimeException e) {
            version = Optional.empty();
        }
        if (version.isEmpty()) {
            object = object.deepCopy();
            object.remove("$schema");
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(version.orElse(SpecVersion.VersionFlag.V202012));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
        try {
            return new ValuesSchema(factory.getSchema(object, config));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("values.schema.json cannot be used: " + e.getMessage(), e);
        }
    }

    /** The schema's complaints about a values text that parses, each at its key; none for an empty file. */
    public List<ValuesProblem> check(String text) {
        YamlTree tree = YamlTree.parse(text == null ? "" : text);
        return check(tree);
    }

    List<ValuesProblem> check(YamlTree tree) {
        if (tree.rootMapping() == null) {
            return List.of();
        }
        JsonNode values = JSON.valueToTree(withoutNulls(YamlTree.construct(tree.root())));
        Set<ValidationMessage> messages = schema.validate(values);
        List<ValuesProblem> problems = new ArrayList<>();
        for (ValidationMessage message : messages) {
            if ("required".equals(message.getType())) {
                continue;
            }
            ValuesPath path = pathOf(message.getInstanceLocation());
            if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
                path = path.child(message.getProperty());
            }
            Node mark = tree.markOf(path);
            int line = mark == null ? 0 : tree.line(mark);
            int column = mark == null ? 0 : tree.column(mark);
            problems.add(new ValuesProblem(ValuesProblem.Severity.ERROR, line, column, path.toString(),
                    describe(message, path), fix(message, path)));
        }
        problems.sort(Comparator.comparingInt(ValuesProblem::line).thenComparingInt(ValuesProblem::column));
        return List.copyOf(problems);
    }

    private static ValuesPath pathOf(JsonNodePath location) {
        List<Object> segments = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            segments.add(element instanceof Integer index ? index : String.valueOf(element));
        }
        return new ValuesPath(segments);
    }

    private static String describe(ValidationMessage message, ValuesPath path) {
        String where = path.isEmpty() ? "the values" : path.toString();
        return switch (message.getType()) {
            case "additionalProperties" -> where + " is not a value the chart's values.schema.json allows";
            default -> where + ": " + withoutLocation(message) + " (values.schema.json)";
        };
    }

    private static String fix(ValidationMessage message, ValuesPath path) {
        if ("additionalProperties".equals(message.getType())) {
            return "Check the spelling and the indentation of " + path.last() + ", or remove it.";
        }
        return "";
    }

    /** networknt puts the instance location before its message ("/replicaCount: string found, …"). */
    private static String withoutLocation(ValidationMessage message) {
        String text = message.getMessage();
        String location = String.valueOf(message.getInstanceLocation()) + ": ";
        return text.startsWith(location) ? text.substring(location.length()) : text;
    }

    private static Object withoutNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> kept = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                if (item != null) {
                    kept.put(String.valueOf(key), withoutNulls(item));
                }
            });
            return kept;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ValuesSchema::withoutNulls).toList();
        }
        return value;
    }
}
