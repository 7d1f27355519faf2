package dev.meshwizard.ui.state;

import dev.meshwizard.plan.AtomicFiles;
import dev.meshwizard.plan.UserFolders;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window remembers between runs: theme, size, last kubeconfig and context, watched namespaces.
 * Stored as a properties file in the user's config folder ({@code meshwizard.config.dir}, else
 * {@code $XDG_CONFIG_HOME/mesh-wizard}, else {@code $HOME/.config/mesh-wizard}; see {@link UserFolders}), written
 * atomically at each change.
 */
public final class AppSettings {

    private static final Logger LOG = LoggerFactory.getLogger(AppSettings.class);

    private final Path file;
    private final Properties props = new Properties();

    AppSettings(Path file) {
        this.file = file;
    }

    public static AppSettings load() {
        return load(defaultFolder().resolve("settings.properties"));
    }

    /** The settings kept in {@code file}; defaults when it is missing or unreadable. */
    public static AppSettings load(Path file) {
        AppSettings settings = new AppSettings(file);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Ignoring unreadable settings {}: {}", file, e.getMessage());
            }
        }
        return settings;
    }

    static Path defaultFolder() {
        return UserFolders.ofThisProcess().config();
    }

    public void save() {
        try {
            StringWriter out = new StringWriter();
            props.store(out, "Mesh Wizard settings");
            AtomicFiles.write(file, out.toString());
        } catch (IOException e) {
            LOG.warn("Could not save settings to {}: {}", file, e.getMessage());
        }
    }

    public boolean darkTheme() {
        return Boolean.parseBoolean(props.getProperty("theme.dark", "false"));
    }

    public void darkTheme(boolean dark) {
        put("theme.dark", Boolean.toString(dark));
    }

    /** x, y, width, height; empty when never saved. */
    public Optional<double[]> windowBounds() {
        String value = props.getProperty("window.bounds");
        if (value == null) {
            return Optional.empty();
        }
        try {
            double[] bounds = Arrays.stream(value.split(",")).mapToDouble(Double::parseDouble).toArray();
            return bounds.length == 4 && bounds[2] > 200 && bounds[3] > 150 ? Optional.of(bounds) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void windowBounds(double x, double y, double width, double height) {
        put("window.bounds", x + "," + y + "," + width + "," + height);
    }

    public boolean maximized() {
        return Boolean.parseBoolean(props.getProperty("window.maximized", "false"));
    }

    public void maximized(boolean maximized) {
        put("window.maximized", Boolean.toString(maximized));
    }

    /** The kubeconfig file the user opened last, when it was not the default one. */
    public Optional<Path> kubeconfigFile() {
        return Optional.ofNullable(props.getProperty("cluster.kubeconfig")).filter(s -> !s.isBlank()).map(Path::of);
    }

    public void kubeconfigFile(Path file) {
        setOrRemove("cluster.kubeconfig", file == null ? null : file.toString());
    }

    public Optional<String> lastContext() {
        return Optional.ofNullable(props.getProperty("cluster.context")).filter(s -> !s.isBlank());
    }

    public void lastContext(String context) {
        setOrRemove("cluster.context", context);
    }

    /** The workspace folder the plan lives in; a default folder under the user's data folder at first. */
    public Path workspace() {
        return Optional.ofNullable(props.getProperty("plan.workspace")).filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(AppSettings::defaultWorkspace);
    }

    public void workspace(Path folder) {
        setOrRemove("plan.workspace", folder == null ? null : folder.toString());
    }

    static Path defaultWorkspace() {
        return UserFolders.ofThisProcess().defaultWorkspace();
    }

    /** The folder this settings file lives in (for the list of recent workspaces). */
    public Path folder() {
        return file.getParent();
    }

    public Set<String> watchedNamespaces() {
        String value = props.getProperty("watch.namespaces", "istio-system");
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public void watchedNamespaces(Set<String> namespaces) {
        put("watch.namespaces", String.join(",", namespaces));
    }

    public boolean watchAllNamespaces() {
        return Boolean.parseBoolean(props.getProperty("watch.all", "false"));
    }

    public void watchAllNamespaces(boolean all) {
        put("watch.all", Boolean.toString(all));
    }

    private void setOrRemove(String key, String value) {
        if (value == null || value.isBlank()) {
            if (props.remove(key) != null) {
                save();
            }
        } else {
            put(key, value);
        }
    }

    /** Sets a value and writes the file at once when it changed: a session that ends abruptly loses nothing. */
    private void put(String key, String value) {
        if (!value.equals(props.setProperty(key, value))) {
            save();
        }
    }

    /** Whether the user turned off the question before cluster changes for a (local) context. */
    public boolean skipsConfirmation(String context) {
        return contexts("confirm.skip.contexts").contains(context);
    }

    public void skipConfirmation(String context, boolean skip) {
        Set<String> contexts = contexts("confirm.skip.contexts");
        if (skip) {
            contexts.add(context);
        } else {
            contexts.remove(context);
        }
        put("confirm.skip.contexts", String.join("\n", contexts));
        save();
    }

    private Set<String> contexts(String key) {
        return Arrays.stream(props.getProperty(key, "").split("\n")).filter(s -> !s.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
