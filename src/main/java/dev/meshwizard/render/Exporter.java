package dev.meshwizard.render;

import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.InstallPlan;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a plan and its rendered manifests as plain files someone can review and run without Mesh Wizard:
 * <pre>
 * values/&lt;release&gt;.yaml          each release's values, exactly as written
 * manifests/&lt;nn&gt;-&lt;release&gt;.yaml  what Helm renders for it, in install order, Secret values redacted
 * install.sh                     helm upgrade --install per release, in order
 * uninstall.sh                   helm uninstall in reverse order; CRDs kept unless DELETE_CRDS=1
 * routing/&lt;kind&gt;-&lt;name&gt;.yaml     the workspace's Istio routing documents, when there are any
 * README.md                      what is there
 * .mesh-wizard-export            the files written, with their SHA-256
 * </pre>
 * Every file is readable by its owner only. A new folder is written next to the target under a temporary name and
 * moved into place when complete, so a failed export leaves no half-written folder; an existing folder is written
 * into only as far as it holds an earlier export's own, unchanged files (see {@link ExportFolder}).
 */
public final class Exporter {

    private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);
    private static final String README_MARK = "exported by Mesh Wizard";
    /** The folder of the routing documents inside an export. */
    static final String ROUTING_FOLDER = "routing";

    private Exporter() {
    }

    /**
     * Exports a plan and what it rendered to.
     *
     * @param plan      the plan, whose releases the manifests were rendered from
     * @param manifests the plan's rendered manifests, one per release in the same order
     * @param folder    the folder to create (or replace, if empty or an earlier export)
     * @return the folder written
     * @throws FileAlreadyExistsException when the folder holds something else
     * @throws IOException                when writing fails; nothing is left behind then
     */
    public static Path export(InstallPlan plan, RenderedManifests manifests, Path folder) throws IOException {
        return export(plan, manifests, Map.of(), folder);
    }

    /**
     * Exports a plan, what it rendered to, and routing documents: each written to {@code routing/<file name>},
     * applied by {@code install.sh} after the releases with {@code kubectl apply --server-side}.
     *
     * @param routing routing documents by file name (e.g. {@code virtualservice-reviews.yaml}) to their YAML text
     * @see #export(InstallPlan, RenderedManifests, Path)
     */
    public static Path export(InstallPlan plan, RenderedManifests manifests, Map<String, String> routing,
                              Path folder) throws IOException {
        return export(plan, manifests, routing, folder, false);
    }

    /**
     * Exports into a folder that may hold an earlier export. Only files an earlier export wrote, and unchanged
     * since, are replaced; anything else there (a file or folder the user added, an exported file they edited)
     * makes the export refuse, unless {@code force}. Files that are not the export's own are never deleted.
     *
     * @param force replace exported files the user edited, and write next to files the user added
     * @throws dev.meshwizard.plan.OverwriteRefusedException listing what is in the way, when not forced
     * @see #export(InstallPlan, RenderedManifests, Map, Path)
     */
    public static Path export(InstallPlan plan, RenderedManifests manifests, Map<String, String> routing,
                              Path folder, boolean force) throws IOException {
        checkMatches(plan, manifests);
        for (String name : routing.keySet()) {
            if (!name.matches("[A-Za-z0-9._-]+\\.yaml") || name.startsWith(".")) {
                throw new IllegalArgumentException("Not a routing file name: " + name);
            }
        }
        Path target = folder.toAbsolutePath().normalize();
        ExportFolder.write(target, files(plan, manifests, new TreeMap<>(routing)), force);
        LOG.info("Exported {} releases to {}", plan.releases().size(), target);
        return target;
    }

    /** The values file of a release inside an export, relative to the export folder. */
    static String valuesFileName(ChartRelease release) {
        return "values/" + release.name() + ".yaml";
    }

    /** The manifest file of the {@code index}-th release (0-based) inside an export. */
    static String manifestFileName(int index, ChartRelease release) {
        return String.format("manifests/%02d-%s.yaml", index + 1, release.name());
    }

    private static Map<String, ExportFolder.Content> files(InstallPlan plan, RenderedManifests manifests,
                                                           Map<String, String> routing) {
        Map<String, ExportFolder.Content> files = new LinkedHashMap<>();
        for (int i = 0; i < plan.releases().size(); i++) {
            ChartRelease release = plan.releases().get(i);
            files.put(valuesFileName(release), ExportFolder.Content.text(release.valuesYaml()));
            files.put(manifestFileName(i, release),
                    ExportFolder.Content.text(manifests.releases().get(i).displayYaml()));
        }
        routing.forEach((name, yaml) -> files.put(ROUTING_FOLDER + "/" + name, ExportFolder.Content.text(yaml)));
        files.put("install.sh", ExportFolder.Content.script(InstallScripts.install(plan, manifests,
                !routing.isEmpty())));
        files.put("uninstall.sh", ExportFolder.Content.script(InstallScripts.uninstall(plan)));
        files.put("README.md", ExportFolder.Content.text(readme(plan, manifests, !routing.isEmpty())));
        return files;
    }

    private static String readme(InstallPlan plan, RenderedManifests manifests, boolean routing) {
        ChartSourceSpec source = plan.source();
        String version = plan.istioVersion().isBlank() && !manifests.releases().isEmpty()
                ? manifests.releases().get(0).chartVersion() : plan.istioVersion();
        StringBuilder text = new StringBuilder();
        text.append("# Istio ").append(version).append(" install, ").append(README_MARK).append("\n\n")
                .append("Profile `").append(plan.profile()).append('`')
                .append(plan.platform().isBlank() ? "" : ", platform `" + plan.platform() + "`")
                .append(plan.revision().isBlank() ? "" : ", revision `" + plan.revision() + "`")
                .append(". Charts from ").append(describe(source)).append(".\n\n")
                .append("| # | Release | Namespace | Chart | Objects |\n|---|---|---|---|---|\n");
        for (int i = 0; i < manifests.releases().size(); i++) {
            RenderedRelease release = manifests.releases().get(i);
            String counts = release.countsByKind().entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
            text.append("| ").append(i + 1).append(" | ").append(release.name()).append(" | ")
                    .append(release.namespace()).append(" | ").append(release.chart()).append(' ')
                    .append(release.chartVersion()).append(" | ").append(counts).append(" |\n");
        }
        text.append("\n## What is here\n\n")
                .append("- `values/<release>.yaml`: each release's values, as written in Mesh Wizard.\n")
                .append("- `manifests/<nn>-<release>.yaml`: what Helm renders for each release (`helm template`),")
                .append(" in install order. Secret values show as `").append(RenderedObject.REDACTED)
                .append("`. These files are for review; the scripts install from the charts.\n")
                .append("- `install.sh`: `helm upgrade --install` for each release in order, each with `--wait`,")
                .append(" into the cluster of the current kubectl context. Needs only `helm` and `kubectl`.\n")
                .append("- `uninstall.sh`: `helm uninstall` in reverse order. Istio's CRDs, and the Istio")
                .append(" resources stored in them, stay unless you run `DELETE_CRDS=1 ./uninstall.sh`.\n");
        if (routing) {
            text.append("- `routing/`: Istio Gateways, VirtualServices and DestinationRules; `install.sh` applies")
                    .append(" them last with `kubectl apply --server-side`. TLS Secrets are not exported: create")
                    .append(" each one a Gateway names (`kubectl create secret tls NAME --cert=... --key=...`).\n");
        }
        if (source.kind() != ChartSourceSpec.Kind.HELM_REPO) {
            text.append("\nThe scripts name the charts by their paths on the machine that exported them;")
                    .append(" elsewhere, change those paths.\n");
        }
        return text.toString();
    }

    private static String describe(ChartSourceSpec source) {
        return switch (source.kind()) {
            case HELM_REPO -> "the Helm repository " + source.repoUrl() + " at version " + source.version();
            case ISTIO_RELEASE -> "the Istio release folder " + source.folder().toAbsolutePath();
            case CHARTS_FOLDER -> "the charts folder " + source.folder().toAbsolutePath();
        };
    }

    private static void checkMatches(InstallPlan plan, RenderedManifests manifests) {
        List<String> planned = plan.releases().stream().map(ChartRelease::name).toList();
        List<String> rendered = manifests.releases().stream().map(RenderedRelease::name).toList();
        if (!planned.equals(rendered)) {
            throw new IllegalArgumentException("The manifests were rendered for releases " + rendered
                    + ", the plan has " + planned);
        }
    }
}
