package dev.meshwizard.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * A Helm values file that a form can edit without disturbing what the user wrote: comments, blank lines, key
 * order, quoting and indentation stay exactly as they were everywhere an edit does not touch.
 *
 * <p>Each edit is one splice of the source text: a new value replaces the old value's characters (a comment
 * after a one-line value stays), a new key is inserted after the last entry of its mapping at that mapping's
 * indent (missing parent mappings are created with it), a removed key takes its lines with it. New YAML
 * follows the document's own indent step, list offset and line breaks. The edited text is parsed again, so a
 * document is always valid YAML with no key set twice.
 *
 * <p>Documents are immutable; {@link #set} and {@link #remove} return new ones.
 *
 * <p>Limits: a flow collection on an edited path ({@code {a: 1}}, {@code [80, 443]}) is rewritten as a whole in
 * block style, dropping comments inside it; replacing a block mapping or list drops the comments inside the old
 * value; edits through a node with a YAML anchor are refused (its text is shared by every alias); keys written
 * as explicit {@code ? key} entries cannot be edited.
 */
public final class ValuesDocument {

    private static final ValuesDocument EMPTY = parse("");

    private final YamlTree tree;

    private ValuesDocument(YamlTree tree) {
        this.tree = tree;
    }

    /**
     * Reads a values text.
     *
     * @throws ValuesException on a YAML syntax error (with line and column), a key set twice in one mapping
     *                         (naming both lines), or a document that is not a mapping
     */
    public static ValuesDocument parse(String text) {
        YamlTree tree = YamlTree.parse(Objects.requireNonNull(text, "text"));
        tree.rootMapping();
        List<DuplicateKeys.Duplicate> duplicates = DuplicateKeys.in(tree);
        if (!duplicates.isEmpty()) {
            DuplicateKeys.Duplicate first = duplicates.get(0);
            throw new ValuesException(first.message(), first.line(), first.column(), first.path().toString());
        }
        return new ValuesDocument(tree);
    }

    /** A document with no keys and no text. */
    public static ValuesDocument empty() {
        return EMPTY;
    }

    /** The source text, with every edit made so far. */
    public String text() {
        return tree.text();
    }

    /**
     * The value at a path such as {@code service.ports[1].targetPort}: a String, Integer, Long, Double, Boolean,
     * List or Map (in document order). Empty when the path is missing or the value is null.
     *
     * @throws IllegalArgumentException when the path cannot be read
     */
    public Optional<Object> get(String path) {
        return get(ValuesPath.parse(path));
    }

    /** The value at a path; see {@link #get(String)}. */
    public Optional<Object> get(ValuesPath path) {
        Object value = toMap();
        for (Object segment : path.segments()) {
            if (segment instanceof String key && value instanceof Map<?, ?> map) {
                value = map.get(key);
            } else if (segment instanceof Integer index && value instanceof List<?> list
                    && index >= 0 && index < list.size()) {
                value = list.get(index);
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(value);
    }

    /** Whether the path exists, even with a null value. */
    public boolean contains(String path) {
        return tree.find(ValuesPath.parse(path)).isPresent();
    }

    /**
     * The whole document as nested maps and lists, in document order, with YAML merge keys applied; empty for a
     * document without keys. The result is a fresh copy the caller may change.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap() {
        MappingNode root = tree.rootMapping();
        return root == null ? new LinkedHashMap<>() : (Map<String, Object>) YamlTree.construct(root);
    }

    /**
     * Sets a value: a scalar, a list (e.g. of port maps) or a map (e.g. of annotations). An existing value is
     * replaced in place; a missing key is added at the end of its mapping, with any missing parent mappings.
     * Setting the value the document already holds returns this document unchanged. Use ordered maps
     * ({@link LinkedHashMap}) for values whose key order matters.
     *
     * @throws ValuesException when the path goes through a value of another kind (a key below a plain value,
     *                         an index into a mapping) or past the end of a list
     */
    public ValuesDocument set(String path, Object value) {
        return set(ValuesPath.parse(path), value);
    }

    /** Sets a value; see {@link #set(String, Object)}. */
    public ValuesDocument set(ValuesPath path, Object value) {
        return new ValuesEditor(tree).set(path, value).map(this::apply).orElse(this);
    }

    /**
     * Removes a key or list item with its lines. A mapping or list left empty becomes {@code {}} or {@code []}
     * so its key keeps meaning "empty" rather than "unset". Removing a missing path returns this document.
     */
    public ValuesDocument remove(String path) {
        return remove(ValuesPath.parse(path));
    }

    /** Removes a key or list item; see {@link #remove(String)}. */
    public ValuesDocument remove(ValuesPath path) {
        return new ValuesEditor(tree).remove(path).map(this::apply).orElse(this);
    }

    /** The 1-based line of the key (or list item) at a path, 0 when the path is missing. */
    int line(ValuesPath path) {
        return tree.lineOf(path);
    }

    YamlTree tree() {
        return tree;
    }

    private ValuesDocument apply(ValuesEditor.Splice splice) {
        String edited = splice.applyTo(tree.text());
        try {
            return parse(edited);
        } catch (ValuesException e) {
            throw new IllegalStateException("an edit made invalid YAML (" + e.getMessage() + "):\n" + edited, e);
        }
    }

    @Override
    public String toString() {
        return tree.text();
    }
}
