package dev.meshwizard.ui.common;

import java.time.Duration;
import java.time.Instant;

/** Formats ages the way kubectl does: 45s, 12m, 5h, 3d, 2y. */
public final class Ages {

    private Ages() {
    }

    public static String format(Instant created, Instant now) {
        if (created == null) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(created, now).getSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long rest = seconds % 60;
            return rest == 0 ? minutes + "m" : minutes + "m" + rest + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            long rest = minutes % 60;
            return rest == 0 ? hours + "h" : hours + "h" + rest + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        long days = hours / 24;
        if (days < 8) {
            long rest = hours % 24;
            return rest == 0 ? days + "d" : days + "d" + rest + "h";
        }
        if (days < 365 * 2) {
            return days + "d";
        }
        return days / 365 + "y";
    }
}
