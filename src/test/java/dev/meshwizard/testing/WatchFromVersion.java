package dev.meshwizard.testing;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps the CRUD mock's watch so that it starts after a resource version, as a real API server's watch does:
 * ADDED events for objects at or below that version (the mock's replay of what is stored) are not sent.
 * Later changes and deletions pass unchanged.
 */
final class WatchFromVersion extends WebSocketListener {

    /** The mock writes events as {@code {"object":{…},"type":"ADDED"}}; either order is accepted. */
    private static final Pattern ADDED =
            Pattern.compile("^\\{\\s*\"type\"\\s*:\\s*\"ADDED\"|\"type\"\\s*:\\s*\"ADDED\"\\s*}\\s*$");
    private static final Pattern VERSION = Pattern.compile("\"resourceVersion\"\\s*:\\s*\"(\\d+)\"");

    private final WebSocketListener delegate;
    private final long since;

    WatchFromVersion(WebSocketListener delegate, long since) {
        this.delegate = delegate;
        this.since = since;
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
        delegate.onBeforeAccept(new Filtering(webSocket), response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        delegate.onOpen(new Filtering(webSocket), response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        delegate.onMessage(new Filtering(webSocket), text);
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
        delegate.onMessage(new Filtering(webSocket), bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        delegate.onClosing(new Filtering(webSocket), code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        delegate.onClosed(new Filtering(webSocket), code, reason);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
        delegate.onFailure(new Filtering(webSocket), error, response);
    }

    /** Whether an event is the replay of an object the client listed already. */
    boolean alreadySeen(String event) {
        if (!ADDED.matcher(event).find()) {
            return false;
        }
        Matcher version = VERSION.matcher(event);
        return version.find() && Long.parseLong(version.group(1)) <= since;
    }

    private final class Filtering implements WebSocket {
        private final WebSocket socket;

        Filtering(WebSocket socket) {
            this.socket = socket;
        }

        @Override
        public RecordedRequest request() {
            return socket.request();
        }

        @Override
        public boolean send(String text) {
            return alreadySeen(text) || socket.send(text);
        }

        @Override
        public boolean send(byte[] bytes) {
            return socket.send(bytes);
        }

        @Override
        public boolean close(int code, String reason) {
            return socket.close(code, reason);
        }
    }
}
