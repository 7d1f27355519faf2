package dev.meshwizard.testing;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a Secret that a client sent in Kubernetes' protobuf encoding and gives it back as JSON, which is all the CRUD
 * mock stores. Helm's release storage goes through client-go's typed client, and that client writes built-in kinds
 * as protobuf ({@code application/vnd.kubernetes.protobuf}) whatever the server answers; read as JSON the body is
 * garbage, the mock stores nothing useful and Helm waits for a release that never appears.
 *
 * <p>The encoding: the magic bytes {@code k8s\0}, then a {@code runtime.Unknown} message (1 type meta, 2 raw
 * object, 3 content encoding, 4 content type) whose raw bytes are the {@code v1.Secret} message (1 metadata,
 * 2 data, 3 type, 4 stringData, 5 immutable). Of the metadata only what a client sets is read: name, generateName,
 * namespace, uid, resourceVersion, creationTimestamp, labels, annotations and finalizers; other fields are
 * skipped.
 */
final class ProtobufSecrets {

    static final String CONTENT_TYPE = "application/vnd.kubernetes.protobuf";
    private static final byte[] MAGIC = {'k', '8', 's', 0};

    private ProtobufSecrets() {
    }

    /** The Secret in {@code body} as JSON. */
    static String toJson(byte[] body) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (body.length <= i || body[i] != MAGIC[i]) {
                throw new IllegalArgumentException("not a Kubernetes protobuf message");
            }
        }
        Reader unknown = new Reader(body, MAGIC.length, body.length);
        byte[] raw = null;
        while (unknown.more()) {
            int tag = unknown.tag();
            if (tag >>> 3 == 2) {
                raw = unknown.bytes();
            } else {
                unknown.skip(tag);
            }
        }
        if (raw == null) {
            throw new IllegalArgumentException("the protobuf message holds no object");
        }
        return Serialization.asJson(secret(raw));
    }

    private static Secret secret(byte[] raw) {
        Secret secret = new Secret();
        secret.setApiVersion("v1");
        secret.setKind("Secret");
        Map<String, String> data = new LinkedHashMap<>();
        Map<String, String> stringData = new LinkedHashMap<>();
        Reader reader = new Reader(raw, 0, raw.length);
        while (reader.more()) {
            int tag = reader.tag();
            switch (tag >>> 3) {
                case 1 -> secret.setMetadata(metadata(reader.bytes()));
                case 2 -> {
                    String[] entry = entry(reader.bytes(), true);
                    data.put(entry[0], entry[1]);
                }
                case 3 -> secret.setType(reader.string());
                case 4 -> {
                    String[] entry = entry(reader.bytes(), false);
                    stringData.put(entry[0], entry[1]);
                }
                case 5 -> secret.setImmutable(reader.varint() != 0);
                default -> reader.skip(tag);
            }
        }
        secret.setData(data.isEmpty() ? null : data);
        secret.setStringData(stringData.isEmpty() ? null : stringData);
        return secret;
    }

    private static ObjectMeta metadata(byte[] raw) {
        ObjectMeta meta = new ObjectMeta();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> annotations = new LinkedHashMap<>();
        Reader reader = new Reader(raw, 0, raw.length);
        while (reader.more()) {
            int tag = reader.tag();
            switch (tag >>> 3) {
                case 1 -> meta.setName(reader.string());
                case 2 -> meta.setGenerateName(reader.string());
                case 3 -> meta.setNamespace(reader.string());
                case 5 -> meta.setUid(reader.string());
                case 6 -> meta.setResourceVersion(reader.string());
                case 8 -> meta.setCreationTimestamp(time(reader.bytes()));
                case 11 -> {
                    String[] entry = entry(reader.bytes(), false);
                    labels.put(entry[0], entry[1]);
                }
                case 12 -> {
                    String[] entry = entry(reader.bytes(), false);
                    annotations.put(entry[0], entry[1]);
                }
                case 14 -> {
                    if (meta.getFinalizers() == null) {
                        meta.setFinalizers(new ArrayList<>());
                    }
                    meta.getFinalizers().add(reader.string());
                }
                default -> reader.skip(tag);
            }
        }
        meta.setLabels(labels.isEmpty() ? null : labels);
        meta.setAnnotations(annotations.isEmpty() ? null : annotations);
        return meta;
    }

    /** A map entry (1 key, 2 value); bytes values come back base64-encoded, as JSON carries them. */
    private static String[] entry(byte[] raw, boolean bytesValue) {
        String key = "";
        String value = "";
        Reader reader = new Reader(raw, 0, raw.length);
        while (reader.more()) {
            int tag = reader.tag();
            switch (tag >>> 3) {
                case 1 -> key = reader.string();
                case 2 -> value = bytesValue ? Base64.getEncoder().encodeToString(reader.bytes()) : reader.string();
                default -> reader.skip(tag);
            }
        }
        return new String[] {key, value};
    }

    /** A {@code metav1.Time}: 1 seconds, 2 nanos. */
    private static String time(byte[] raw) {
        long seconds = 0;
        Reader reader = new Reader(raw, 0, raw.length);
        while (reader.more()) {
            int tag = reader.tag();
            if (tag >>> 3 == 1) {
                seconds = reader.varint();
            } else {
                reader.skip(tag);
            }
        }
        return Instant.ofEpochSecond(seconds).toString();
    }

    /** Reads protobuf wire format from a slice of bytes. */
    private static final class Reader {
        private final byte[] bytes;
        private final int end;
        private int position;

        Reader(byte[] bytes, int start, int end) {
            this.bytes = bytes;
            this.position = start;
            this.end = end;
        }

        boolean more() {
            return position < end;
        }

        int tag() {
            return (int) varint();
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = bytes[position++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        byte[] bytes() {
            int length = (int) varint();
            if (length < 0 || position + length > end) {
                throw new IllegalArgumentException("truncated protobuf message");
            }
            byte[] value = new byte[length];
            System.arraycopy(bytes, position, value, 0, length);
            position += length;
            return value;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        void skip(int tag) {
            switch (tag & 7) {
                case 0 -> varint();
                case 1 -> position += 8;
                case 2 -> bytes();
                case 5 -> position += 4;
                default -> throw new IllegalArgumentException("unsupported wire type " + (tag & 7));
            }
        }
    }
}
