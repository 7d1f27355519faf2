package dev.meshwizard.cluster.forward;


import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Objects;

/**
 * Opens port-forwards to pods for a session ({@link PodForward}); each is owned by the session and closed with it.
 */
public final class PortForwards {

    /** Opens one forward from a local port to a named pod: the part that talks to the API server. */
    @FunctionalInterface
    interface Opener {
        /** Opens the forward; closing the result stops it and frees the local port. */
        AutoCloseable open(String namespace, String pod, int remotePort, int localPort) throws IOException;
    }

    private final Owner owner;
    private final KubernetesClient client;
    private final Opener opener;

    /** Keeps the forwards this opens, to close them with their owner (the cluster session). */
    public interface Owner {
        /** Registers a forward to be closed with the owner. */
        void own(AutoCloseable forward);

        /** Forgets a forward that was closed on its own. */
        void disown(AutoCloseable forward);
    }

    public PortForwards(Owner owner, KubernetesClient client) {
        this(owner, client, fabric8(client));
    }

    PortForwards(Owner owner, KubernetesClient client, Opener opener) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.client = Objects.requireNonNull(client, "client");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /**
     * Forwards a local port to {@code remotePort} of the newest ready pod labelled {@code labelKey=labelValue} in
     * {@code namespace}, following a new pod when that one goes away.
     *
     * @param preferredLocalPort used when free on the loopback address, else any free port
     * @param listener           gets every state change, starting with the first
     */
    public PodForward open(String namespace, String labelKey, String labelValue, int remotePort,
                           int preferredLocalPort, PodForward.Listener listener) {
        FollowingForward forward = new FollowingForward(client, namespace, labelKey, labelValue, remotePort,
                freePort(preferredLocalPort), opener, listener, owner::disown);
        owner.own(forward);
        forward.start();
        return forward;
    }

    /** {@code preferred} when it can be bound on the loopback address, else a free port. */
    static int freePort(int preferred) {
        try (ServerSocket socket = new ServerSocket(preferred, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException again) {
                throw new IllegalStateException("No free local port", again);
            }
        }
    }

    /** True for a running pod whose Ready condition is true and that is not being deleted. */
    static boolean isReady(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null || pod.getStatus() == null
                || !"Running".equals(pod.getStatus().getPhase()) || pod.getStatus().getConditions() == null) {
            return false;
        }
        return pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static Opener fabric8(KubernetesClient client) {
        return (namespace, pod, remotePort, localPort) -> {
            LocalPortForward forward = client.pods().inNamespace(namespace).withName(pod)
                    .portForward(remotePort, InetAddress.getLoopbackAddress(), localPort);
            return forward;
        };
    }
}
