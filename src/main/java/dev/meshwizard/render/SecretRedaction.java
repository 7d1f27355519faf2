package dev.meshwizard.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the values under a Secret's top-level {@code data} and {@code stringData} with
 * {@value RenderedObject#REDACTED}, keeping the keys and every other line as Helm wrote them. The result is
 * checked with a YAML parse; YAML the line rewrite cannot handle (flow style, for one) is rewritten as a whole.
 */
final class SecretRedaction {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> FIELDS = List.of("data", "stringData");
    private static final Pattern SECRET_FIELD = Pattern.compile("^(data|stringData)\\s*:(.*)$");
    private static final Pattern ENTRY = Pattern.compile(
            "^(\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'|[^\\s#'\"][^:]*?)\\s*:(?:\\s.*)?$");

    private SecretRedaction() {
    }

    static String redact(String yaml) {
        String byLines = redactLines(yaml);
        if (isRedacted(byLines)) {
            return byLines;
        }
        try {
            JsonNode root = YAML.readTree(yaml);
            if (root instanceof ObjectNode object) {
                for (String field : FIELDS) {
                    JsonNode values = object.get(field);
                    if (values instanceof ObjectNode map) {
                        List<String> keys = new ArrayList<>();
                        map.fieldNames().forEachRemaining(keys::add);
                        keys.forEach(key -> map.put(key, RenderedObject.REDACTED));
                    } else if (values != null && !values.isNull()) {
                        object.put(field, RenderedObject.REDACTED);
                    }
                }
                String rewritten = YAML.writeValueAsString(object).strip();
                return rewritten.startsWith("---") ? rewritten.substring(3).strip() : rewritten;
            }
        } catch (IOException e) {
            // falls through: nothing of it is shown
        }
        return "# " + RenderedObject.REDACTED + ": this Secret's YAML could not be read, so none of it is shown";
    }

    private static boolean isRedacted(String yaml) {
        try {
            JsonNode root = YAML.readTree(yaml);
            if (root == null || !root.isObject()) {
                return false;
            }
            for (String field : FIELDS) {
                JsonNode values = root.get(field);
                if (values == null || values.isNull() || values.isObject() && values.isEmpty()) {
                    continue;
                }
                if (values.isObject()) {
                    for (JsonNode value : values) {
                        if (!RenderedObject.REDACTED.equals(value.asText(null))) {
                            return false;
                        }
                    }
                } else if (!RenderedObject.REDACTED.equals(values.asText(null))) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String redactLines(String yaml) {
        String[] lines = yaml.split("\n", -1);
        List<String> out = new ArrayList<>(lines.length);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            Matcher field = SECRET_FIELD.matcher(line);
            i++;
            if (!field.matches()) {
                out.add(line);
                continue;
            }
            String inline = stripComment(field.group(2)).trim();
            int blockEnd = i;
            while (blockEnd < lines.length && isInsideBlock(lines[blockEnd])) {
                blockEnd++;
            }
            if (!inline.isEmpty()) {
                out.add(inline.equals("{}") ? line : field.group(1) + ": " + RenderedObject.REDACTED);
            } else {
                out.add(line);
                redactEntries(lines, i, blockEnd, out);
            }
            i = blockEnd;
        }
        return String.join("\n", out);
    }

    private static void redactEntries(String[] lines, int from, int to, List<String> out) {
        int entryIndent = -1;
        for (int j = from; j < to; j++) {
            String line = lines[j];
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            if (entryIndent < 0) {
                entryIndent = indent;
            }
            if (indent == entryIndent) {
                Matcher entry = ENTRY.matcher(line);
                out.add(entry.matches()
                        ? entry.group(1) + entry.group(2) + ": " + RenderedObject.REDACTED
                        : " ".repeat(indent) + RenderedObject.REDACTED);
            }
        }
    }

    private static boolean isInsideBlock(String line) {
        return line.isEmpty() || Character.isWhitespace(line.charAt(0));
    }

    private static String stripComment(String value) {
        int hash = value.indexOf(" #");
        return hash >= 0 && value.indexOf('"') < 0 && value.indexOf('\'') < 0 ? value.substring(0, hash) : value;
    }
}
