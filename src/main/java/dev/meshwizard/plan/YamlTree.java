package dev.meshwizard.plan;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A YAML text with its SnakeYAML node tree, and positions in the text as Java string indexes (SnakeYAML counts
 * code points). Knows where a node's content ends, which the node's own end mark does not say for block
 * collections (it lies past trailing comments) or block scalars (past trailing blank lines).
 */
final class YamlTree {

    /** Sees each mapping entry with a scalar key, outermost first. */
    interface EntryVisitor {
        void visit(ValuesPath path, ScalarNode key, Node value);
    }

    private final String text;
    private final Node root;
    private final int[] charIndex;

    private YamlTree(String text, Node root, int[] charIndex) {
        this.text = text;
        this.root = root;
        this.charIndex = charIndex;
    }

    /** Composes the text; a syntax error becomes a {@link ValuesException} with line and column. */
    static YamlTree parse(String text) {
        java.util.Optional<String> tooLarge = YamlText.sizeProblem(text);
        if (tooLarge.isPresent()) {
            throw new ValuesException("The values text is " + tooLarge.get(), 0, 0, "");
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(YamlText.MAX_CHARACTERS + 1);
        options.setAllowDuplicateKeys(true);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options);
        Node root;
        try {
            root = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            int line = mark == null ? 0 : mark.getLine() + 1;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            throw new ValuesException("YAML syntax error at line " + line + ", column " + column + ": " + problem,
                    line, column, "");
        } catch (YAMLException e) {
            throw new ValuesException("YAML syntax error: " + e.getMessage(), 0, 0, "");
        }
        return new YamlTree(text, root, charIndexes(text));
    }

    private static int[] charIndexes(String text) {
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints == text.length()) {
            return null;
        }
        int[] index = new int[codePoints + 1];
        int at = 0;
        for (int cp = 0; cp < codePoints; cp++) {
            index[cp] = at;
            at += Character.charCount(text.codePointAt(at));
        }
        index[codePoints] = at;
        return index;
    }

    String text() {
        return text;
    }

    /** The document's top node, or null for a text with no content (only comments or nothing). */
    Node root() {
        return root;
    }

    /** The top mapping, or null when the document holds no mapping (empty, comments only, or null). */
    MappingNode rootMapping() {
        if (root == null || isNull(root)) {
            return null;
        }
        if (root instanceof MappingNode mapping) {
            return mapping;
        }
        throw new ValuesException("values must be a mapping of keys, not " + kind(root) + " (line "
                + line(root) + ")", line(root), column(root), "");
    }

    static String kind(Node node) {
        return node instanceof SequenceNode ? "a list" : node instanceof MappingNode ? "a mapping" : "a plain value";
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    static boolean isFlow(Node node) {
        return node instanceof CollectionNode<?> collection
                && collection.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
    }

    static boolean isBlockScalar(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            return false;
        }
        DumperOptions.ScalarStyle style = scalar.getScalarStyle();
        return style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED;
    }

    /** The key's text when it is a scalar, else null. */
    static String keyName(Node key) {
        return key instanceof ScalarNode scalar && !Tag.MERGE.equals(key.getTag()) ? scalar.getValue() : null;
    }

    static Optional<NodeTuple> entry(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (key.equals(keyName(tuple.getKeyNode()))) {
                return Optional.of(tuple);
            }
        }
        return Optional.empty();
    }

    private int charAt(Mark mark) {
        int index = mark.getIndex();
        return charIndex == null ? index : charIndex[Math.min(index, charIndex.length - 1)];
    }

    int start(Node node) {
        return charAt(node.getStartMark());
    }

    int end(Node node) {
        return charAt(node.getEndMark());
    }

    /** 1-based line of the node's start. */
    int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** 1-based column (in characters) of the node's start. */
    int column(Node node) {
        return columnOf(start(node)) + 1;
    }

    /** 0-based column (in characters) of a position. */
    int columnOf(int position) {
        return position - lineStart(position);
    }

    /** Where the node's own text ends: its last character that is not a comment or trailing blank. */
    int contentEnd(Node node) {
        if (node instanceof CollectionNode<?> && !isFlow(node)) {
            List<Node> children = children(node);
            return children.isEmpty() ? end(node) : contentEnd(children.get(children.size() - 1));
        }
        int end = end(node);
        if (isBlockScalar(node)) {
            while (end > start(node) && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
        }
        return end;
    }

    private static List<Node> children(Node node) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        List<Node> children = new ArrayList<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            children.add(tuple.getKeyNode());
            children.add(tuple.getValueNode());
        }
        return children;
    }

    /** Position just after the {@code :} that follows a mapping key. */
    int colonEnd(Node key) {
        int at = end(key);
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
        if (at >= text.length() || text.charAt(at) != ':') {
            throw new ValuesException("cannot edit the entry at line " + line(key) + ": its key is not followed by"
                    + " ':' on the same line", line(key), column(key), "");
        }
        return at + 1;
    }

    int lineStart(int position) {
        return text.lastIndexOf('\n', position - 1) + 1;
    }

    /** Position of the line break ending the line that holds {@code position} (text length on the last line). */
    int lineEnd(int position) {
        int newline = text.indexOf('\n', position);
        if (newline < 0) {
            return text.length();
        }
        return newline > 0 && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
    }

    /** Position after the line break that ends the line holding {@code position}. */
    int nextLineStart(int position) {
        int newline = text.indexOf('\n', position);
        return newline < 0 ? text.length() : newline + 1;
    }

    /** Whether only spaces come before {@code position} on its line. */
    boolean firstOnLine(int position) {
        return text.substring(lineStart(position), position).isBlank();
    }

    /** The node at a path, when every step exists. */
    Optional<Node> find(ValuesPath path) {
        Node node = root;
        for (Object segment : path.segments()) {
            if (segment instanceof String key && node instanceof MappingNode mapping) {
                node = entry(mapping, key).map(NodeTuple::getValueNode).orElse(null);
            } else if (segment instanceof Integer index && node instanceof SequenceNode sequence) {
                node = index >= 0 && index < sequence.getValue().size() ? sequence.getValue().get(index) : null;
            } else {
                node = null;
            }
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(node);
    }

    /** The 1-based line of the key (or list item) at a path, 0 when the path is missing. */
    int lineOf(ValuesPath path) {
        if (path.isEmpty() || find(path).isEmpty()) {
            return 0;
        }
        if (path.last() instanceof String key && find(path.parent()).orElse(null) instanceof MappingNode mapping) {
            return entry(mapping, key).map(t -> line(t.getKeyNode())).orElse(0);
        }
        return find(path).map(this::line).orElse(0);
    }

    /**
     * The node that marks a path in the text: the key of a mapping entry, the item of a list; for a path that is
     * not all there, the deepest part that is. Null for an empty document.
     */
    Node markOf(ValuesPath path) {
        ValuesPath at = path;
        while (!at.isEmpty() && find(at).isEmpty()) {
            at = at.parent();
        }
        if (at.isEmpty()) {
            return root;
        }
        if (at.last() instanceof String key && find(at.parent()).orElse(null) instanceof MappingNode mapping) {
            return entry(mapping, key).map(NodeTuple::getKeyNode).orElse(null);
        }
        return find(at).orElse(null);
    }

    /** The Java value of a node: maps, lists, strings, numbers, booleans, null. */
    static Object construct(Node node) {
        return new NodeConstructor().build(node);
    }

    /** Every mapping entry with a scalar key, depth first, with its path. */
    void walk(EntryVisitor visitor) {
        walk(root, new ValuesPath(List.of()), visitor, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void walk(Node node, ValuesPath path, EntryVisitor visitor, Set<Node> open) {
        if (node == null || !open.add(node)) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = keyName(tuple.getKeyNode());
                if (key != null) {
                    visitor.visit(path.child(key), (ScalarNode) tuple.getKeyNode(), tuple.getValueNode());
                    walk(tuple.getValueNode(), path.child(key), visitor, open);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                walk(sequence.getValue().get(i), path.index(i), visitor, open);
            }
        }
        open.remove(node);
    }

    /** SnakeYAML's safe constructor, opened up to build the value of any node. */
    private static final class NodeConstructor extends SafeConstructor {
        NodeConstructor() {
            super(new LoaderOptions());
        }

        Object build(Node node) {
            return constructDocument(node);
        }
    }
}
