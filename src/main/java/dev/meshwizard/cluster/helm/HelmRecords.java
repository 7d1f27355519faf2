package dev.meshwizard.cluster.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads Helm's own release records: the Secrets {@code sh.helm.release.v1.<name>.v<revision>} (label
 * {@code owner=helm}) whose {@code release} key holds the gzipped JSON of one revision, as Helm's Secret storage
 * driver writes them. From there come a release's history, the manifest that is deployed, and the chart and
 * values of an earlier revision (for a rollback). It can also mark a revision stuck in a pending state as failed,
 * which is what unblocks Helm after a client died mid-operation. Blocking: call from a background job.
 */
public final class HelmRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RELEASE_KEY = "release";

    private final KubernetesClient client;

    public HelmRecords(KubernetesClient client) {
        this.client = client;
    }

    /** Every revision Helm keeps of {@code name} in {@code namespace}, oldest first. */
    List<ReleaseRecord> history(String name, String namespace) throws HelmException {
        try {
            return client.secrets().inNamespace(namespace).withLabel("owner", "helm").withLabel("name", name)
                    .list().getItems().stream()
                    .map(secret -> decode(name, secret))
                    .sorted(Comparator.comparingInt(ReleaseRecord::revision))
                    .toList();
        } catch (KubernetesClientException e) {
            throw new HelmException(name, "Cannot read Helm's records of " + name + " in " + namespace + ": "
                    + e.getMessage(), e);
        }
    }

    /** The newest revision of a release, if Helm has one. */
    Optional<ReleaseRecord> latest(String name, String namespace) throws HelmException {
        List<ReleaseRecord> all = history(name, namespace);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Marks a revision that is stuck in {@code pending-install}, {@code pending-upgrade} or {@code pending-rollback}
     * as {@code failed}, in the record's JSON and in its {@code status} label, so that Helm accepts the next
     * operation on the release.
     */
    void markFailed(ReleaseRecord record, String why) throws HelmException {
        setStatus(record, "failed", why);
    }

    /** Rewrites a revision's status in Helm's record and in the record's {@code status} label. */
    void setStatus(ReleaseRecord record, String status, String description) throws HelmException {
        String secretName = "sh.helm.release.v1." + record.name() + ".v" + record.revision();
        try {
            Secret secret = client.secrets().inNamespace(record.namespace()).withName(secretName).get();
            if (secret == null) {
                throw new HelmException(record.name(), "Helm's record " + secretName + " is gone");
            }
            ObjectNode release = (ObjectNode) JSON.readTree(gunzip(secret.getData().get(RELEASE_KEY)));
            ObjectNode info = release.withObjectProperty("info");
            info.put("status", status);
            info.put("description", description);
            String encoded = Base64.getEncoder().encodeToString(
                    Base64.getEncoder().encode(gzip(JSON.writeValueAsBytes(release))));
            Secret updated = new SecretBuilder(secret)
                    .editMetadata().addToLabels("status", status).endMetadata()
                    .addToData(RELEASE_KEY, encoded)
                    .build();
            client.secrets().inNamespace(record.namespace()).resource(updated).update();
        } catch (IOException e) {
            throw new HelmException(record.name(), "Cannot read Helm's record " + secretName + ": " + e.getMessage(),
                    e);
        } catch (KubernetesClientException e) {
            throw new HelmException(record.name(), "Cannot update Helm's record " + secretName + ": "
                    + e.getMessage(), e);
        }
    }

    private static ReleaseRecord decode(String name, Secret secret) {
        String data = secret.getData() == null ? null : secret.getData().get(RELEASE_KEY);
        try {
            JsonNode release = JSON.readTree(gunzip(data));
            JsonNode info = release.path("info");
            JsonNode metadata = release.path("chart").path("metadata");
            return new ReleaseRecord(release.path("name").asText(name), release.path("namespace").asText(),
                    release.path("version").asInt(), info.path("status").asText(), metadata.path("name").asText(),
                    metadata.path("version").asText(), metadata.path("appVersion").asText(),
                    time(info.path("last_deployed").asText()), info.path("description").asText(),
                    release.path("manifest").asText(), release.path("chart"), release.path("config"));
        } catch (IOException | RuntimeException e) {
            throw new KubernetesClientException("Helm's record " + secret.getMetadata().getName()
                    + " cannot be read: " + e.getMessage());
        }
    }

    private static Optional<OffsetDateTime> time(String text) {
        try {
            return text.isBlank() ? Optional.empty() : Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The Secret's value is base64 (the API's encoding) of base64 (Helm's) of gzip (or plain) JSON. */
    private static byte[] gunzip(String secretValue) throws IOException {
        if (secretValue == null) {
            throw new IOException("no '" + RELEASE_KEY + "' key");
        }
        byte[] helmText = Base64.getDecoder().decode(secretValue);
        byte[] raw = Base64.getDecoder().decode(new String(helmText, StandardCharsets.US_ASCII).strip());
        if (raw.length > 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                return in.readAllBytes();
            }
        }
        return raw;
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        }
        return out.toByteArray();
    }

    /** Helm's statuses that block any further operation on the release. */
    static boolean pending(String status) {
        return status != null && status.startsWith("pending-");
    }

    /** Turns a JSON tree (the chart's values, the release's config) into plain Java maps and lists. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? Map.of() : JSON.convertValue(node, Map.class);
    }
}
