package dev.meshwizard.observe;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One request (or TCP connection) from an Envoy access log. Fields that the log leaves empty ({@code -}) are empty
 * strings; {@code status} is 0 when there was no HTTP response (a TCP connection, or a reset before one).
 *
 * @param time                 when the request started
 * @param method               the HTTP method, empty for TCP
 * @param path                 the original path (before rewrites), empty for TCP
 * @param protocol             e.g. {@code HTTP/1.1}, empty for TCP
 * @param status               the response code, 0 for none
 * @param flags                the response flags' codes in the log's order, e.g. {@code [UH]}; empty when none
 * @param details              the response code details, e.g. {@code via_upstream}, {@code route_not_found}
 * @param terminationDetails   why the connection was terminated, when Envoy says
 * @param upstreamFailure      why the connection to the destination failed (TLS errors and the like)
 * @param bytesReceived        body bytes received from the client
 * @param bytesSent            body bytes sent to the client
 * @param durationMillis       total time of the request in milliseconds
 * @param upstreamServiceTime  the destination's own time in milliseconds, when it answered
 * @param forwardedFor         the {@code x-forwarded-for} header
 * @param userAgent            the {@code user-agent} header
 * @param requestId            the {@code x-request-id} header
 * @param authority            the host the client asked for
 * @param upstreamHost         the endpoint the request went to, e.g. {@code 10.44.1.27:9080}
 * @param upstreamCluster      the Envoy cluster, e.g. {@code outbound|9080|v1|reviews.default.svc.cluster.local}
 * @param upstreamLocalAddress the proxy's own address towards the destination
 * @param downstreamLocalAddress the address the client connected to
 * @param downstreamRemoteAddress the client's address
 * @param serverName           the TLS server name the client asked for
 * @param routeName            the name of the route that matched
 */
public record AccessLogEntry(Instant time, String method, String path, String protocol, int status,
                             List<String> flags, String details, String terminationDetails, String upstreamFailure,
                             long bytesReceived, long bytesSent, long durationMillis, OptionalLong upstreamServiceTime,
                             String forwardedFor, String userAgent, String requestId, String authority,
                             String upstreamHost, String upstreamCluster, String upstreamLocalAddress,
                             String downstreamLocalAddress, String downstreamRemoteAddress, String serverName,
                             String routeName) {

    public AccessLogEntry {
        Objects.requireNonNull(time, "time");
        flags = List.copyOf(flags);
        Objects.requireNonNull(upstreamServiceTime, "upstreamServiceTime");
    }

    /** The flags this catalog explains, in the log's order; codes it does not know are left out. */
    public List<ResponseFlag> knownFlags() {
        return flags.stream().map(ResponseFlag::of).flatMap(Optional::stream).toList();
    }

    /** The flags' codes that {@link ResponseFlag} does not know. */
    public List<String> unknownFlags() {
        return flags.stream().filter(code -> ResponseFlag.of(code).isEmpty()).toList();
    }

    /** True for a response code from 200 to 399. */
    public boolean succeeded() {
        return status >= 200 && status < 400;
    }

    /** The subset in the upstream cluster's name ({@code outbound|9080|v2|reviews…} gives {@code v2}), if any. */
    public Optional<String> upstreamSubset() {
        String[] parts = upstreamCluster.split("\\|", -1);
        return parts.length == 4 && !parts[2].isEmpty() ? Optional.of(parts[2]) : Optional.empty();
    }
}
