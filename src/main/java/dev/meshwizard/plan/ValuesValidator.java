package dev.meshwizard.plan;

import dev.meshwizard.plan.ValuesProblem.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Checks a release's values text for the mistakes the Istio charts punish or silently ignore: YAML syntax, keys set
 * twice, keys under the charts' internal defaults key, profiles Helm does not know, and (for the gateway)
 * Service annotations that are not strings; given the chart's schema, what its {@code values.schema.json} rejects.
 * Helm validates the schema again when the release is rendered.
 */
public final class ValuesValidator {

    /** The key every Istio chart keeps its defaults under; users set the keys below it without the prefix. */
    public static final String INTERNAL_DEFAULTS = "_internal_defaults_do_not_set";

    /** The profiles the charts' {@code profile} value accepts ({@code files/profile-<name>.yaml}). */
    public static final List<String> HELM_PROFILES = List.of("ambient", "demo", "preview", "remote", "stable");

    private static final ValuesPath PROFILE = ValuesPath.of("profile");
    private static final ValuesPath GLOBAL_PROFILE = ValuesPath.of("global", "profile");

    /**
     * The problems of one release's values, in document order within each kind. A syntax error is the only
     * problem reported for a text that does not parse.
     *
     * @param component the chart the values are for
     * @param text      the values text
     * @param profile   the plan's profile, to point out a file that asks for another one
     */
    public List<ValuesProblem> validate(Component component, String text, Profile profile) {
        return validate(component, text, profile, null);
    }

    /**
     * The problems of one release's values, as {@link #validate(Component, String, Profile)} finds them, and then
     * what the chart's {@code values.schema.json} rejects (each at its key), when the text has no other error.
     *
     * @param schema the chart's schema, null when the chart has none or it is not known yet
     */
    public List<ValuesProblem> validate(Component component, String text, Profile profile, ValuesSchema schema) {
        Optional<String> tooLarge = YamlText.sizeProblem(text == null ? "" : text);
        if (tooLarge.isPresent()) {
            return List.of(new ValuesProblem(Severity.ERROR, 0, 0, "", "The values text is " + tooLarge.get() + ".",
                    "Keep only the values you change; the chart supplies the rest."));
        }
        YamlTree tree;
        try {
            tree = YamlTree.parse(text == null ? "" : text);
            tree.rootMapping();
        } catch (ValuesException e) {
            String fix = e.line() > 0 ? "Check the indentation, colons and quotes at line " + e.line() + "."
                    : "Write the values as a YAML mapping of keys.";
            return List.of(new ValuesProblem(Severity.ERROR, e.line(), e.column(), e.path(), e.getMessage(), fix));
        }
        List<ValuesProblem> problems = new ArrayList<>();
        for (DuplicateKeys.Duplicate duplicate : DuplicateKeys.in(tree)) {
            boolean healthCheck = duplicate.path().toString().contains("aws-load-balancer-healthcheck-");
            problems.add(new ValuesProblem(Severity.ERROR, duplicate.line(), duplicate.column(),
                    duplicate.path().toString(), duplicate.message(), healthCheck
                    ? "Choose one health check: " + HealthCheck.HTTP_STATUS_PORT.label() + ", or "
                            + HealthCheck.TCP_TRAFFIC_PORT.label() + " (the form's choice rewrites these annotations)."
                    : "Keep one of lines " + duplicate.firstLine() + " and " + duplicate.line() + "."));
        }
        internalDefaults(tree, problems);
        profileValue(tree, PROFILE, component, profile, problems);
        profileValue(tree, GLOBAL_PROFILE, component, profile, problems);
        if (component == Component.GATEWAY) {
            annotationsAreStrings(tree, problems);
        }
        if (schema != null && problems.stream().noneMatch(p -> p.severity() == Severity.ERROR)) {
            problems.addAll(schema.check(tree));
        }
        return List.copyOf(problems);
    }

    private static void internalDefaults(YamlTree tree, List<ValuesProblem> problems) {
        MappingNode root = tree.rootMapping();
        Optional<NodeTuple> internal = root == null ? Optional.empty() : YamlTree.entry(root, INTERNAL_DEFAULTS);
        if (internal.isEmpty()) {
            return;
        }
        Node value = internal.get().getValueNode();
        if (!(value instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            Node key = internal.get().getKeyNode();
            problems.add(new ValuesProblem(Severity.ERROR, tree.line(key), tree.column(key), INTERNAL_DEFAULTS,
                    INTERNAL_DEFAULTS + " holds the chart's own defaults; values files do not set it.",
                    "Remove " + INTERNAL_DEFAULTS + "."));
            return;
        }
        ValuesPath prefix = ValuesPath.of(INTERNAL_DEFAULTS);
        tree.walk((path, key, node) -> {
            boolean leaf = !(node instanceof MappingNode nested) || nested.getValue().isEmpty();
            if (leaf && path.startsWith(prefix) && path.size() > 1) {
                String instead = path.tail(1).toString();
                problems.add(new ValuesProblem(Severity.ERROR, tree.line(key), tree.column(key), path.toString(),
                        path + " is under " + INTERNAL_DEFAULTS + ", which holds the chart's own defaults;"
                                + " the chart reads the same key without that prefix.",
                        "Set " + instead + " instead."));
            }
        });
    }

    private static void annotationsAreStrings(YamlTree tree, List<ValuesProblem> problems) {
        tree.walk((path, key, node) -> {
            boolean annotation = path.size() >= 2 && "annotations".equals(path.segments().get(path.size() - 2))
                    && (path.size() == 2 || path.size() == 3 && "service".equals(path.segments().get(0)));
            if (annotation && node instanceof ScalarNode scalar && !YamlTree.isNull(node)
                    && !Tag.STR.equals(node.getTag())) {
                problems.add(new ValuesProblem(Severity.ERROR, tree.line(key), tree.column(node), path.toString(),
                        "Annotation values are strings; Kubernetes refuses " + scalar.getValue() + " unquoted.",
                        "Write \"" + scalar.getValue() + "\"."));
            }
        });
    }

    private static void profileValue(YamlTree tree, ValuesPath path, Component component, Profile planProfile,
                                     List<ValuesProblem> problems) {
        Optional<Node> node = tree.find(path);
        if (node.isEmpty() || YamlTree.isNull(node.get())) {
            return;
        }
        Node value = node.get();
        int line = tree.lineOf(path);
        int column = tree.column(value);
        String name = value instanceof ScalarNode scalar ? scalar.getValue() : "";
        if (name.isEmpty() && value instanceof ScalarNode) {
            return;
        }
        if (!HELM_PROFILES.contains(name)) {
            Optional<Profile> known = Profile.byId(name);
            String fix = known.isPresent()
                    ? name + " is an istioctl profile; with Helm it is a choice of charts, which the plan makes."
                    + " Remove " + path + "."
                    : "Use one of " + String.join(", ", HELM_PROFILES) + ", or remove " + path + ".";
            problems.add(new ValuesProblem(Severity.ERROR, line, column, path.toString(),
                    path + " is \"" + name + "\", which the " + component.chartName()
                            + " chart does not know: it fails with \"unknown profile\". Helm knows "
                            + String.join(", ", HELM_PROFILES) + ".", fix));
            return;
        }
        String planned = planProfile == null ? null : planProfile.chartValue().orElse(null);
        if (planProfile != null && !name.equals(planned)) {
            problems.add(new ValuesProblem(Severity.WARNING, line, column, path.toString(),
                    "This file asks for profile " + name + ", but the plan's profile is " + planProfile.id()
                            + (planned == null ? " (no chart profile)" : "") + ".",
                    "Remove " + path + " here and choose the profile for the whole plan."));
        }
    }
}
