package dev.meshwizard.mesh;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code kubernetes.io/tls} Secret made from a PEM certificate file and a PEM private key file, for a Gateway's
 * {@code credentialName}. Holds the key only to build the Secret: {@link #toString()} names the files, never
 * their content.
 */
public final class TlsSecret {

    /** The Secret type Istio's gateways read certificates from. */
    public static final String TYPE = "kubernetes.io/tls";

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s:,-]*?)-----END \\1-----");

    private final String name;
    private final String namespace;
    private final Path certPath;
    private final Path keyPath;
    private final byte[] certificate;
    private final byte[] key;

    private TlsSecret(String name, String namespace, Path certPath, Path keyPath, byte[] certificate, byte[] key) {
        this.name = name;
        this.namespace = namespace;
        this.certPath = certPath;
        this.keyPath = keyPath;
        this.certificate = certificate;
        this.key = key;
    }

    /**
     * Reads a certificate and its key after checking that each file holds what it should: the certificate file
     * PEM {@code CERTIFICATE} blocks, the key file one unencrypted PEM private key.
     *
     * @throws PemFileException naming the file that cannot be read or does not hold what it should
     */
    public static TlsSecret fromPemFiles(String name, String namespace, Path certPath, Path keyPath)
            throws PemFileException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a TLS Secret needs a name");
        }
        byte[] certificate = read(certPath);
        byte[] key = read(keyPath);
        checkCertificate(certPath, new String(certificate, StandardCharsets.US_ASCII));
        checkKey(keyPath, new String(key, StandardCharsets.US_ASCII));
        return new TlsSecret(name, namespace, certPath, keyPath, certificate, key);
    }

    private static byte[] read(Path file) throws PemFileException {
        if (!Files.isRegularFile(file)) {
            throw new PemFileException(file, "no such file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PemFileException(file, "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void checkCertificate(Path file, String text) throws PemFileException {
        boolean certificate = false;
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            if (block.group(1).endsWith("PRIVATE KEY")) {
                throw new PemFileException(file, "holds a private key; the certificate file must hold only "
                        + "certificates (give the key as the key file)");
            }
            certificate |= "CERTIFICATE".equals(block.group(1)) && decodes(block.group(2));
        }
        if (!certificate) {
            throw new PemFileException(file, "is not a PEM certificate (no valid -----BEGIN CERTIFICATE----- block)");
        }
    }

    private static void checkKey(Path file, String text) throws PemFileException {
        Matcher block = BLOCK.matcher(text);
        int keys = 0;
        while (block.find()) {
            String type = block.group(1);
            if ("ENCRYPTED PRIVATE KEY".equals(type) || block.group(2).contains("ENCRYPTED")) {
                throw new PemFileException(file, "holds an encrypted private key; gateways need it unencrypted "
                        + "(e.g. openssl pkey -in KEY -out KEY.plain)");
            }
            if (type.endsWith("PRIVATE KEY") && decodes(block.group(2))) {
                keys++;
            } else if ("CERTIFICATE".equals(type)) {
                throw new PemFileException(file, "holds a certificate; the key file must hold the private key");
            }
        }
        if (keys != 1) {
            throw new PemFileException(file, keys == 0
                    ? "is not a PEM private key (no valid -----BEGIN PRIVATE KEY----- block)"
                    : "holds " + keys + " private keys; give exactly one");
        }
    }

    private static boolean decodes(String body) {
        String base64 = body.lines().filter(line -> !line.contains(":")).reduce("", String::concat)
                .replaceAll("\\s", "");
        if (base64.isEmpty()) {
            return false;
        }
        try {
            Base64.getDecoder().decode(base64);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    /** The Secret, with {@code tls.crt} and {@code tls.key}. Build it only to apply it: it holds the key. */
    public Secret toSecret() {
        Base64.Encoder encoder = Base64.getEncoder();
        return new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withType(TYPE)
                .withData(Map.of("tls.crt", encoder.encodeToString(certificate),
                        "tls.key", encoder.encodeToString(key)))
                .build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TlsSecret that && name.equals(that.name)
                && java.util.Objects.equals(namespace, that.namespace)
                && Arrays.equals(certificate, that.certificate) && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, namespace, Arrays.hashCode(certificate));
    }

    /** Names the Secret and the files; the key's content is never part of it. */
    @Override
    public String toString() {
        return "TlsSecret " + (namespace == null ? "" : namespace + "/") + name + " (certificate " + certPath
                + ", key " + keyPath + ")";
    }
}
