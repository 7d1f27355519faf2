package dev.meshwizard.cluster.forward;

import dev.meshwizard.job.Threads;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a container's log, like {@code kubectl logs -f <pod> -c istio-proxy --tail N}: each line goes to a
 * listener on the tail's own thread. Owned by the session that opened it; closing either stops it.
 */
public final class LogTail implements AutoCloseable {

    /** The sidecar container whose log carries Envoy's access log. */
    public static final String PROXY_CONTAINER = "istio-proxy";

    private static final Logger LOG = LoggerFactory.getLogger(LogTail.class);

    /** Gets the lines of a tail. Called on the tail's own thread; must not block for long. */
    public interface Listener {

        /** One line of the log, without its line break. */
        void line(String text);

        /** The log ended or could not be read; no more lines follow. Not called after {@link #close()}. */
        default void ended(String reason) {
        }
    }

    private final String what;
    private static final java.util.regex.Pattern STATUS_BODY =
            java.util.regex.Pattern.compile("^\\s*\\{.*\"kind\"\\s*:\\s*\"Status\"");
    private static final java.util.regex.Pattern STATUS_MESSAGE =
            java.util.regex.Pattern.compile("\"message\"\\s*:\\s*\"([^\"]*)\"");

    private final Listener listener;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile AutoCloseable source;
    private volatile Thread reader;
    private volatile Runnable onClose = () -> { };
    private volatile CompletionStage<Throwable> exit;

    private LogTail(String what, Listener listener) {
        this.what = what;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Starts following {@code container} of {@code pod}, beginning with its last {@code tailLines} lines.
     *
     * @throws IllegalStateException     when the pod does not exist or has no such container (no sidecar)
     * @throws KubernetesClientException when the pod cannot be read or the log cannot be requested
     */
    public static LogTail open(KubernetesClient client, String namespace, String pod, String container, int tailLines,
                        Listener listener) {
        Pod found = client.pods().inNamespace(namespace).withName(pod).get();
        if (found == null) {
            throw new IllegalStateException("Pod " + namespace + "/" + pod + " does not exist");
        }
        boolean hasContainer = Stream.concat(found.getSpec().getContainers().stream(),
                        Optional.ofNullable(found.getSpec().getInitContainers()).orElse(List.of()).stream())
                .anyMatch(c -> container.equals(c.getName()));
        if (!hasContainer) {
            throw new IllegalStateException("Pod " + namespace + "/" + pod + " has no container " + container
                    + (PROXY_CONTAINER.equals(container) ? " (no Istio sidecar)" : ""));
        }
        LogTail tail = new LogTail(namespace + "/" + pod + " " + container, listener);
        LogWatch watch = client.pods().inNamespace(namespace).withName(pod).inContainer(container)
                .tailingLines(tailLines).watchLog();
        tail.source = watch;
        tail.exit = watch.onClose();
        tail.start(watch.getOutput());
        return tail;
    }

    /** Follows lines from {@code in} until it ends or the tail is closed; {@code in} is closed with the tail. */
    static LogTail reading(String what, InputStream in, Listener listener) {
        LogTail tail = new LogTail(what, listener);
        tail.source = in;
        tail.start(in);
        return tail;
    }

    public void onClose(Runnable action) {
        this.onClose = action;
    }

    private void start(InputStream in) {
        reader = Threads.startDaemon("log-tail-" + what, () -> read(in));
    }

    private void read(InputStream in) {
        String reason = "The log of " + what + " ended (the container stopped or the connection closed)";
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while (!closed.get() && (line = lines.readLine()) != null) {
                Optional<String> refusal = refusal(line);
                if (refusal.isPresent()) {
                    // the API server's error body (the pod is gone): said once, never shown as a log line
                    if (!closed.get()) {
                        listener.ended(refusal.get());
                    }
                    return;
                }
                try {
                    listener.line(line);
                } catch (RuntimeException e) {
                    LOG.warn("A log listener failed on a line of {}", what, e);
                }
            }
        } catch (IOException e) {
            reason = "Reading the log of " + what + " failed: " + e.getMessage();
        }
        if (!closed.get()) {
            listener.ended(failure().map(why -> "Cannot read the log of " + what + ": " + why).orElse(reason));
        }
    }

    /**
     * The API server's answer when it refuses a log (a {@code Status} object, e.g. for a pod that is gone) as one
     * sentence; empty for an ordinary log line.
     */
    Optional<String> refusal(String line) {
        if (!STATUS_BODY.matcher(line).find()) {
            return Optional.empty();
        }
        String pod = what.contains(" ") ? what.substring(0, what.indexOf(' ')) : what;
        if (line.contains("\"NotFound\"") || line.contains("\"code\":404")) {
            return Optional.of("pod " + pod + " not found");
        }
        java.util.regex.Matcher message = STATUS_MESSAGE.matcher(line);
        return Optional.of("The API server refused the log of " + pod + (message.find() ? ": " + message.group(1)
                : ""));
    }

    /** Why the client gave up on the log, when it failed rather than ended. */
    private Optional<String> failure() {
        CompletionStage<Throwable> done = exit;
        if (done == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(done.toCompletableFuture().getNow(null))
                    .map(e -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (CompletionException e) {
            return Optional.empty();
        }
    }

    /** True until the tail is closed. */
    public boolean isOpen() {
        return !closed.get();
    }

    /** Stops following. Safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            AutoCloseable open = source;
            if (open != null) {
                open.close();
            }
        } catch (Exception e) {
            LOG.debug("Closing the log of {} failed", what, e);
        }
        Thread thread = reader;
        if (thread != null) {
            thread.interrupt();
        }
        onClose.run();
    }
}
