package dev.meshwizard.testing;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open watches of the simulated API and how far back a watch may start. {@link #expire} does what an API
 * server restart followed by an etcd compaction does to clients: every open watch ends, and a watch that comes back
 * from a resource version before that moment gets an ERROR event with the 410 {@code Expired} Status ("too old
 * resource version"), after which a client must list again (an informer relists and, comparing the list with its
 * cache, reports what was deleted in the meantime).
 */
final class WatchHistory {

    private final Set<WebSocket> open = ConcurrentHashMap.newKeySet();
    private volatile long compactedBelow;

    /** Ends every open watch; watches from a resource version below {@code current} are then answered 410. */
    void expire(long current) {
        compactedBelow = current;
        endAll();
    }

    /** Ends every open watch, as a dropped connection or a restarting server does. */
    void endAll() {
        for (WebSocket socket : open) {
            socket.close(1000, "the simulated API server ended the watch");
        }
        open.clear();
    }

    /** The number of watches open now. */
    int openWatches() {
        return open.size();
    }

    /**
     * The answer to a watch from {@code since} that the history no longer reaches, as a real server gives it: the
     * watch opens and its one event is an ERROR with the 410 {@code Expired} Status; the client ends it.
     */
    MockResponse gone(long since) {
        String event = "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
                + "\"status\":\"Failure\",\"message\":\"too old resource version: " + since + " (" + compactedBelow
                + ")\",\"reason\":\"Expired\",\"code\":410}}";
        return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                webSocket.send(event);
            }
        });
    }

    /** Whether a watch from {@code since} (0: from now) is older than the history reaches. */
    boolean expired(long since) {
        return since > 0 && since < compactedBelow;
    }

    /** The listener of a watch, remembered while it is open. */
    WebSocketListener track(WebSocketListener delegate) {
        return new WebSocketListener() {
            @Override
            public void onBeforeAccept(WebSocket webSocket, Response response) {
                delegate.onBeforeAccept(webSocket, response);
            }

            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                open.add(webSocket);
                delegate.onOpen(webSocket, response);
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                delegate.onMessage(webSocket, text);
            }

            @Override
            public void onMessage(WebSocket webSocket, byte[] bytes) {
                delegate.onMessage(webSocket, bytes);
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                delegate.onClosing(webSocket, code, reason);
            }

            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                open.remove(webSocket);
                delegate.onClosed(webSocket, code, reason);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable error, Response response) {
                open.remove(webSocket);
                delegate.onFailure(webSocket, error, response);
            }
        };
    }

    /** Whether {@code request} asks for a watch. */
    static boolean isWatch(RecordedRequest request) {
        String path = request.getPath();
        return path.contains("watch=true") || path.contains("watch=1") || path.contains("/watch/");
    }
}
