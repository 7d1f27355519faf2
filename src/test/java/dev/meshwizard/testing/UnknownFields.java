package dev.meshwizard.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the fields of an object that its type does not have, as an API server's decoder does: for built-in kinds
 * from the fabric8 model classes (which mirror the Kubernetes types field for field), for custom resources from the
 * CRD's structural {@code openAPIV3Schema} ({@code x-kubernetes-preserve-unknown-fields} keeps what it covers).
 * A server drops such fields; with {@code fieldValidation=Strict} it refuses the object, with {@code Warn} (its
 * default) it warns.
 */
final class UnknownFields {

    /** One unknown field: its path as the server prints it, and where it sits so that it can be dropped. */
    record Unknown(String path, ObjectNode parent, String key) {
    }

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";
    private static final Set<String> OPAQUE = Set.of("FieldsV1", "RawExtension", "ObjectReference", "Quantity",
            "IntOrString", "AnyType", "MicroTime");

    private UnknownFields() {
    }

    /** The unknown fields of a built-in object, or none when fabric8 does not know its kind. */
    static List<Unknown> ofBuiltIn(ObjectNode object) {
        List<Unknown> found = new ArrayList<>();
        Object typed;
        try {
            typed = Serialization.unmarshal(object.toString());
        } catch (RuntimeException e) {
            return found;
        }
        if (!(typed instanceof KubernetesResource) || typed instanceof GenericKubernetesResource
                || typed.getClass().getPackageName().contains("apiextensions")) {
            return found;
        }
        walk(object, typed.getClass(), "", found);
        return found;
    }

    private static void walk(JsonNode node, Type type, String path, List<Unknown> found) {
        Class<?> raw = rawClass(type);
        if (raw == null) {
            return;
        }
        if (List.class.isAssignableFrom(raw) && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), argument(type, 0), path + "[" + i + "]", found);
            }
            return;
        }
        if (Map.class.isAssignableFrom(raw) && node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), argument(type, 1), path + "[" + e.getKey() + "]",
                    found));
            return;
        }
        if (!node.isObject() || !raw.getPackageName().startsWith(MODEL_PACKAGE)
                || OPAQUE.contains(raw.getSimpleName())) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (path.isEmpty() && (key.equals("apiVersion") || key.equals("kind"))) {
                continue;
            }
            String fieldPath = path.isEmpty() ? key : path + "." + key;
            Field field = property(raw, key);
            if (field == null) {
                found.add(new Unknown(fieldPath, (ObjectNode) node, key));
            } else {
                walk(entry.getValue(), field.getGenericType(), fieldPath, found);
            }
        }
    }

    private static Field property(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                JsonProperty property = field.getAnnotation(JsonProperty.class);
                if (property != null && property.value().equals(name)) {
                    return field;
                }
            }
        }
        return null;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    /** The unknown fields of a custom resource under {@code schema} (a CRD version's openAPIV3Schema). */
    static List<Unknown> ofCustom(ObjectNode object, JsonNode schema) {
        List<Unknown> found = new ArrayList<>();
        if (schema == null || schema.isMissingNode()) {
            return found;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (key.equals("apiVersion") || key.equals("kind") || key.equals("metadata")) {
                continue;
            }
            schemaWalk(object, key, entry.getValue(), schema, key, found);
        }
        return found;
    }

    private static void schemaWalk(ObjectNode parent, String key, JsonNode node, JsonNode parentSchema, String path,
                                   List<Unknown> found) {
        if (parentSchema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            return;
        }
        JsonNode schema = parentSchema.path("properties").path(key);
        if (schema.isMissingNode()) {
            JsonNode additional = parentSchema.path("additionalProperties");
            if (additional.isObject()) {
                schema = additional;
            } else if (additional.asBoolean(false) || !parentSchema.has("properties")
                    && parentSchema.path("type").asText("").isEmpty()) {
                return;
            } else {
                found.add(new Unknown(path, parent, key));
                return;
            }
        }
        if (node instanceof ObjectNode child) {
            for (Iterator<Map.Entry<String, JsonNode>> it = child.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                schemaWalk(child, entry.getKey(), entry.getValue(), schema, path + "." + entry.getKey(), found);
            }
        } else if (node.isArray() && schema.path("items").isObject()) {
            JsonNode items = schema.path("items");
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i) instanceof ObjectNode element) {
                    String at = path + "[" + i + "]";
                    for (Iterator<Map.Entry<String, JsonNode>> it = element.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> entry = it.next();
                        schemaWalk(element, entry.getKey(), entry.getValue(), items, at + "." + entry.getKey(), found);
                    }
                }
            }
        }
    }
}
