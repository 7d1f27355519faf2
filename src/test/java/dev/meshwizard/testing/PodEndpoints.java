package dev.meshwizard.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pod endpoints that the CRUD mock answers wrongly (with the pod list): a container's log, and port-forwards
 * (a WebSocket relayed to a local address, see {@link PodPortForward}). Both serve only what a test set up, and only
 * while the pod exists: for a pod that is not stored (never created, or deleted) both answer as a real API server
 * does, 404 {@code pods "name" not found}, and a forward that is open when its pod goes is ended.
 */
final class PodEndpoints {

    private static final Pattern POD_LOG = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/log");
    private static final Pattern PORT_FORWARD = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/portforward");
    private static final Pattern PORTS_PARAM = Pattern.compile("[?&]ports=(\\d+)");
    private static final Pattern CONTAINER_PARAM = Pattern.compile("[?&]container=([^&]+)");
    private static final Pattern TAIL_LINES_PARAM = Pattern.compile("[?&]tailLines=(\\d+)");

    private final Map<String, String> logs = new ConcurrentHashMap<>();
    private final Map<String, InetSocketAddress> ports = new ConcurrentHashMap<>();
    private final Function<String, Optional<ObjectNode>> stored;

    /** @param stored the object stored at an API path, as a GET reads it */
    PodEndpoints(Function<String, Optional<ObjectNode>> stored) {
        this.stored = stored;
    }

    void podLog(String namespace, String pod, String container, String text) {
        logs.put(namespace + "/" + pod + "/" + container, text);
    }

    void podPort(String namespace, String pod, int port, InetSocketAddress target) {
        ports.put(namespace + "/" + pod + ":" + port, target);
    }

    /** The answer for a pod's log or port-forward; empty for any other request. */
    Optional<MockResponse> answer(String method, String path, String fullPath) {
        if (!"GET".equals(method)) {
            return Optional.empty();
        }
        Matcher forward = PORT_FORWARD.matcher(path);
        if (forward.matches()) {
            return Optional.of(exists(forward.group(1), forward.group(2))
                    ? portForward(forward.group(1), forward.group(2), fullPath) : podNotFound(forward.group(2)));
        }
        Matcher log = POD_LOG.matcher(path);
        if (log.matches()) {
            return Optional.of(exists(log.group(1), log.group(2)) ? log(log.group(1), log.group(2), fullPath)
                    : podNotFound(log.group(2)));
        }
        return Optional.empty();
    }

    private boolean exists(String namespace, String pod) {
        return stored.apply("/api/v1/namespaces/" + namespace + "/pods/" + pod).isPresent();
    }

    /** A real API server's answer for a pod's subresource when the pod is not there. */
    static MockResponse podNotFound(String pod) {
        Status status = new StatusBuilder().withStatus("Failure").withCode(404).withReason("NotFound")
                .withMessage("pods \"" + pod + "\" not found")
                .withNewDetails().withName(pod).withKind("pods").endDetails().build();
        return new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
                .setBody(Serialization.asJson(status));
    }

    /** The WebSocket of a port-forward to a pod's port that {@link #podPort} named; 404 for any other. */
    private MockResponse portForward(String namespace, String pod, String fullPath) {
        Matcher requested = PORTS_PARAM.matcher(fullPath);
        if (!requested.find()) {
            return SimulatedApiDispatcher.status(400, "BadRequest", "a port-forward needs ?ports=");
        }
        int port = Integer.parseInt(requested.group(1));
        InetSocketAddress target = ports.get(namespace + "/" + pod + ":" + port);
        if (target == null) {
            return SimulatedApiDispatcher.status(404, "NotFound", "pod " + namespace + "/" + pod + " has no port "
                    + port + " in the simulated API");
        }
        return new MockResponse().withWebSocketUpgrade(new PodPortForward(target, port,
                () -> exists(namespace, pod)));
    }

    /**
     * A container's log as told by {@link #podLog}, its last {@code tailLines} lines when asked. The answer ends
     * after the text, as a followed log ends when the container stops.
     */
    private MockResponse log(String namespace, String pod, String fullPath) {
        Matcher container = CONTAINER_PARAM.matcher(fullPath);
        String key = namespace + "/" + pod + "/" + (container.find() ? container.group(1) : "");
        String text = logs.get(key);
        if (text == null) {
            return SimulatedApiDispatcher.status(404, "NotFound", "no log for " + key + " in the simulated API");
        }
        Matcher tail = TAIL_LINES_PARAM.matcher(fullPath);
        if (tail.find()) {
            List<String> lines = text.lines().toList();
            int keep = Math.min(lines.size(), Integer.parseInt(tail.group(1)));
            text = lines.subList(lines.size() - keep, lines.size()).stream().map(line -> line + "\n")
                    .collect(Collectors.joining());
        }
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody(text);
    }
}
