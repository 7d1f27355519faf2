package dev.meshwizard.observe;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of a proxy's log: the raw text and, when it is an access-log line, the request it records. Other lines
 * (the proxy's own messages, startup output) have no entry.
 */
public record AccessLogLine(String raw, Optional<AccessLogEntry> entry) {

    public AccessLogLine {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(entry, "entry");
    }

    /** True when the line is an access-log line. */
    public boolean isAccessLog() {
        return entry.isPresent();
    }
}
