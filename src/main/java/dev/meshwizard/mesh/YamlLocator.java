package dev.meshwizard.mesh;

import dev.meshwizard.plan.ValuesPath;
import java.io.StringReader;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Finds the line of a field in the YAML text of one object, so that a finding's path such as
 * {@code spec.http[0].route[1].destination.subset} can be shown at its line. Paths are read as
 * {@link ValuesPath} reads them.
 */
public final class YamlLocator {

    private YamlLocator() {
    }

    /**
     * The 1-based line of the field at {@code path} in {@code yaml}: the line of its key, or of its list item.
     * When the path goes further than the text, the line of the deepest part that exists; for an empty path,
     * the first line of the object. 0 when the text has no content or is not YAML.
     */
    public static int line(String yaml, String path) {
        Node root = compose(yaml);
        if (root == null) {
            return 0;
        }
        List<Object> segments;
        try {
            segments = ValuesPath.parse(path == null ? "" : path).segments();
        } catch (IllegalArgumentException e) {
            segments = List.of();
        }
        Node node = root;
        int line = lineOf(root);
        for (Object segment : segments) {
            Node next = null;
            if (segment instanceof String key && node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode scalar && key.equals(scalar.getValue())) {
                        line = lineOf(tuple.getKeyNode());
                        next = tuple.getValueNode();
                        break;
                    }
                }
            } else if (segment instanceof Integer index && node instanceof SequenceNode sequence
                    && index >= 0 && index < sequence.getValue().size()) {
                next = sequence.getValue().get(index);
                line = lineOf(next);
            }
            if (next == null) {
                break;
            }
            node = next;
        }
        return line;
    }

    private static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static Node compose(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        Yaml parser = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options);
        try {
            return parser.compose(new StringReader(yaml));
        } catch (YAMLException e) {
            return null;
        }
    }
}
