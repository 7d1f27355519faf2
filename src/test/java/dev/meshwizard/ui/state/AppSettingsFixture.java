package dev.meshwizard.ui.state;

import java.nio.file.Path;

/** Settings for tests: never read from or written to the user's config folder. */
public final class AppSettingsFixture {

    private AppSettingsFixture() {
    }

    /** Fresh settings backed by a file that does not exist (saving is not expected). */
    public static AppSettings inMemory() {
        return AppSettings.load(Path.of("target", "no-such-settings-" + System.nanoTime() + ".properties"));
    }
}
