package dev.meshwizard.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Envoy access-log lines in Istio's default text format (the {@code envoy} provider with
 * {@code accessLogEncoding: TEXT}):
 *
 * <pre>
 * [%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%" %RESPONSE_CODE% %RESPONSE_FLAGS%
 * %RESPONSE_CODE_DETAILS% %CONNECTION_TERMINATION_DETAILS% "%UPSTREAM_TRANSPORT_FAILURE_REASON%" %BYTES_RECEIVED%
 * %BYTES_SENT% %DURATION% %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% "%REQ(X-FORWARDED-FOR)%" "%REQ(USER-AGENT)%"
 * "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%" %UPSTREAM_CLUSTER% %UPSTREAM_LOCAL_ADDRESS%
 * %DOWNSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_REMOTE_ADDRESS% %REQUESTED_SERVER_NAME% %ROUTE_NAME%
 * </pre>
 *
 * and the same fields in Istio's JSON encoding (one object a line, keys such as {@code start_time},
 * {@code response_code}, {@code response_flags}). Any other line comes back without an entry; parsing never throws.
 * Thread-safe.
 */
public final class AccessLogParser {

    private static final String FIELD = "(\\S+)";
    private static final String QUOTED = "\"([^\"]*)\"";
    private static final Pattern TEXT = Pattern.compile("^\\[([^\\]]+)] \"(\\S+) (\\S+) ([^\"]*)\" "
            + "(\\d+|-) " + FIELD + " " + FIELD + " " + FIELD + " " + QUOTED + " "
            + FIELD + " " + FIELD + " " + FIELD + " " + FIELD + " "
            + QUOTED + " " + QUOTED + " " + QUOTED + " " + QUOTED + " " + QUOTED + " "
            + FIELD + " " + FIELD + " " + FIELD + " " + FIELD + " " + FIELD + "(?: " + FIELD + ")?\\s*$");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses one line; a line that is not an access-log line comes back with its text and no entry. */
    public AccessLogLine parse(String line) {
        String text = line == null ? "" : stripNewline(line);
        Optional<AccessLogEntry> entry;
        try {
            String trimmed = text.strip();
            entry = trimmed.startsWith("{") ? json(trimmed) : text(trimmed);
        } catch (RuntimeException e) {
            entry = Optional.empty();
        }
        return new AccessLogLine(text, entry);
    }

    /** Parses each line in order. */
    public List<AccessLogLine> parseAll(List<String> lines) {
        return lines.stream().map(this::parse).toList();
    }

    private static Optional<AccessLogEntry> text(String line) {
        Matcher m = TEXT.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Instant> time = instant(m.group(1));
        if (time.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AccessLogEntry(time.get(), empty(m.group(2)), empty(m.group(3)), empty(m.group(4)),
                (int) number(m.group(5)), flags(m.group(6)), empty(m.group(7)), empty(m.group(8)),
                empty(m.group(9)), number(m.group(10)), number(m.group(11)), number(m.group(12)),
                optionalNumber(m.group(13)), empty(m.group(14)), empty(m.group(15)), empty(m.group(16)),
                empty(m.group(17)), empty(m.group(18)), empty(m.group(19)), empty(m.group(20)), empty(m.group(21)),
                empty(m.group(22)), empty(m.group(23)), m.group(24) == null ? "" : empty(m.group(24))));
    }

    private static Optional<AccessLogEntry> json(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (!node.isObject() || !node.hasNonNull("start_time") || !node.has("response_code")) {
            return Optional.empty();
        }
        Optional<Instant> time = instant(node.get("start_time").asText());
        if (time.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AccessLogEntry(time.get(), str(node, "method"), str(node, "path"),
                str(node, "protocol"), (int) number(str(node, "response_code")), flags(str(node, "response_flags")),
                str(node, "response_code_details"), str(node, "connection_termination_details"),
                str(node, "upstream_transport_failure_reason"), number(str(node, "bytes_received")),
                number(str(node, "bytes_sent")), number(str(node, "duration")),
                optionalNumber(str(node, "upstream_service_time")), str(node, "x_forwarded_for"),
                str(node, "user_agent"), str(node, "request_id"), str(node, "authority"), str(node, "upstream_host"),
                str(node, "upstream_cluster"), str(node, "upstream_local_address"),
                str(node, "downstream_local_address"), str(node, "downstream_remote_address"),
                str(node, "requested_server_name"), str(node, "route_name")));
    }

    private static String str(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? "" : empty(value.asText());
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String empty(String field) {
        return "-".equals(field) ? "" : field;
    }

    private static List<String> flags(String field) {
        String value = empty(field);
        return value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(String::strip)
                .filter(code -> !code.isEmpty()).toList();
    }

    private static long number(String field) {
        String value = empty(field);
        return value.isEmpty() ? 0 : Long.parseLong(value);
    }

    private static OptionalLong optionalNumber(String field) {
        String value = empty(field);
        return value.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    }

    private static String stripNewline(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }
}
