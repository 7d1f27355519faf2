package dev.meshwizard.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSecretTest {

    @TempDir
    Path dir;
    private Path cert;
    private Path key;
    private String keyBody;

    @BeforeEach
    void pemFiles() throws Exception {
        cert = Files.writeString(dir.resolve("tls.crt"), pem("CERTIFICATE", body(600, 1)));
        keyBody = body(900, 2);
        key = Files.writeString(dir.resolve("tls.key"), pem("PRIVATE KEY", keyBody));
    }

    private static String body(int bytes, long seed) {
        byte[] data = new byte[bytes];
        new Random(seed).nextBytes(data);
        return Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
    }

    private static String pem(String type, String body) {
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    @Test
    void aCertificateAndKeyMakeAKubernetesTlsSecretWithBothFiles() throws Exception {
        Secret secret = TlsSecret.fromPemFiles("shop-cert", "istio-system", cert, key).toSecret();

        assertThat(secret.getType()).isEqualTo("kubernetes.io/tls");
        assertThat(secret.getMetadata().getName()).isEqualTo("shop-cert");
        assertThat(secret.getMetadata().getNamespace()).isEqualTo("istio-system");
        assertThat(secret.getData()).containsOnlyKeys("tls.crt", "tls.key");
        assertThat(Base64.getDecoder().decode(secret.getData().get("tls.key"))).isEqualTo(Files.readAllBytes(key));
        assertThat(Base64.getDecoder().decode(secret.getData().get("tls.crt"))).isEqualTo(Files.readAllBytes(cert));
    }

    @Test
    void itsTextNamesTheFilesButNeverHoldsTheKey() throws Exception {
        TlsSecret secret = TlsSecret.fromPemFiles("shop-cert", "istio-system", cert, key);

        String text = secret.toString();

        assertThat(text).contains("shop-cert").contains(key.toString());
        assertThat(text).doesNotContain(keyBody.substring(0, 40)).doesNotContain("PRIVATE KEY")
                .doesNotContain(Base64.getEncoder().encodeToString(Files.readAllBytes(key)).substring(0, 40));
    }

    @Test
    void aCertificateFileThatIsNotPemIsRejectedNamingTheFile() throws Exception {
        Path notPem = Files.writeString(dir.resolve("cert.der"), "hello");

        assertThatThrownBy(() -> TlsSecret.fromPemFiles("s", "ns", notPem, key)).isInstanceOf(PemFileException.class)
                .hasMessageStartingWith(notPem + ": is not a PEM certificate");
    }

    @Test
    void filesGivenTheWrongWayRoundAreRejectedWithoutQuotingTheKey() {
        assertThatThrownBy(() -> TlsSecret.fromPemFiles("s", "ns", key, cert)).isInstanceOf(PemFileException.class)
                .hasMessageStartingWith(key + ": holds a private key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(keyBody.substring(0, 40)));
    }

    @Test
    void anEncryptedOrMissingKeyIsRejectedNamingTheKeyFile() throws Exception {
        Path encrypted = Files.writeString(dir.resolve("enc.key"), pem("ENCRYPTED PRIVATE KEY", body(900, 3)));
        Path missing = dir.resolve("missing.key");

        assertThatThrownBy(() -> TlsSecret.fromPemFiles("s", "ns", cert, encrypted))
                .hasMessageStartingWith(encrypted + ": holds an encrypted private key");
        assertThatThrownBy(() -> TlsSecret.fromPemFiles("s", "ns", cert, missing))
                .hasMessage(missing + ": no such file");
    }
}
