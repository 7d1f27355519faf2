package dev.meshwizard.plan;

/**
 * How an AWS Network Load Balancer decides that an ingress gateway pod may receive traffic. The two choices check
 * different things, and the difference shows when something behind the gateway fails or a pod shuts down.
 *
 * <ul>
 *   <li>{@link #HTTP_STATUS_PORT}: HTTP {@code GET /healthz/ready} on port 15021, the gateway's status port. The
 *   pod's Envoy answers 200 when it has its configuration and is not draining. One check stands for every
 *   listener; it checks the gateway pod itself, not the services behind it, so a broken backend does not take
 *   the gateway out of the load balancer. With IP targets the load balancer reaches port 15021 on the pod
 *   directly: security groups must allow it.</li>
 *   <li>{@link #TCP_TRAFFIC_PORT}: a TCP connection to each listener's own port (80, 443, …) on every pod. It
 *   proves that something accepts connections on that port, not that the gateway is ready to route; a pod that
 *   is draining keeps passing until it closes its listeners.</li>
 * </ul>
 */
public enum HealthCheck {
    HTTP_STATUS_PORT("HTTP on the status port (15021, /healthz/ready)",
            "The load balancer asks each gateway pod GET /healthz/ready on port 15021, the gateway's status port."
                    + " Envoy answers 200 once it has its configuration and stops answering while it drains, so pods"
                    + " leave the load balancer before they stop. It checks the gateway pod itself, not the services"
                    + " behind it: a failing backend does not mark the gateway unhealthy. Security groups must let the"
                    + " load balancer reach port 15021 on the pods."),
    TCP_TRAFFIC_PORT("TCP on each traffic port",
            "The load balancer opens a TCP connection to each listener's own port (80, 443, …) on every pod. It"
                    + " shows that the port accepts connections, not that the gateway is ready to route; a pod that"
                    + " is shutting down keeps passing until it closes its listeners. Nothing is checked beyond the"
                    + " gateway's ports.");

    private final String label;
    private final String description;

    HealthCheck(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** A short name for a choice list. */
    public String label() {
        return label;
    }

    /** What this check tests and what it does not, in a few sentences for the user choosing. */
    public String description() {
        return description;
    }
}
