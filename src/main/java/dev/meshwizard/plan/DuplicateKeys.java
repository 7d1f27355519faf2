package dev.meshwizard.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds keys set twice in one mapping. YAML forbids them, yet many parsers quietly keep the last one, so a values
 * file can look right and mean something else; the report names both lines.
 */
final class DuplicateKeys {

    /** A key that appears twice in one mapping: where it first was and where it comes again. */
    record Duplicate(ValuesPath path, int firstLine, int line, int column) {
        String message() {
            return path + " set twice: lines " + firstLine + " and " + line;
        }
    }

    private DuplicateKeys() {
    }

    /** Every key set twice in one mapping of the tree, by the line of its second appearance. */
    static List<Duplicate> in(YamlTree tree) {
        List<Duplicate> found = new ArrayList<>();
        visit(tree, tree.root(), new ValuesPath(List.of()), found, Collections.newSetFromMap(new IdentityHashMap<>()));
        found.sort(Comparator.comparingInt(Duplicate::line));
        return found;
    }

    private static void visit(YamlTree tree, Node node, ValuesPath path, List<Duplicate> found, Set<Node> done) {
        if (node == null || !done.add(node)) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Node> keys = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = YamlTree.keyName(tuple.getKeyNode());
                if (key == null) {
                    continue;
                }
                Node first = keys.putIfAbsent(key, tuple.getKeyNode());
                if (first != null) {
                    Node again = tuple.getKeyNode();
                    found.add(new Duplicate(path.child(key), tree.line(first), tree.line(again), tree.column(again)));
                }
            }
            for (NodeTuple tuple : mapping.getValue()) {
                String key = YamlTree.keyName(tuple.getKeyNode());
                visit(tree, tuple.getValueNode(), key == null ? path : path.child(key), found, done);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                visit(tree, sequence.getValue().get(i), path.index(i), found, done);
            }
        }
    }
}
