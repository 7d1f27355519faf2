package dev.meshwizard.observe;

/**
 * A configuration mistake that the mesh analysis looks for and that commonly explains a response flag in the
 * access logs: a 404 with {@code NR} at the ingress usually means the Gateway and the VirtualService do not meet,
 * a 503 with {@code UH} that a route points at a subset whose pods do not exist or are not ready.
 */
public enum RelatedCheck {

    /** A VirtualService bound to a Gateway names a host that none of the Gateway's servers accepts. */
    GATEWAY_HOST_MISMATCH("MW0106", "A VirtualService host is not covered by the hosts of the Gateway it is bound to"),
    /** A Gateway's selector matches no ingress gateway pods, so no proxy serves its routes. */
    GATEWAY_SELECTOR_NO_PODS("MW0104", "The Gateway's selector matches no gateway pods"),
    /** A Gateway server listens on a port that is not a targetPort of the gateway Service. */
    GATEWAY_PORT_NOT_EXPOSED("MW0105", "The Gateway's server port is not a targetPort of the gateway Service"),
    /** A route's destination host is not a Service (or ServiceEntry) the mesh knows. */
    HOST_NOT_FOUND("MW0101", "A route's destination host names no known Service"),
    /** A route names a subset that no DestinationRule for its host defines. */
    SUBSET_NOT_DEFINED("MW0102", "A route names a subset that no DestinationRule defines"),
    /** A DestinationRule subset's labels select no (ready) pods of its Service. */
    SUBSET_NO_PODS("MW0103", "A DestinationRule subset selects no pods"),
    /** A route's destination port is not one of its host's ports, or is missing where the host has several. */
    DESTINATION_PORT("MW0113", "A route's destination port does not fit its host"),
    /** A VirtualService names a Gateway that does not exist, so no gateway applies its routes. */
    GATEWAY_NOT_FOUND("MW0114", "A VirtualService names a Gateway that does not exist"),
    /** A VirtualService rule is never used: an earlier rule takes its requests. */
    RULE_UNREACHABLE("MW0108", "A VirtualService rule is never used");

    private final String code;
    private final String description;

    RelatedCheck(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The code of the mesh analysis check that finds this mistake, e.g. {@code MW0103}. */
    public String code() {
        return code;
    }

    /** {@code MW0103 A DestinationRule subset selects no pods}: how the check is named to users. */
    public String label() {
        return code + " " + description;
    }

    /** What the check finds, in plain words. */
    public String description() {
        return description;
    }
}
