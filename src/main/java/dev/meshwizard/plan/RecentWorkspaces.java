package dev.meshwizard.plan;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspaces opened last, newest first, at most {@value #MAX}, kept in {@value #FILE} in the application's
 * configuration folder. A missing or unreadable file reads as an empty list.
 */
public final class RecentWorkspaces {

    /** How many workspaces are remembered. */
    public static final int MAX = 10;

    /** The file name in the configuration folder. */
    public static final String FILE = "recent-workspaces.properties";

    private static final Logger LOG = LoggerFactory.getLogger(RecentWorkspaces.class);
    private static final String KEY = "workspace.";

    private final Path file;

    /** The list kept in {@code configDir}; the folder is created on the first change. */
    public RecentWorkspaces(Path configDir) {
        this.file = Objects.requireNonNull(configDir, "configDir").resolve(FILE);
    }

    /** The remembered workspace folders, newest first, as absolute paths. */
    public synchronized List<Path> list() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Ignoring the unreadable list of recent workspaces {}: {}", file, e.toString());
            return List.of();
        }
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i <= MAX; i++) {
            String value = properties.getProperty(KEY + i);
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                Path path = normalize(Path.of(value));
                if (!paths.contains(path)) {
                    paths.add(path);
                }
            } catch (InvalidPathException e) {
                LOG.debug("Skipping recent workspace {}: {}", value, e.getMessage());
            }
        }
        return List.copyOf(paths);
    }

    /** Puts a workspace first (moving it up if it was already listed), drops the oldest beyond {@value #MAX}. */
    public synchronized List<Path> add(Path workspace) throws IOException {
        Path path = normalize(workspace);
        List<Path> paths = new ArrayList<>(list());
        paths.remove(path);
        paths.add(0, path);
        return store(paths.subList(0, Math.min(MAX, paths.size())));
    }

    /** Forgets a workspace, e.g. one whose folder is gone. */
    public synchronized List<Path> remove(Path workspace) throws IOException {
        List<Path> paths = new ArrayList<>(list());
        return paths.remove(normalize(workspace)) ? store(paths) : List.copyOf(paths);
    }

    private List<Path> store(List<Path> paths) throws IOException {
        Properties properties = new Properties();
        for (int i = 0; i < paths.size(); i++) {
            properties.setProperty(KEY + (i + 1), paths.get(i).toString());
        }
        StringWriter text = new StringWriter();
        properties.store(text, "Mesh Wizard: recently opened workspaces, newest first");
        AtomicFiles.write(file, text.toString());
        return List.copyOf(paths);
    }

    private static Path normalize(Path path) {
        return Objects.requireNonNull(path, "workspace").toAbsolutePath().normalize();
    }
}
