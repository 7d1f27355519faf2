package dev.meshwizard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.kubernetes.client.proto.Runtime;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads an object of a built-in kind that a client sent in Kubernetes' protobuf encoding and gives it back as
 * JSON, which is all the CRUD mock stores. client-go's typed clients (Helm's release Secrets, {@code kubectl create
 * configmap|deployment|namespace|...}) write built-in kinds as protobuf ({@code application/vnd.kubernetes.protobuf})
 * whatever the server answers, as a real server accepts.
 *
 * <p>The encoding: the magic bytes {@code k8s\0}, then a {@code runtime.Unknown} (type meta, raw object bytes); the
 * raw bytes are the kind's message (or, for a DELETE, {@code DeleteOptions}), read with the Kubernetes protobuf
 * types (client-java-proto). The JSON follows
 * the API's conventions rather than protobuf's: IntOrString as a number or a string, Quantity as its string, Time as
 * RFC 3339, bytes as base64, raw extensions and managed fields as the JSON they hold; empty strings and zero times
 * (which Go's encoder writes for unset fields) are left out, as JSON's {@code omitempty} would.
 */
final class ProtobufObjects {

    static final String CONTENT_TYPE = "application/vnd.kubernetes.protobuf";
    private static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PROTO = "io.kubernetes.client.proto.";

    /** Outer classes of the generated types, by API group. */
    private static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry("", "V1"), Map.entry("apps", "V1Apps"), Map.entry("batch", "V1Batch"),
            Map.entry("rbac.authorization.k8s.io", "V1Rbac"), Map.entry("policy", "V1Policy"),
            Map.entry("networking.k8s.io", "V1Networking"), Map.entry("storage.k8s.io", "V1Storage"),
            Map.entry("autoscaling", "V1Autoscaling"), Map.entry("authorization.k8s.io", "V1Authorization"),
            Map.entry("admissionregistration.k8s.io", "V1Admissionregistration"),
            Map.entry("scheduling.k8s.io", "V1Scheduling"), Map.entry("certificates.k8s.io", "V1Certificates"));

    private ProtobufObjects() {
    }

    /** The object in {@code body} as JSON; fails with a message a client can show when it cannot be read. */
    static String toJson(byte[] body) {
        if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("not a Kubernetes protobuf message (no k8s\\0 prefix)");
        }
        try {
            Runtime.Unknown unknown = Runtime.Unknown.parseFrom(Arrays.copyOfRange(body, MAGIC.length, body.length));
            String apiVersion = unknown.getTypeMeta().getApiVersion();
            String kind = unknown.getTypeMeta().getKind();
            Message message = parse(apiVersion, kind, unknown.getRaw());
            ObjectNode object = NODES.objectNode();
            object.put("apiVersion", apiVersion);
            object.put("kind", kind);
            object.setAll(toJson(message));
            return object.toString();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("cannot read the protobuf message: " + e.getMessage(), e);
        }
    }

    private static Message parse(String apiVersion, String kind, ByteString raw) throws InvalidProtocolBufferException {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String outer = GROUPS.get(group);
        if (outer == null || !version.equals("v1")) {
            throw new IllegalArgumentException("no protobuf type for " + kind + " in " + apiVersion);
        }
        for (String holder : List.of(outer, "Meta")) {
            Class<?> type;
            try {
                type = Class.forName(PROTO + holder + "$" + kind);
            } catch (ClassNotFoundException e) {
                continue;
            }
            try {
                return (Message) type.getMethod("parseFrom", ByteString.class).invoke(null, raw);
            } catch (ReflectiveOperationException e) {
                if (e.getCause() instanceof InvalidProtocolBufferException invalid) {
                    throw invalid;
                }
                throw new IllegalArgumentException("cannot read " + kind + " in " + apiVersion, e);
            }
        }
        throw new IllegalArgumentException("no protobuf type for " + kind + " in " + apiVersion);
    }

    private static ObjectNode toJson(Message message) {
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            JsonNode value;
            if (field.isMapField()) {
                ObjectNode map = NODES.objectNode();
                for (Object item : (List<?>) entry.getValue()) {
                    Message pair = (Message) item;
                    FieldDescriptor key = pair.getDescriptorForType().findFieldByName("key");
                    FieldDescriptor val = pair.getDescriptorForType().findFieldByName("value");
                    map.set(String.valueOf(pair.getField(key)), value(val, pair.getField(val)));
                }
                value = map;
            } else if (field.isRepeated()) {
                ArrayNode array = NODES.arrayNode();
                for (Object item : (List<?>) entry.getValue()) {
                    array.add(value(field, item));
                }
                value = array;
            } else {
                value = value(field, entry.getValue());
            }
            if (value != null) {
                object.set(field.getName(), value);
            }
        }
        return object;
    }

    private static JsonNode value(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case STRING -> ((String) value).isEmpty() ? null : NODES.textNode((String) value);
            case BYTE_STRING -> NODES.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case INT -> NODES.numberNode((Integer) value);
            case LONG -> NODES.numberNode((Long) value);
            case FLOAT -> NODES.numberNode((Float) value);
            case DOUBLE -> NODES.numberNode((Double) value);
            case MESSAGE -> special((Message) value);
            default -> NODES.textNode(String.valueOf(value));
        };
    }

    /** The API's JSON form of the apimachinery types; other messages as objects. */
    private static JsonNode special(Message message) {
        String name = message.getDescriptorForType().getName();
        return switch (name) {
            case "IntOrString" -> {
                long type = (Long) get(message, "type", 0L);
                yield type == 0 ? NODES.numberNode((Integer) get(message, "intVal", 0))
                        : NODES.textNode((String) get(message, "strVal", ""));
            }
            case "Quantity" -> NODES.textNode((String) get(message, "string", ""));
            case "Time", "MicroTime" -> {
                long seconds = (Long) get(message, "seconds", 0L);
                yield seconds == 0 ? null : NODES.textNode(Instant.ofEpochSecond(seconds).toString());
            }
            case "RawExtension", "FieldsV1" -> raw((ByteString) get(message, "raw", ByteString.EMPTY));
            case "Duration" -> NODES.textNode(java.time.Duration.ofNanos((Long) get(message, "duration", 0L))
                    .toString().substring(2).toLowerCase(java.util.Locale.ROOT));
            default -> toJson(message);
        };
    }

    private static Object get(Message message, String field, Object absent) {
        FieldDescriptor descriptor = message.getDescriptorForType().findFieldByName(field);
        if (descriptor == null || !message.hasField(descriptor)) {
            return absent;
        }
        Object value = message.getField(descriptor);
        return value instanceof Integer i && absent instanceof Long ? (Object) i.longValue() : value;
    }

    private static JsonNode raw(ByteString bytes) {
        try {
            return bytes.isEmpty() ? null : JSON.readTree(bytes.toByteArray());
        } catch (IOException e) {
            return NODES.textNode(bytes.toStringUtf8());
        }
    }
}
