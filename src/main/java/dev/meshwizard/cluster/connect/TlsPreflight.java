package dev.meshwizard.cluster.connect;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * Finds out, before the Kubernetes client tries, whether an {@code https://} server speaks TLS at all: a plain HTTP
 * server answers a TLS greeting with plain text, which the client would otherwise report only after its request
 * timeout and retries. Only the handshake is attempted: nothing is sent over the connection and it is closed at
 * once. A server that does speak TLS fails this handshake at its certificate (the JVM's default trust is not the
 * kubeconfig's), which counts as speaking TLS: the client judges the certificate, with the kubeconfig's authority.
 */
public final class TlsPreflight {

    private TlsPreflight() {
    }

    /** What a server did with a TLS greeting. */
    public enum Answer {
        /** It spoke TLS, or the preflight could not tell (no connection, not https): the client goes ahead. */
        TLS_OR_UNKNOWN,
        /** It answered in something that is not TLS: plain HTTP. */
        PLAIN,
        /** It accepted the connection and said nothing within the timeout: a TLS server answers at once. */
        SILENT
    }

    /** What the server at {@code server} (an https URL) does with a TLS greeting. */
    public static Answer greet(URI server, Duration timeout) {
        if (server == null || !"https".equalsIgnoreCase(server.getScheme()) || server.getHost() == null) {
            return Answer.TLS_OR_UNKNOWN;
        }
        int port = server.getPort() > 0 ? server.getPort() : 443;
        int millis = (int) timeout.toMillis();
        try (Socket plain = new Socket()) {
            try {
                plain.connect(new InetSocketAddress(server.getHost(), port), millis);
            } catch (IOException | RuntimeException e) {
                return Answer.TLS_OR_UNKNOWN;
            }
            plain.setSoTimeout(millis);
            try (SSLSocket tls = (SSLSocket) SSLContext.getDefault().getSocketFactory()
                    .createSocket(plain, server.getHost(), port, false)) {
                tls.startHandshake();
                return Answer.TLS_OR_UNKNOWN;
            }
        } catch (SocketTimeoutException e) {
            return Answer.SILENT;
        } catch (SSLException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            return message.contains("unrecognized ssl message") || message.contains("plaintext") ? Answer.PLAIN
                    : Answer.TLS_OR_UNKNOWN;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return Answer.TLS_OR_UNKNOWN;
        }
    }
}
