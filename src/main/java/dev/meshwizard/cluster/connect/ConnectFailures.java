package dev.meshwizard.cluster.connect;

import dev.meshwizard.cluster.connect.ConnectException.Reason;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.FileNotFoundException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.net.http.HttpTimeoutException;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns what went wrong while connecting into a {@link ConnectException} whose message a person can act on: it
 * says which server, context and kubeconfig file, and never repeats a credential.
 */
public final class ConnectFailures {

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)\\S+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern LONG_SECRET = Pattern.compile("[A-Za-z0-9+/_=-]{64,}");

    private final KubeContext context;
    private final String execCommand;
    private final Collection<String> secrets;

    /**
     * @param context     the context being connected
     * @param execCommand the user's exec plugin command, or "" when the user has none
     * @param secrets     credential values of the user, never to appear in a message
     */
    public ConnectFailures(KubeContext context, String execCommand, Collection<String> secrets) {
        this.context = context;
        this.execCommand = execCommand;
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
    }

    /** "context "prod" in /home/u/.kube/config". */
    public String where() {
        return "context \"" + context.name() + "\" in " + context.source();
    }

    public static ConnectException unknownContext(String name, List<?> files) {
        String in = files.isEmpty() ? "any kubeconfig (none was found)" : files.size() == 1
                ? files.get(0).toString() : "the kubeconfig files " + files;
        return new ConnectException(Reason.UNKNOWN_CONTEXT, "There is no context \"" + name + "\" in " + in, null);
    }

    public ConnectException pluginFailed(ExecCredentialPlugin.PluginFailure failure) {
        Reason reason = failure.notFound() ? Reason.OTHER : Reason.EXPIRED_CREDENTIALS;
        String advice = failure.notFound() ? "" : ". Log in again with the tool that wrote this kubeconfig entry";
        return new ConnectException(reason, "Cannot get credentials for user \"" + context.user() + "\" ("
                + where() + "): " + clean(failure.getMessage()) + advice, failure);
    }

    public ConnectException other(String what, Throwable cause) {
        return new ConnectException(Reason.OTHER, what + " (" + where() + ")", cause);
    }

    /**
     * The server named with {@code https://} answered a TLS greeting in plain text, or ({@code silent}) accepted
     * the connection and did not answer it at all.
     */
    public ConnectException withoutTls(boolean silent, java.time.Duration waited) {
        String server = context.server();
        String plain = server.replaceFirst("(?i)^https://", "http://");
        String what = silent ? " accepted the connection but did not answer the TLS greeting in "
                + waited.toSeconds() + " s (" + where() + "): a TLS server answers at once, so this is likely a"
                + " plain HTTP port" : " answered without TLS (" + where() + "): it speaks plain HTTP on that port";
        return new ConnectException(Reason.TLS, "The server at " + server + what + ". If the API server really"
                + " serves plain HTTP, set the server of cluster \"" + context.cluster() + "\" to " + plain
                + "; otherwise the port is wrong", null);
    }

    // the API server's words, possibly inside a Status body Helm quotes as it is (quotes escaped)
    private static final String Q = "\\\\?\"";
    private static final Pattern CANNOT = Pattern.compile("cannot (\\S+) resource " + Q + "([^\"\\\\]+)" + Q
            + "(?: in API group " + Q + "([^\"\\\\]*)" + Q + ")?"
            + "(?: in the namespace " + Q + "([^\"\\\\]+)" + Q + ")?");

    /**
     * Explains a refusal that came after connecting (a Helm call answered 401 or 403) with the kubeconfig's user
     * and context and, for a 403, the verb and resource the API server names; empty for any other message.
     */
    public static Optional<String> denied(KubeContext context, String message) {
        if (message == null) {
            return Optional.empty();
        }
        String where = "context \"" + context.name() + "\" in " + context.source();
        Matcher cannot = CANNOT.matcher(message);
        if (message.contains("forbidden") && cannot.find()) {
            String group = cannot.group(3) == null || cannot.group(3).isEmpty() ? "" : "." + cannot.group(3);
            String namespace = cannot.group(4) == null ? " (cluster-wide)" : " in namespace " + cannot.group(4);
            return Optional.of("User \"" + context.user() + "\" (" + where + ") may not " + cannot.group(1) + " "
                    + cannot.group(2) + group + namespace + ": 403 Forbidden. Ask for a role that allows it, or use"
                    + " another context. The API server said: " + message.strip());
        }
        if (message.contains("Unauthorized") || message.contains("must be logged in")) {
            return Optional.of(context.server() + " rejected the credentials of user \"" + context.user() + "\" ("
                    + where + "): 401 Unauthorized; they may have expired. Log in again. Helm said: "
                    + message.strip());
        }
        return Optional.empty();
    }

    /** Classifies a failure of building the client or of reading {@code /version}. */
    public ConnectException classify(Throwable failure) {
        String server = context.server();
        List<Throwable> chain = chain(failure);
        Throwable tls = find(chain, SSLException.class, CertificateException.class, CertPathBuilderException.class,
                GeneralSecurityException.class);
        if (tls != null) {
            return new ConnectException(Reason.TLS, "Secure connection to " + server + " failed (" + where()
                    + "): " + tlsDetail(tls), failure);
        }
        Throwable file = find(chain, NoSuchFileException.class, FileNotFoundException.class);
        if (file != null) {
            return new ConnectException(Reason.TLS, "Cannot read a certificate or key file for " + server + " ("
                    + where() + "): " + clean(file.getMessage()), failure);
        }
        Integer code = httpCode(chain);
        if (code != null && code == 401) {
            if (!execCommand.isEmpty()) {
                return new ConnectException(Reason.EXPIRED_CREDENTIALS, server + " rejected the credentials from \""
                        + execCommand + "\" for user \"" + context.user() + "\" (" + where()
                        + "): 401 Unauthorized; they may have expired. Log in again", failure);
            }
            return new ConnectException(Reason.UNAUTHORIZED, server + " rejected the credentials of user \""
                    + context.user() + "\" (" + where() + "): 401 Unauthorized. Check the token or client"
                    + " certificate in the kubeconfig, or log in again", failure);
        }
        if (code != null && code == 403) {
            String denied = serverMessage(chain);
            return new ConnectException(Reason.FORBIDDEN, "User \"" + context.user() + "\" may not read the server"
                    + " version of " + server + " (" + where() + "): 403 Forbidden"
                    + (denied.isEmpty() ? "" : "; the server says: " + denied), failure);
        }
        String unreachable = unreachableDetail(chain);
        if (unreachable != null) {
            return new ConnectException(Reason.UNREACHABLE, "Cannot reach " + server + " (" + where() + "): "
                    + unreachable, failure);
        }
        String detail = code != null ? "HTTP " + code + ": " + clean(failure.getMessage()) : describe(failure);
        return new ConnectException(Reason.OTHER, "Connecting to " + server + " failed (" + where() + "): "
                + detail, failure);
    }

    private String unreachableDetail(List<Throwable> chain) {
        if (find(chain, UnknownHostException.class, UnresolvedAddressException.class) != null) {
            String host = hostOf(context.server());
            return "the host name " + host + " does not resolve (check the server of cluster \"" + context.cluster()
                    + "\", and your DNS or VPN)";
        }
        if (find(chain, NoRouteToHostException.class) != null) {
            return "no route to host";
        }
        if (find(chain, HttpTimeoutException.class, SocketTimeoutException.class, TimeoutException.class) != null) {
            return "no answer (timed out)";
        }
        Throwable refused = find(chain, java.net.ConnectException.class);
        if (refused != null) {
            String message = refused.getMessage();
            return message == null || message.isBlank() ? "connection refused"
                    : clean(message).toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private String tlsDetail(Throwable tls) {
        String message = tls.getMessage() == null ? tls.getClass().getSimpleName() : tls.getMessage();
        if (message.contains("PKIX path") || message.contains("unable to find valid certification path")) {
            return "the server's certificate is not signed by an authority this kubeconfig trusts (check"
                    + " certificate-authority or certificate-authority-data of cluster \"" + context.cluster()
                    + "\")";
        }
        if (message.contains("No subject alternative") || message.contains("doesn't match")) {
            return "the server's certificate is not valid for this host name: " + clean(message);
        }
        return clean(message);
    }

    private static String hostOf(String server) {
        try {
            String host = java.net.URI.create(server).getHost();
            return host == null ? server : host;
        } catch (IllegalArgumentException e) {
            return server;
        }
    }

    /** What the API server said in its Status (e.g. who may not do which verb on which resource), cleaned. */
    private String serverMessage(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof KubernetesClientException kce && kce.getStatus() != null
                    && kce.getStatus().getMessage() != null) {
                return clean(kce.getStatus().getMessage());
            }
        }
        return "";
    }

    private static Integer httpCode(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof KubernetesClientException kce && kce.getCode() > 0) {
                return kce.getCode();
            }
        }
        return null;
    }

    private String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : failure.getMessage();
        return clean(message == null ? root.getClass().getSimpleName() : message);
    }

    /** Removes credentials from text that came from elsewhere (exception messages, plugin output). */
    String clean(String text) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "[hidden]");
        }
        result = BEARER.matcher(result).replaceAll("$1[hidden]");
        result = JWT.matcher(result).replaceAll("[hidden]");
        return LONG_SECRET.matcher(result).replaceAll("[hidden]").strip();
    }

    @SafeVarargs
    private static Throwable find(List<Throwable> chain, Class<? extends Throwable>... types) {
        for (Class<? extends Throwable> type : types) {
            for (Throwable t : chain) {
                if (type.isInstance(t)) {
                    return t;
                }
            }
        }
        return null;
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
            for (Throwable suppressed : t.getSuppressed()) {
                chain.add(suppressed);
            }
        }
        return chain;
    }
}
