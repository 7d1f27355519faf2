package dev.meshwizard.testing;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * One port-forward stream of the simulated API: the server end of Kubernetes' port-forward WebSocket protocol
 * (binary frames whose first byte is the channel, 0 for data and 1 for errors; each channel's first frame carries
 * the port as two little-endian bytes), relayed to a TCP address that stands in for the pod's port. The stream ends
 * when the pod is deleted, as the kubelet ends the streams of a pod it stops.
 */
final class PodPortForward extends WebSocketListener {

    private final InetSocketAddress target;
    private final int port;
    /** How often an open stream checks that its pod still exists. */
    private static final long POD_CHECK_MS = 100;

    private final BooleanSupplier podExists;
    private volatile Socket socket;
    private volatile boolean ended;

    PodPortForward(InetSocketAddress target, int port, BooleanSupplier podExists) {
        this.target = target;
        this.port = port;
        this.podExists = podExists;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        byte low = (byte) (port & 0xff);
        byte high = (byte) ((port >> 8) & 0xff);
        webSocket.send(new byte[] {0, low, high});
        webSocket.send(new byte[] {1, low, high});
        try {
            socket = new Socket(target.getAddress(), target.getPort());
        } catch (IOException e) {
            byte[] message = ("cannot connect to the pod's port: " + e.getMessage()).getBytes();
            byte[] frame = new byte[message.length + 1];
            frame[0] = 1;
            System.arraycopy(message, 0, frame, 1, message.length);
            webSocket.send(frame);
            webSocket.close(1000, "");
            return;
        }
        Thread pump = new Thread(() -> pump(webSocket), "simulated-port-forward-" + port);
        pump.setDaemon(true);
        pump.start();
        Thread podWatch = new Thread(() -> endWhenPodGoes(webSocket), "simulated-port-forward-pod-" + port);
        podWatch.setDaemon(true);
        podWatch.start();
    }

    /** Ends the stream once the pod is no longer stored. */
    private void endWhenPodGoes(WebSocket webSocket) {
        try {
            while (!ended) {
                if (!podExists.getAsBoolean()) {
                    closeSocket();
                    webSocket.close(1000, "");
                    return;
                }
                Thread.sleep(POD_CHECK_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pump(WebSocket webSocket) {
        byte[] buffer = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                byte[] frame = new byte[read + 1];
                System.arraycopy(buffer, 0, frame, 1, read);
                webSocket.send(frame);
            }
        } catch (IOException e) {
            // the socket was closed from the client's side
        }
        webSocket.close(1000, "");
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
        if (bytes.length < 2 || bytes[0] != 0 || socket == null) {
            return;
        }
        try {
            OutputStream out = socket.getOutputStream();
            out.write(Arrays.copyOfRange(bytes, 1, bytes.length));
            out.flush();
        } catch (IOException e) {
            webSocket.close(1011, "the pod's port closed");
        }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        closeSocket();
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        closeSocket();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
        closeSocket();
    }

    private void closeSocket() {
        ended = true;
        Socket open = socket;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
