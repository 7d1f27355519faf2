package dev.meshwizard.plan;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where Mesh Wizard keeps its files on the user's machine, following the XDG base directory rules: downloaded charts
 * under {@code $XDG_CACHE_HOME} (else {@code $HOME/.cache}), settings under {@code $XDG_CONFIG_HOME} (else
 * {@code $HOME/.config}), the default workspace under {@code $XDG_DATA_HOME} (else {@code $HOME/.local/share}),
 * each in a {@code mesh-wizard} folder. An XDG variable that is empty or not an absolute path is ignored, as the rules
 * say; {@code $HOME} wins over the account's home folder Java reports. The system properties
 * {@value #CACHE_PROPERTY} and {@value #CONFIG_PROPERTY} override all of that (tests use them).
 *
 * @param env        the environment variables
 * @param properties the system properties
 */
public record UserFolders(Function<String, String> env, Function<String, String> properties) {

    /** Overrides the charts cache folder. */
    public static final String CACHE_PROPERTY = "meshwizard.cache.dir";
    /** Overrides the settings folder (and puts the default workspace in it). */
    public static final String CONFIG_PROPERTY = "meshwizard.config.dir";

    private static final String APP = "mesh-wizard";

    public UserFolders {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(properties, "properties");
    }

    /** The folders of this process: its environment and system properties. */
    public static UserFolders ofThisProcess() {
        return new UserFolders(System::getenv, System::getProperty);
    }

    /** The folders for a given environment and system properties. */
    public static UserFolders of(Map<String, String> env, Map<String, String> properties) {
        return new UserFolders(env::get, properties::get);
    }

    /** Where downloaded charts are kept. */
    public Path chartsCache() {
        String override = properties.apply(CACHE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return base("XDG_CACHE_HOME", ".cache").resolve(APP).resolve("charts");
    }

    /** Where the settings file and the list of recent workspaces live. */
    public Path config() {
        String override = properties.apply(CONFIG_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return base("XDG_CONFIG_HOME", ".config").resolve(APP);
    }

    /** The workspace used until the user picks another. */
    public Path defaultWorkspace() {
        String override = properties.apply(CONFIG_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override, "workspace");
        }
        return base("XDG_DATA_HOME", ".local/share").resolve(APP).resolve("workspace");
    }

    /** The user's home folder: {@code $HOME} when it is an absolute path, else the one Java reports. */
    public Path home() {
        return absolute(env.apply("HOME")).orElseGet(() -> Path.of(Objects.requireNonNullElse(
                properties.apply("user.home"), ".")));
    }

    private Path base(String variable, String underHome) {
        return absolute(env.apply(variable)).orElseGet(() -> home().resolve(underHome));
    }

    private static java.util.Optional<Path> absolute(String value) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            Path path = Path.of(value);
            return path.isAbsolute() ? java.util.Optional.of(path) : java.util.Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return java.util.Optional.empty();
        }
    }
}
