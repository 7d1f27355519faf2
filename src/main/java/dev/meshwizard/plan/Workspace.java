package dev.meshwizard.plan;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder that holds one install plan as files a person can read, diff and keep in git:
 * <pre>
 * mesh-wizard.yaml          profile, platform, revision, Istio version, chart source, releases (and the
 *                           releases set aside, which the profile does not use)
 * values/istio-base.yaml    each release's values, exactly as written (comments, order, final line break)
 * values/istiod.yaml
 * </pre>
 * Every file is written atomically (a temporary file in the same folder renamed over the old one), values files
 * first and the manifest last, so the manifest never names a file that is not there yet. A save is not one
 * transaction across files: a crash midway can leave new values files next to the old manifest.
 */
public final class Workspace {

    /** The plan's file in the workspace folder. */
    public static final String MANIFEST = "mesh-wizard.yaml";

    /** The folder of the values files. */
    public static final String VALUES_FOLDER = "values";

    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

    private final Path folder;

    private Workspace(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** The workspace in a folder; the folder need not exist until the first {@link #save}. */
    public static Workspace open(Path folder) {
        return new Workspace(Objects.requireNonNull(folder, "folder"));
    }

    /** The workspace folder, absolute. */
    public Path folder() {
        return folder;
    }

    /** The {@value #MANIFEST} file. */
    public Path manifestFile() {
        return folder.resolve(MANIFEST);
    }

    /** Whether the folder holds a saved plan. */
    public boolean exists() {
        return Files.isRegularFile(manifestFile());
    }

    /**
     * Reads the plan back.
     *
     * @throws WorkspaceException when a file is missing or cannot be read as a plan; the message names the file,
     *                            line and field
     * @throws IOException        when reading fails
     */
    public synchronized InstallPlan load() throws IOException {
        Path manifestFile = manifestFile();
        WorkspaceManifest.Contents contents = WorkspaceManifest.read(readText(manifestFile, null), manifestFile);
        return new InstallPlan(contents.profile(), contents.platform(), contents.revision(),
                contents.istioVersion(), contents.source(), releases(contents.releases(), "releases"),
                releases(contents.setAside(), "setAside"));
    }

    private List<ChartRelease> releases(List<WorkspaceManifest.Entry> entries, String key) throws IOException {
        List<ChartRelease> releases = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            WorkspaceManifest.Entry entry = entries.get(i);
            Path valuesFile = valuesFile(entry, key, i);
            String values = readText(valuesFile, entry);
            releases.add(new ChartRelease(entry.name(), entry.namespace(), entry.component(), values, entry.sets()));
        }
        return releases;
    }

    /**
     * Writes the plan: each release's values text verbatim to {@code values/<release>.yaml} (releases that share
     * a name get the namespace in the file name), then the manifest. Values files that the previous manifest named
     * and this plan does not are deleted. Files whose content is unchanged are not rewritten.
     *
     * @throws IOException when a file cannot be written; files written before the failure keep their new content,
     *                     the failed one its old content
     */
    public synchronized void save(InstallPlan plan) throws IOException {
        Objects.requireNonNull(plan, "plan");
        Set<String> previous = previousValuesFiles();
        List<ChartRelease> all = new ArrayList<>(plan.releases());
        all.addAll(plan.setAside());
        List<String> names = valuesFileNames(all);
        for (int i = 0; i < names.size(); i++) {
            AtomicFiles.write(folder.resolve(names.get(i)), all.get(i).valuesYaml());
        }
        AtomicFiles.write(manifestFile(), WorkspaceManifest.write(plan, names));
        previous.removeAll(names);
        for (String stale : previous) {
            try {
                Files.deleteIfExists(folder.resolve(stale));
            } catch (IOException e) {
                LOG.warn("Could not delete the values file {} of a removed release: {}", stale, e.toString());
            }
        }
    }

    private Set<String> previousValuesFiles() {
        Set<String> files = new HashSet<>();
        if (!exists()) {
            return files;
        }
        try {
            WorkspaceManifest.Contents old = WorkspaceManifest.read(readText(manifestFile(), null), manifestFile());
            for (int i = 0; i < old.releases().size(); i++) {
                valuesFile(old.releases().get(i), "releases", i);
                files.add(old.releases().get(i).valuesFile());
            }
            for (int i = 0; i < old.setAside().size(); i++) {
                valuesFile(old.setAside().get(i), "setAside", i);
                files.add(old.setAside().get(i).valuesFile());
            }
        } catch (IOException e) {
            LOG.warn("Not deleting values files of removed releases: the previous {} cannot be read: {}", MANIFEST,
                    e.getMessage());
            files.clear();
        }
        return files;
    }

    private static List<String> valuesFileNames(List<ChartRelease> releases) {
        Set<String> taken = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (ChartRelease release : releases) {
            String base = fileSafe(release.name());
            String name = base;
            if (taken.contains(name.toLowerCase(Locale.ROOT))) {
                base = fileSafe(release.name() + "." + release.namespace());
                name = base;
            }
            for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n;
            }
            taken.add(name.toLowerCase(Locale.ROOT));
            names.add(VALUES_FOLDER + "/" + name + ".yaml");
        }
        return names;
    }

    private static String fileSafe(String text) {
        String safe = text.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        return safe.isEmpty() ? "release" : safe;
    }

    private Path valuesFile(WorkspaceManifest.Entry entry, String key, int index) throws WorkspaceException {
        Path relative;
        try {
            relative = Path.of(entry.valuesFile());
        } catch (InvalidPathException e) {
            relative = null;
        }
        Path resolved = relative == null ? null : folder.resolve(relative).normalize();
        if (relative == null || relative.isAbsolute() || !resolved.startsWith(folder)
                || resolved.equals(manifestFile()) || resolved.equals(folder)) {
            throw new WorkspaceException(manifestFile(), entry.line(), key + "[" + index + "].valuesFile",
                    "\"" + entry.valuesFile() + "\" is not a file inside the workspace folder");
        }
        return resolved;
    }

    private String readText(Path file, WorkspaceManifest.Entry namedBy) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            String problem = namedBy == null ? "missing: this folder holds no saved plan"
                    : "missing; " + MANIFEST + " names it for release " + namedBy.name() + " at line "
                    + namedBy.line();
            throw new WorkspaceException(file, 0, "", problem);
        } catch (CharacterCodingException e) {
            throw new WorkspaceException(file, 0, "", "not UTF-8 text");
        }
    }
}
