package dev.meshwizard.testing;

import io.fabric8.mockwebserver.http.MockResponse;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pod endpoints that the CRUD mock answers wrongly (with the pod list): a container's log, and port-forwards
 * (a WebSocket relayed to a local address, see {@link PodPortForward}). Both serve only what a test set up.
 */
final class PodEndpoints {

    private static final Pattern POD_LOG = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/log");
    private static final Pattern PORT_FORWARD = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/portforward");
    private static final Pattern PORTS_PARAM = Pattern.compile("[?&]ports=(\\d+)");
    private static final Pattern CONTAINER_PARAM = Pattern.compile("[?&]container=([^&]+)");
    private static final Pattern TAIL_LINES_PARAM = Pattern.compile("[?&]tailLines=(\\d+)");

    private final Map<String, String> logs = new ConcurrentHashMap<>();
    private final Map<String, InetSocketAddress> ports = new ConcurrentHashMap<>();

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
            return Optional.of(portForward(forward.group(1), forward.group(2), fullPath));
        }
        Matcher log = POD_LOG.matcher(path);
        if (log.matches()) {
            return Optional.of(log(log.group(1), log.group(2), fullPath));
        }
        return Optional.empty();
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
        return new MockResponse().withWebSocketUpgrade(new PodPortForward(target, port));
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
