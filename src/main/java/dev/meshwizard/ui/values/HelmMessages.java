package dev.meshwizard.ui.values;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the line of a values file that a Helm message is about, so the editor can mark it. */
final class HelmMessages {

    // e.g. "additional properties 'foo' not allowed", "at '/service/type': value must be one of ..."
    private static final Pattern PROPERTY = Pattern.compile("additional propert(?:y|ies) '([^']+)'");
    private static final Pattern POINTER = Pattern.compile("at '/([^']+)'");

    private HelmMessages() {
    }

    /** The 1-based line of the key the message names, or 1 when it names none found in the text. */
    static int lineOf(String message, String text) {
        String key = null;
        Matcher property = PROPERTY.matcher(message);
        if (property.find()) {
            key = property.group(1);
        } else {
            Matcher pointer = POINTER.matcher(message);
            if (pointer.find()) {
                String[] parts = pointer.group(1).split("/");
                key = parts[parts.length - 1];
            }
        }
        if (key == null) {
            return 1;
        }
        String[] lines = text.split("\n", -1);
        Pattern keyLine = Pattern.compile("^\\s*(- )?\"?" + Pattern.quote(key) + "\"?\\s*:");
        for (int i = 0; i < lines.length; i++) {
            if (keyLine.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 1;
    }
}
