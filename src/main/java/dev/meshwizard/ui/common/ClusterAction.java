package dev.meshwizard.ui.common;

import dev.meshwizard.cluster.ClusterSession;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A change to a cluster as the user is asked to confirm it: what it does, where (context, API server,
 * namespace), how much changes, and the equivalent helm/kubectl command lines.
 *
 * @param action    what it does, e.g. {@code Roll back istiod to revision 1}
 * @param context   kubeconfig context
 * @param server    API server URL
 * @param namespace namespace it changes ("" when several or none)
 * @param changes   what will change, with counts, e.g. {@code 1 release gets revision 3 with revision 1's values}
 * @param commands  the equivalent helm/kubectl lines, for "Copy as commands"
 * @param local     true for the simulated API and local clusters (kind, k3d, minikube, Docker Desktop…), the only
 *                  contexts whose confirmation may be turned off
 */
public record ClusterAction(String action, String context, String server, String namespace, String changes,
                            String commands, boolean local) {

    private static final Pattern LOCAL_CONTEXT = Pattern.compile(
            "(kind|k3d|k3s)-.*|minikube|docker-desktop|docker-for-desktop|rancher-desktop|orbstack|colima.*");

    /** An action on the session's cluster. */
    public static ClusterAction on(ClusterSession session, String action, String namespace, String changes,
                                   String commands) {
        String context = session.context().name();
        String server = session.context().server();
        return new ClusterAction(action, context, server, namespace, changes, commands,
                session.simulated() || isLocal(context, server));
    }

    /** Whether a context is a local one: a known local distribution's context name or a loopback API server. */
    public static boolean isLocal(String context, String server) {
        if (context != null && LOCAL_CONTEXT.matcher(context.toLowerCase(Locale.ROOT)).matches()) {
            return true;
        }
        try {
            String host = server == null ? null : URI.create(server).getHost();
            return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                    || host.equals("::1") || host.equals("host.docker.internal")
                    || host.equals("kubernetes.docker.internal"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The confirming button's text, e.g. {@code Roll back istiod to revision 1 on context prod-eu}. */
    public String buttonText() {
        return action + " on context " + context;
    }

    /** The question shown above the buttons. */
    public String question() {
        return action + "?\nContext " + context + ", API server " + server
                + (namespace.isBlank() ? "" : ", namespace " + namespace) + ".\n" + changes;
    }
}
