package dev.meshwizard.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The text of {@code mesh-wizard.yaml}: the plan without its values texts, which live in the files the releases
 * name. Reading reports the line and field of anything it cannot use.
 */
final class WorkspaceManifest {

    static final int FORMAT = 1;

    /** A release as the manifest lists it, with the line it starts at. */
    record Entry(String name, String namespace, Component component, String valuesFile, List<String> sets,
                 int line) {
    }

    /** The plan as the manifest holds it; values texts are read separately. */
    record Contents(String profile, String platform, String revision, String istioVersion, ChartSourceSpec source,
                    List<Entry> releases, List<Entry> setAside) {
    }

    private static final String HEADER = "# Mesh Wizard workspace: the install plan. Each release's values file is"
            + " the one its valuesFile names.\n";

    private final Path file;
    private final ValuesDocument doc;

    private WorkspaceManifest(Path file, ValuesDocument doc) {
        this.file = file;
        this.doc = doc;
    }

    /**
     * The manifest text of a plan whose releases keep their values in {@code valuesFiles}, in release order and
     * then the releases set aside.
     */
    static String write(InstallPlan plan, List<String> valuesFiles) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("profile", plan.profile());
        root.put("platform", plan.platform());
        root.put("revision", plan.revision());
        root.put("istioVersion", plan.istioVersion());
        Map<String, Object> source = new LinkedHashMap<>();
        ChartSourceSpec spec = plan.source();
        source.put("kind", kindName(spec.kind()));
        if (spec.folder() != null) {
            source.put("folder", spec.folder().toString());
        }
        if (spec.repoUrl() != null) {
            source.put("repoUrl", spec.repoUrl());
            source.put("version", spec.version());
        }
        root.put("chartSource", source);
        root.put("releases", entries(plan.releases(), valuesFiles.subList(0, plan.releases().size())));
        if (!plan.setAside().isEmpty()) {
            // releases the profile does not use, kept with their values for when a profile uses them again
            root.put("setAside", entries(plan.setAside(), valuesFiles.subList(plan.releases().size(),
                    valuesFiles.size())));
        }
        return HEADER + String.join("\n", YamlWriter.block(root, 0, YamlWriter.Layout.DEFAULT)) + "\n";
    }

    private static List<Object> entries(List<ChartRelease> releases, List<String> valuesFiles) {
        List<Object> entries = new ArrayList<>();
        for (int i = 0; i < releases.size(); i++) {
            ChartRelease release = releases.get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", release.name());
            entry.put("namespace", release.namespace());
            entry.put("component", release.component().chartName());
            entry.put("valuesFile", valuesFiles.get(i));
            entry.put("sets", release.sets());
            entries.add(entry);
        }
        return entries;
    }

    /** Reads a manifest text; {@code file} names it in errors. */
    static Contents read(String text, Path file) throws WorkspaceException {
        ValuesDocument doc;
        try {
            doc = ValuesDocument.parse(text);
        } catch (ValuesException e) {
            throw new WorkspaceException(file, e.line(), e.path(), e.getMessage());
        }
        return new WorkspaceManifest(file, doc).contents();
    }

    private Contents contents() throws WorkspaceException {
        Optional<Object> format = doc.get("format");
        if (format.isPresent() && !Integer.valueOf(FORMAT).equals(format.get())) {
            throw error("format", "format " + format.get() + " is not one this version of Mesh Wizard reads ("
                    + FORMAT + ")");
        }
        String profile = string("profile", true);
        if (Profile.byId(profile).isEmpty()) {
            throw error("profile", "unknown profile \"" + profile + "\"; use one of " + Arrays.stream(Profile.values())
                    .map(Profile::id).collect(Collectors.joining(", ")));
        }
        ChartSourceSpec source = source();
        String platform = string("platform", false);
        Optional<String> badPlatform = Plans.platformProblem(platform);
        if (badPlatform.isPresent()) {
            throw error("platform", badPlatform.get());
        }
        String revision = string("revision", false);
        Optional<String> badRevision = KubeNames.revisionProblem(revision);
        if (badRevision.isPresent()) {
            throw error("revision", badRevision.get());
        }
        return new Contents(profile, platform, revision, string("istioVersion", false), source,
                entries("releases"), entries("setAside"));
    }

    private ChartSourceSpec source() throws WorkspaceException {
        String kind = string("chartSource.kind", true);
        return switch (kind) {
            case "istio-release" -> ChartSourceSpec.istioRelease(Path.of(string("chartSource.folder", true)));
            case "charts-folder" -> ChartSourceSpec.chartsFolder(Path.of(string("chartSource.folder", true)));
            case "helm-repo" -> ChartSourceSpec.helmRepo(string("chartSource.repoUrl", true),
                    string("chartSource.version", true));
            default -> throw error("chartSource.kind", "unknown kind \"" + kind
                    + "\"; use istio-release, charts-folder or helm-repo");
        };
    }

    private List<Entry> entries(String key) throws WorkspaceException {
        List<Entry> entries = new ArrayList<>();
        Object list = doc.get(key).orElse(List.of());
        if (!(list instanceof List<?> items)) {
            throw error(key, "must be a list of releases");
        }
        for (int i = 0; i < items.size(); i++) {
            entries.add(release(key, i));
        }
        return List.copyOf(entries);
    }

    private Entry release(String key, int index) throws WorkspaceException {
        String at = key + "[" + index + "]";
        String componentName = string(at + ".component", true);
        Component component = Arrays.stream(Component.values())
                .filter(c -> c.chartName().equals(componentName)).findFirst()
                .orElseThrow(() -> error(at + ".component", "\"" + componentName + "\" is not a chart; use "
                        + Arrays.stream(Component.values()).map(Component::chartName)
                        .collect(Collectors.joining(", "))));
        Object sets = doc.get(at + ".sets").orElse(List.of());
        if (!(sets instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw error(at + ".sets", "must be a list of key=value texts");
        }
        List<String> setTexts = list.stream().map(String.class::cast).toList();
        for (int i = 0; i < setTexts.size(); i++) {
            Optional<String> bad = SetItems.problem(setTexts.get(i));
            if (bad.isPresent()) {
                throw error(at + ".sets[" + i + "]", "\"" + setTexts.get(i) + "\" " + bad.get());
            }
        }
        String name = string(at + ".name", true);
        Optional<String> badName = KubeNames.releaseNameProblem(name);
        if (badName.isPresent()) {
            throw error(at + ".name", badName.get());
        }
        String namespace = string(at + ".namespace", true);
        Optional<String> badNamespace = KubeNames.namespaceProblem(namespace);
        if (badNamespace.isPresent()) {
            throw error(at + ".namespace", badNamespace.get());
        }
        return new Entry(name, namespace, component, string(at + ".valuesFile", true), setTexts,
                doc.line(ValuesPath.parse(at)));
    }

    private String string(String path, boolean required) throws WorkspaceException {
        Optional<Object> value = doc.get(path);
        if (value.isEmpty()) {
            if (required) {
                throw error(path, "missing");
            }
            return "";
        }
        if (!(value.get() instanceof String text)) {
            throw error(path, "must be text; write \"" + value.get() + "\" in quotes");
        }
        if (required && text.isBlank()) {
            throw error(path, "must not be empty");
        }
        return text;
    }

    private WorkspaceException error(String path, String problem) {
        ValuesPath at = ValuesPath.parse(path);
        int line = doc.line(at);
        while (line == 0 && !at.isEmpty()) {
            at = at.parent();
            line = doc.line(at);
        }
        return new WorkspaceException(file, line, path, problem);
    }

    private static String kindName(ChartSourceSpec.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
