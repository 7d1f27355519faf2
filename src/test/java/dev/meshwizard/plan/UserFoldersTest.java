package dev.meshwizard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserFoldersTest {

    private static final Map<String, String> JAVA = Map.of("user.home", "/home/account");

    @Test
    void theXdgFoldersAreUsedWhenSet() {
        UserFolders folders = UserFolders.of(Map.of("XDG_CACHE_HOME", "/x/cache", "XDG_CONFIG_HOME", "/x/config",
                "XDG_DATA_HOME", "/x/data", "HOME", "/home/me"), JAVA);

        assertThat(folders.chartsCache()).isEqualTo(Path.of("/x/cache/mesh-wizard/charts"));
        assertThat(folders.config()).isEqualTo(Path.of("/x/config/mesh-wizard"));
        assertThat(folders.defaultWorkspace()).isEqualTo(Path.of("/x/data/mesh-wizard/workspace"));
    }

    @Test
    void withoutXdgTheFoldersAreUnderHomeAndHomeWinsOverTheAccountsHome() {
        UserFolders folders = UserFolders.of(Map.of("HOME", "/home/me"), JAVA);

        assertThat(folders.chartsCache()).isEqualTo(Path.of("/home/me/.cache/mesh-wizard/charts"));
        assertThat(folders.config()).isEqualTo(Path.of("/home/me/.config/mesh-wizard"));
        assertThat(folders.defaultWorkspace()).isEqualTo(Path.of("/home/me/.local/share/mesh-wizard/workspace"));
    }

    @Test
    void relativeOrEmptyXdgPathsAreIgnoredAsTheSpecificationSays() {
        UserFolders folders = UserFolders.of(Map.of("XDG_CACHE_HOME", "cache", "XDG_CONFIG_HOME", "",
                "HOME", "relative/home"), JAVA);

        assertThat(folders.chartsCache()).isEqualTo(Path.of("/home/account/.cache/mesh-wizard/charts"));
        assertThat(folders.config()).isEqualTo(Path.of("/home/account/.config/mesh-wizard"));
    }

    @Test
    void theSystemPropertiesOverrideEverything() {
        UserFolders folders = UserFolders.of(Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/home/me"),
                Map.of("meshwizard.cache.dir", "/tmp/c", "meshwizard.config.dir", "/tmp/s"));

        assertThat(folders.chartsCache()).isEqualTo(Path.of("/tmp/c"));
        assertThat(folders.config()).isEqualTo(Path.of("/tmp/s"));
        assertThat(folders.defaultWorkspace()).isEqualTo(Path.of("/tmp/s/workspace"));
    }
}
