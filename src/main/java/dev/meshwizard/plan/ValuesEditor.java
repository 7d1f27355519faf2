package dev.meshwizard.plan;

import dev.meshwizard.plan.YamlWriter.Layout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns an edit of a values document into one splice of its text, so that everything outside the edited entry
 * stays as it was, byte for byte. Block collections are edited in place; a flow collection on the way
 * ({@code annotations: {}}) is rewritten as a whole, in block style.
 */
final class ValuesEditor {

    /** Replace the text between {@code from} and {@code to} by {@code replacement}. */
    record Splice(int from, int to, String replacement) {
        String applyTo(String text) {
            return text.substring(0, from) + replacement + text.substring(to);
        }
    }

    /** Where a value sits: under a key of a mapping, as an item of a list, or as the document. */
    private record Slot(Node key, Node value, Node parent) {
    }

    private final YamlTree tree;
    private final String text;
    private final Layout layout;

    ValuesEditor(YamlTree tree) {
        this.tree = tree;
        this.text = tree.text();
        this.layout = Layout.of(tree);
    }

    /** The splice that sets a value, or empty when the document already holds exactly that value. */
    Optional<Splice> set(ValuesPath path, Object value) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("set a key, not the whole document");
        }
        MappingNode root = tree.rootMapping();
        if (root == null) {
            return Optional.of(intoEmptyDocument(nest(path, 0, value)));
        }
        Slot slot = new Slot(null, root, null);
        for (int i = 0; i < path.size(); i++) {
            Node current = slot.value();
            if (YamlTree.isFlow(current)) {
                Object before = YamlTree.construct(current);
                Object edited = JavaValues.set(YamlTree.construct(current), path, i, value);
                return edited.equals(before) ? Optional.empty() : Optional.of(replace(slot, edited));
            }
            Object segment = path.segments().get(i);
            if (segment instanceof String key) {
                if (!(current instanceof MappingNode mapping)) {
                    throw notA("a mapping", path, i, current);
                }
                Optional<NodeTuple> entry = YamlTree.entry(mapping, key);
                if (entry.isEmpty()) {
                    return Optional.of(insertEntry(mapping, key, nest(path, i + 1, value)));
                }
                slot = new Slot(entry.get().getKeyNode(), entry.get().getValueNode(), mapping);
            } else {
                int index = (Integer) segment;
                if (!(current instanceof SequenceNode sequence)) {
                    throw notA("a list", path, i, current);
                }
                int size = sequence.getValue().size();
                if (index == size && i == path.size() - 1) {
                    return Optional.of(appendItem(sequence, value));
                }
                if (index < 0 || index >= size) {
                    throw new ValuesException(new ValuesPath(path.segments().subList(0, i)) + " has " + size
                            + " items; there is no item " + index, tree.line(current), tree.column(current),
                            path.toString());
                }
                slot = new Slot(null, sequence.getValue().get(index), sequence);
            }
            refuseShared(slot.value(), path);
            if (i < path.size() - 1 && YamlTree.isNull(slot.value())) {
                return Optional.of(replace(slot, nest(path, i + 1, value)));
            }
        }
        if (Objects.equals(YamlTree.construct(slot.value()), value)) {
            return Optional.empty();
        }
        return Optional.of(replace(slot, value));
    }

    /** The splice that removes a key or list item with its lines, or empty when it is not there. */
    Optional<Splice> remove(ValuesPath path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("remove a key, not the whole document");
        }
        MappingNode root = tree.rootMapping();
        if (root == null) {
            return Optional.empty();
        }
        List<Slot> slots = new ArrayList<>();
        slots.add(new Slot(null, root, null));
        for (int i = 0; i < path.size(); i++) {
            Slot slot = slots.get(i);
            if (YamlTree.isFlow(slot.value())) {
                Object edited = YamlTree.construct(slot.value());
                return JavaValues.remove(edited, path, i) ? Optional.of(replace(slot, edited)) : Optional.empty();
            }
            Optional<Slot> child = child(slot.value(), path.segments().get(i));
            if (child.isEmpty()) {
                return Optional.empty();
            }
            refuseShared(child.get().value(), path);
            slots.add(child.get());
        }
        Slot target = slots.get(slots.size() - 1);
        Slot parentSlot = slots.get(slots.size() - 2);
        CollectionNode<?> parent = (CollectionNode<?>) target.parent();
        if (parent.getValue().size() == 1 && parentSlot.parent() != null) {
            return Optional.of(replace(parentSlot, parent instanceof MappingNode ? Map.of() : List.of()));
        }
        return Optional.of(parent instanceof MappingNode mapping ? removeEntry(mapping, target) : removeItem(target));
    }

    private Optional<Slot> child(Node node, Object segment) {
        if (segment instanceof String key && node instanceof MappingNode mapping) {
            return YamlTree.entry(mapping, key).map(t -> new Slot(t.getKeyNode(), t.getValueNode(), mapping));
        }
        if (segment instanceof Integer index && node instanceof SequenceNode sequence
                && index >= 0 && index < sequence.getValue().size()) {
            return Optional.of(new Slot(null, sequence.getValue().get(index), sequence));
        }
        return Optional.empty();
    }

    /** Puts a new value where the old one was; a one-line value keeps the comment that follows it. */
    private Splice replace(Slot slot, Object value) {
        Node old = slot.value();
        boolean oldOnOneLine = !(old instanceof CollectionNode<?>) || YamlTree.isFlow(old);
        oldOnOneLine &= !YamlTree.isBlockScalar(old);
        boolean oldEmpty = tree.start(old) == tree.end(old);
        if (slot.key() != null) {
            int colonEnd = tree.colonEnd(slot.key());
            if (oldEmpty) {
                if (YamlWriter.isInline(value)) {
                    return new Splice(colonEnd, colonEnd, " " + YamlWriter.inline(value));
                }
                int lineEnd = tree.lineEnd(colonEnd);
                return new Splice(lineEnd, lineEnd, layout.newline() + underKey(slot.key(), value));
            }
            if (oldOnOneLine && YamlWriter.isInline(value)) {
                return new Splice(tree.start(old), tree.end(old), YamlWriter.inline(value));
            }
            int to = tree.lineEnd(Math.max(colonEnd, tree.contentEnd(old)));
            String rendered = YamlWriter.isInline(value) ? " " + YamlWriter.inline(value)
                    : layout.newline() + underKey(slot.key(), value);
            return new Splice(colonEnd, to, rendered);
        }
        int from = tree.start(old);
        if (oldOnOneLine && YamlWriter.isInline(value)) {
            return new Splice(from, tree.end(old), YamlWriter.inline(value));
        }
        int to = tree.lineEnd(Math.max(from, tree.contentEnd(old)));
        return new Splice(from, to, YamlWriter.atColumn(value, tree.columnOf(from), layout));
    }

    private String underKey(Node key, Object value) {
        int keyIndent = tree.columnOf(tree.start(key));
        int indent = keyIndent + (value instanceof Map<?, ?> ? layout.step() : layout.sequenceOffset());
        return String.join(layout.newline(), YamlWriter.block(value, indent, layout));
    }

    private Splice insertEntry(MappingNode mapping, String key, Object value) {
        int indent = tree.columnOf(tree.start(mapping.getValue().get(0).getKeyNode()));
        int at = tree.lineEnd(tree.contentEnd(mapping));
        List<String> lines = YamlWriter.entry(key, value, indent, layout);
        return new Splice(at, at, layout.newline() + String.join(layout.newline(), lines));
    }

    private Splice appendItem(SequenceNode sequence, Object value) {
        int indent = tree.columnOf(tree.start(sequence));
        int at = tree.lineEnd(tree.contentEnd(sequence));
        return new Splice(at, at, layout.newline() + " ".repeat(indent) + "- "
                + YamlWriter.atColumn(value, indent + 2, layout));
    }

    private Splice intoEmptyDocument(Object value) {
        String body = String.join(layout.newline(), YamlWriter.block(value, 0, layout));
        Node root = tree.root();
        if (root != null && tree.end(root) > tree.start(root)) {
            return new Splice(tree.start(root), tree.end(root), body);
        }
        String before = text.isEmpty() || text.endsWith("\n") ? "" : layout.newline();
        return new Splice(text.length(), text.length(), before + body + layout.newline());
    }

    private Splice removeEntry(MappingNode mapping, Slot target) {
        int keyStart = tree.start(target.key());
        if (!tree.firstOnLine(keyStart)) {
            // "- name: a" followed by more keys of the same item: keep the dash, start the item at the next key
            int index = mapping.getValue().stream().map(NodeTuple::getKeyNode).toList().indexOf(target.key());
            if (index + 1 >= mapping.getValue().size()) {
                throw new ValuesException("cannot remove the key at line " + tree.line(target.key())
                        + ": it shares its line with other text", tree.line(target.key()),
                        tree.column(target.key()), "");
            }
            int next = tree.start(mapping.getValue().get(index + 1).getKeyNode());
            return new Splice(keyStart, next, "");
        }
        return removeLines(keyStart, Math.max(tree.colonEnd(target.key()), tree.contentEnd(target.value())));
    }

    private Splice removeItem(Slot target) {
        int dash = text.lastIndexOf('-', tree.start(target.value()) - 1);
        if (dash < 0 || !tree.firstOnLine(dash)) {
            throw new ValuesException("cannot remove the list item at line " + tree.line(target.value())
                    + ": it shares its line with another item", tree.line(target.value()),
                    tree.column(target.value()), "");
        }
        return removeLines(dash, tree.contentEnd(target.value()));
    }

    /** Removes whole lines from the one holding {@code first} to the one holding {@code last}. */
    private Splice removeLines(int first, int last) {
        int from = tree.lineStart(first);
        int lineEnd = tree.lineEnd(last);
        int to = tree.nextLineStart(lineEnd);
        if (lineEnd == text.length() && from > 0) {
            from = text.charAt(from - 1) == '\n' && from > 1 && text.charAt(from - 2) == '\r' ? from - 2 : from - 1;
        }
        return new Splice(from, to, "");
    }

    /** Nested mappings for the keys of {@code path} from {@code from} on, holding {@code value}. */
    private static Object nest(ValuesPath path, int from, Object value) {
        Object nested = value;
        for (int i = path.size() - 1; i >= from; i--) {
            Object segment = path.segments().get(i);
            if (!(segment instanceof String key)) {
                throw new ValuesException("cannot create " + path + ": list "
                        + new ValuesPath(path.segments().subList(0, i)) + " does not exist", 0, 0, path.toString());
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(key, nested);
            nested = map;
        }
        return nested;
    }

    /** A node with an anchor may appear elsewhere through an alias; its text is not where the path says. */
    private void refuseShared(Node node, ValuesPath path) {
        if (node.getAnchor() != null) {
            throw new ValuesException("cannot edit " + path + " through the YAML anchor &" + node.getAnchor()
                    + " (line " + tree.line(node) + "): other keys share it; edit the file by hand",
                    tree.line(node), tree.column(node), path.toString());
        }
    }

    private ValuesException notA(String what, ValuesPath path, int depth, Node node) {
        ValuesPath at = new ValuesPath(path.segments().subList(0, depth));
        return new ValuesException("cannot set " + path + ": " + (at.isEmpty() ? "the document" : at)
                + " is " + YamlTree.kind(node) + ", not " + what + " (line " + tree.line(node) + ")",
                tree.line(node), tree.column(node), path.toString());
    }
}
