package dev.meshwizard.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSettingsTest {

    @TempDir
    Path dir;

    @Test
    void themeWindowContextAndNamespacesSurviveARestart() {
        Path file = dir.resolve("nested/settings.properties");
        AppSettings first = AppSettings.load(file);
        first.darkTheme(true);
        first.windowBounds(10, 20, 1300, 850);
        first.lastContext("kind-istio");
        first.kubeconfigFile(Path.of("/tmp/other-config"));
        first.watchedNamespaces(new LinkedHashSet<>(List.of("istio-system", "bookinfo")));
        first.save();

        AppSettings second = AppSettings.load(file);

        assertThat(second.darkTheme()).isTrue();
        assertThat(second.windowBounds()).hasValueSatisfying(b -> assertThat(b).containsExactly(10, 20, 1300, 850));
        assertThat(second.lastContext()).hasValue("kind-istio");
        assertThat(second.kubeconfigFile()).hasValue(Path.of("/tmp/other-config"));
        assertThat(second.watchedNamespaces()).containsExactly("istio-system", "bookinfo");
    }

    @Test
    void aFirstRunHasLightThemeAndWatchesIstioSystem() {
        AppSettings fresh = AppSettings.load(dir.resolve("absent.properties"));

        assertThat(fresh.darkTheme()).isFalse();
        assertThat(fresh.windowBounds()).isEmpty();
        assertThat(fresh.lastContext()).isEmpty();
        assertThat(fresh.watchedNamespaces()).containsExactly("istio-system");
    }

    @Test
    void damagedBoundsAreIgnoredRatherThanOpeningATinyWindow() throws Exception {
        Path file = dir.resolve("settings.properties");
        Files.writeString(file, "window.bounds=1,2,abc,4\ntheme.dark=true\n");

        AppSettings settings = AppSettings.load(file);

        assertThat(settings.windowBounds()).isEmpty();
        assertThat(settings.darkTheme()).isTrue();
    }

    @Test
    void eachChangeIsWrittenAtOnceSoASessionThatEndsAbruptlyLosesNothing() {
        // Given settings that are changed but never explicitly saved (the app killed before it could stop)
        Path file = dir.resolve("settings.properties");
        AppSettings first = AppSettings.load(file);
        first.darkTheme(true);
        first.watchedNamespaces(new LinkedHashSet<>(List.of("istio-system", "shop")));
        first.watchAllNamespaces(true);
        first.lastContext("kind-mesh");
        first.windowBounds(0, 0, 1366, 768);
        first.skipConfirmation("kind-mesh", true);

        // When they are read again
        AppSettings second = AppSettings.load(file);

        // Then every value is there
        assertThat(second.darkTheme()).isTrue();
        assertThat(second.watchedNamespaces()).containsExactly("istio-system", "shop");
        assertThat(second.watchAllNamespaces()).isTrue();
        assertThat(second.lastContext()).hasValue("kind-mesh");
        assertThat(second.windowBounds()).hasValueSatisfying(b -> assertThat(b).containsExactly(0, 0, 1366, 768));
        assertThat(second.skipsConfirmation("kind-mesh")).isTrue();
        assertThat(second.skipsConfirmation("prod")).isFalse();
    }
}
