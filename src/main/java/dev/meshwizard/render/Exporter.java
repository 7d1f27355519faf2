package dev.meshwizard.render;

import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.InstallPlan;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
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
 * values/&lt;release&gt;.set.yaml      the plan's values and --set items of the release
 * charts/&lt;chart&gt;-&lt;version&gt;.tgz     the charts, when they came from a folder (not from a repository)
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
    /** The folder of the routing documents inside an export. */
    static final String ROUTING_FOLDER = "routing";

    private Exporter() {
    }

    /**
     * Exports a plan and what it rendered to.
     *
     * @param plan      the plan, whose releases the manifests were rendered from
     * @param manifests the plan's rendered manifests, one per release in the same order
     * @param folder    the folder to create, or to write into when it is empty or holds an earlier export's own,
     *                  unchanged files
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

    /** The file of a release's plan values and {@code --set} items inside an export, when it has any. */
    static String setValuesFileName(ChartRelease release) {
        return "values/" + release.name() + ".set.yaml";
    }

    /**
     * Where an export of the plan would write values whose keys look secret (password, token, secret, key, cert),
     * one line a file naming the keys, e.g. {@code values/istiod.yaml: pilot.cacerts.ca-key.pem}; empty when none.
     */
    public static List<String> secretLookingValues(InstallPlan plan) {
        List<String> found = new ArrayList<>();
        for (ChartRelease release : plan.releases()) {
            List<String> inFile = SecretKeys.inValues(release.valuesYaml());
            if (!inFile.isEmpty()) {
                found.add(valuesFileName(release) + ": " + String.join(", ", inFile));
            }
            List<String> inSets = SecretKeys.inKeys(release.sets().stream()
                    .map(item -> item.contains("=") ? item.substring(0, item.indexOf('=')) : item).toList());
            if (!inSets.isEmpty()) {
                found.add(setValuesFileName(release) + ": " + String.join(", ", inSets));
            }
        }
        return found;
    }

    private static Map<String, ExportFolder.Content> files(InstallPlan plan, RenderedManifests manifests,
                                                           Map<String, String> routing) throws IOException {
        Map<String, ExportFolder.Content> files = new LinkedHashMap<>();
        boolean archives = plan.source().kind() != ChartSourceSpec.Kind.HELM_REPO;
        for (int i = 0; i < plan.releases().size(); i++) {
            ChartRelease release = plan.releases().get(i);
            RenderedRelease rendered = manifests.releases().get(i);
            files.put(valuesFileName(release), ExportFolder.Content.text(release.valuesYaml()));
            String sets = SetValues.yaml(release.valuesYaml(), PlanValues.forRelease(plan, release));
            if (!sets.isEmpty()) {
                files.put(setValuesFileName(release), ExportFolder.Content.text("# The plan's values and --set items"
                        + " of " + release.name() + ", applied after " + release.name() + ".yaml.\n" + sets));
            }
            files.put(manifestFileName(i, release), ExportFolder.Content.text(rendered.displayYaml()));
            if (archives && !files.containsKey(ChartArchives.fileName(rendered))) {
                files.put(ChartArchives.fileName(rendered),
                        new ExportFolder.Content(ChartArchives.archive(rendered), false));
            }
        }
        routing.forEach((name, yaml) -> files.put(ROUTING_FOLDER + "/" + name, ExportFolder.Content.text(yaml)));
        files.put("install.sh", ExportFolder.Content.script(InstallScripts.install(plan, manifests,
                !routing.isEmpty())));
        files.put("uninstall.sh", ExportFolder.Content.script(InstallScripts.uninstall(plan)));
        files.put("README.md", ExportFolder.Content.text(ExportReadme.text(plan, manifests, !routing.isEmpty())));
        return files;
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
