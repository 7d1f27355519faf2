package dev.meshwizard.plan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes values as block YAML the way people write Helm values: two-space indents (or the document's own),
 * plain scalars where they read back as the same string, double quotes otherwise ({@code "15021"},
 * {@code "true"}, {@code ""}).
 */
final class YamlWriter {

    /** How a document indents: the step of nested mappings, the offset of lists under a key, its line break. */
    record Layout(int step, int sequenceOffset, String newline) {

        static final Layout DEFAULT = new Layout(2, 2, "\n");

        /** The layout the document already uses, defaults where it does not show. */
        static Layout of(YamlTree tree) {
            int[] step = {-1};
            int[] offset = {-1};
            tree.walk((path, key, value) -> {
                if (YamlTree.isFlow(value)) {
                    return;
                }
                int keyColumn = tree.columnOf(tree.start(key));
                if (step[0] < 0 && value instanceof MappingNode mapping && !mapping.getValue().isEmpty()) {
                    int childColumn = tree.columnOf(tree.start(mapping.getValue().get(0).getKeyNode()));
                    if (childColumn > keyColumn && tree.firstOnLine(tree.start(mapping))) {
                        step[0] = childColumn - keyColumn;
                    }
                }
                if (offset[0] < 0 && value instanceof SequenceNode sequence && !sequence.getValue().isEmpty()) {
                    int dashColumn = tree.columnOf(tree.start(sequence));
                    if (dashColumn >= keyColumn) {
                        offset[0] = dashColumn - keyColumn;
                    }
                }
            });
            String newline = tree.text().contains("\r\n") ? "\r\n" : "\n";
            int s = step[0] > 0 ? step[0] : DEFAULT.step;
            return new Layout(s, offset[0] >= 0 ? offset[0] : Math.min(s, DEFAULT.sequenceOffset), newline);
        }
    }

    private static final Resolver RESOLVER = new Resolver();
    private static final Pattern NUMBER_LIKE = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0o[0-7]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+");
    private static final Pattern GO_YAML_BOOLEAN = Pattern.compile("[yYnN]|yes|no|on|off|Yes|No|On|Off|YES|NO|ON|OFF");
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private YamlWriter() {
    }

    /** Whether the value fits after {@code key: } on one line. */
    static boolean isInline(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty();
        }
        if (value instanceof Collection<?> list) {
            return list.isEmpty();
        }
        return true;
    }

    /** One value on one line: a scalar, {@code {}} or {@code []}. */
    static String inline(Object value) {
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof Collection<?>) {
            return "[]";
        }
        return scalar(value);
    }

    static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof BigInteger || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return ".nan";
            }
            return Double.isInfinite(d) ? (d > 0 ? ".inf" : "-.inf") : value.toString();
        }
        return string(value.toString());
    }

    /** A string that reads back as the same string: plain when safe, else double-quoted. */
    static String string(String s) {
        return plainIsSafe(s) ? s : quoted(s);
    }

    private static boolean plainIsSafe(String s) {
        if (s.isEmpty() || !s.strip().equals(s) || INDICATORS.indexOf(s.charAt(0)) >= 0) {
            return false;
        }
        if (s.contains(": ") || s.contains(" #") || s.endsWith(":")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                return false;
            }
        }
        if (NUMBER_LIKE.matcher(s).matches() || GO_YAML_BOOLEAN.matcher(s).matches()) {
            return false;
        }
        return Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, s, true));
    }

    static String quoted(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < ' ' || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The lines of {@code key: value} at an indent, without a final line break. */
    static List<String> entry(Object key, Object value, int indent, Layout layout) {
        List<String> lines = new ArrayList<>();
        String head = " ".repeat(indent) + string(String.valueOf(key)) + ":";
        if (isInline(value)) {
            lines.add(head + " " + inline(value));
        } else {
            lines.add(head);
            int childIndent = indent + (value instanceof Map<?, ?> ? layout.step() : layout.sequenceOffset());
            lines.addAll(block(value, childIndent, layout));
        }
        return lines;
    }

    /** The lines of a non-empty mapping or list whose first item starts at {@code indent}. */
    static List<String> block(Object value, int indent, Layout layout) {
        List<String> lines = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                lines.addAll(entry(e.getKey(), e.getValue(), indent, layout));
            }
            return lines;
        }
        String pad = " ".repeat(indent);
        for (Object item : (Collection<?>) value) {
            if (isInline(item)) {
                lines.add(pad + "- " + inline(item));
                continue;
            }
            List<String> itemLines = block(item, indent + 2, layout);
            itemLines.set(0, pad + "- " + itemLines.get(0).substring(indent + 2));
            lines.addAll(itemLines);
        }
        return lines;
    }

    /**
     * A value that starts at column {@code column} on a line that already holds text before it (a list item's
     * {@code "- "}): its first line without indent, the others indented to the column.
     */
    static String atColumn(Object value, int column, Layout layout) {
        if (isInline(value)) {
            return inline(value);
        }
        List<String> lines = block(value, column, layout);
        lines.set(0, lines.get(0).substring(column));
        return String.join(layout.newline(), lines);
    }
}
