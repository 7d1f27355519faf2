package dev.meshwizard.cli;

import java.util.Map;
import java.util.Optional;

/** Decides, before JavaFX is touched, whether a window can be opened at all. */
final class Display {

    private Display() {
    }

    /** Empty when a display looks usable, else the reason why not. */
    static Optional<String> missing(Map<String, String> env, String osName, String glassPlatform) {
        if ("Monocle".equalsIgnoreCase(glassPlatform)) {
            return Optional.empty();
        }
        String os = osName.toLowerCase();
        if (os.contains("win") || os.contains("mac")) {
            return Optional.empty();
        }
        boolean x11 = !env.getOrDefault("DISPLAY", "").isBlank();
        boolean wayland = !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        if (x11 || wayland) {
            return Optional.empty();
        }
        return Optional.of("no graphical display (DISPLAY and WAYLAND_DISPLAY are not set)");
    }
}
