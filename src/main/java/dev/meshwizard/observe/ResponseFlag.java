package dev.meshwizard.observe;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Envoy's response flags as they appear in the access log ({@code %RESPONSE_FLAGS%}), each with what it means in
 * plain words and what usually fixes it. Flags that a configuration mistake commonly causes name the mesh checks
 * that find that mistake ({@link #relatedChecks()}).
 */
public enum ResponseFlag {

    NR("No route", "Envoy had no route for the request's host and path (404), or no listener filter chain for the "
            + "connection.",
            "Check that a VirtualService bound to this gateway (or mesh) lists the request's host and a matching "
            + "path, and that the Gateway's hosts and selector fit the gateway pods.",
            RelatedCheck.GATEWAY_HOST_MISMATCH, RelatedCheck.GATEWAY_SELECTOR_NO_PODS,
            RelatedCheck.GATEWAY_PORT_NOT_EXPOSED, RelatedCheck.GATEWAY_NOT_FOUND, RelatedCheck.RULE_UNREACHABLE),
    UH("No healthy upstream", "The destination cluster has no healthy endpoint to send the request to (503).",
            "Make sure the destination's pods are running and ready, and that every DestinationRule subset's labels "
            + "select pods that exist.",
            RelatedCheck.SUBSET_NO_PODS, RelatedCheck.HOST_NOT_FOUND),
    UF("Upstream connection failure", "Envoy could not open a connection to the chosen endpoint (503).",
            "Look at the destination pod: is it listening on the port, crashing, or refusing mutual TLS (a "
            + "DestinationRule's tls mode that does not fit the PeerAuthentication)?"),
    URX("Retry limit exceeded", "The request was retried as often as allowed (or TCP connect attempts ran out) "
            + "and every try failed.",
            "Find why the individual tries fail (often UF or UH on the same destination); raise retries only once "
            + "the cause is fixed."),
    NC("No cluster", "The route points at an upstream cluster that Envoy does not know (503).",
            "A route names a subset that no DestinationRule defines, or a host the mesh does not know: define the "
            + "subset or fix the route's destination.",
            RelatedCheck.SUBSET_NOT_DEFINED, RelatedCheck.HOST_NOT_FOUND, RelatedCheck.DESTINATION_PORT),
    DC("Downstream connection terminated", "The client closed the connection before the response was complete.",
            "Usually the client gave up (its own timeout, a cancelled browser request); compare with the "
            + "request's duration."),
    UO("Upstream overflow", "Circuit breaking: the destination's connection or request limits were reached (503).",
            "Raise connectionPool limits in the DestinationRule or add capacity to the destination."),
    UT("Upstream request timeout", "The destination did not answer within the route's timeout (504).",
            "Check the destination's latency, or raise the VirtualService's timeout for this route."),
    LR("Local reset", "Envoy itself reset the connection to the destination.",
            "Often a connection reset while the proxy was restarting or draining; look at the proxy's own log "
            + "around this time."),
    UR("Upstream remote reset", "The destination reset the connection.",
            "Look at the destination's log: it may crash, close idle connections early or speak another protocol "
            + "on this port (name the Service port with its protocol, e.g. http- or grpc-)."),
    UC("Upstream connection terminated", "The destination closed the connection before answering (503).",
            "Often an idle-timeout race or the application closing keep-alive connections; check the "
            + "destination's keep-alive settings."),
    LH("Local health check failed", "The local service failed Envoy's health check (503).",
            "Check the application's health and the pod's readiness probe."),
    RL("Rate limited", "The request was refused by local or global rate limiting (429).",
            "Raise the rate limit or slow the client down."),
    UAEX("Not authorised by external service", "An external authorisation service denied the request (403).",
            "Look at the authorisation service's decision log and the AuthorizationPolicy with action CUSTOM."),
    RLSE("Rate limit service error", "The rate limit service failed or could not be reached, and requests are "
            + "refused when it fails.",
            "Check the rate limit service, or let requests through when it fails."),
    IH("Invalid headers", "The request had an invalid value in a header Envoy checks strictly (400).",
            "Fix the client's headers (e.g. x-envoy-* headers)."),
    SI("Stream idle timeout", "No data flowed on the stream for longer than the idle timeout (408).",
            "Raise the idle timeout for long-polling or streaming clients, or make them send keep-alives."),
    DI("Delay injected", "A fault-injection delay from a VirtualService was applied to this request.",
            "Expected while a fault-injection rule is in place; remove the fault block to stop it."),
    FI("Fault injected", "A fault-injection abort from a VirtualService answered this request.",
            "Expected while a fault-injection rule is in place; remove the fault block to stop it."),
    DPE("Downstream protocol error", "The client sent a request Envoy could not parse as the expected protocol.",
            "Check the client's protocol against the port (plain HTTP to a TLS port, HTTP/1 to an h2-only port)."),
    UPE("Upstream protocol error", "The destination answered in a way Envoy could not parse.",
            "Name the Service port with the protocol the application speaks (http-, http2-, grpc-, tcp-)."),
    UMSDR("Max stream duration reached", "The request ran longer than the maximum stream duration (408).",
            "Raise the max stream duration, or keep requests shorter."),
    OM("Overload manager", "The proxy refused the request because it was overloaded (503).",
            "Give the proxy more memory or CPU, or reduce its load."),
    DF("DNS resolution failed", "Envoy could not resolve the destination's DNS name (503).",
            "Check the ServiceEntry's hosts and resolution, and that the name resolves from inside the cluster."),
    DO("Drop overload", "The request was dropped on purpose by the destination's drop-overload setting (503).",
            "Check the drop-overload setting of the destination."),
    DT("Duration timeout", "The request or connection ran longer than its maximum allowed duration.",
            "Raise the max connection or stream duration if long requests are expected.");

    private final String title;
    private final String explanation;
    private final String hint;
    private final List<RelatedCheck> relatedChecks;

    ResponseFlag(String title, String explanation, String hint, RelatedCheck... relatedChecks) {
        this.title = title;
        this.explanation = explanation;
        this.hint = hint;
        this.relatedChecks = List.of(relatedChecks);
    }

    /** The flag as the access log shows it, e.g. {@code UH}. */
    public String code() {
        return name();
    }

    /** A short name, e.g. "No healthy upstream". */
    public String title() {
        return title;
    }

    /** What happened, in plain words. */
    public String explanation() {
        return explanation;
    }

    /** What usually fixes it. */
    public String hint() {
        return hint;
    }

    /** The mesh checks that find the configuration mistakes behind this flag; empty for most flags. */
    public List<RelatedCheck> relatedChecks() {
        return relatedChecks;
    }

    /** The flag with this code, e.g. {@code "UH"}; empty for a code this catalog does not know. */
    public static Optional<ResponseFlag> of(String code) {
        return Arrays.stream(values()).filter(flag -> flag.name().equals(code)).findFirst();
    }
}
