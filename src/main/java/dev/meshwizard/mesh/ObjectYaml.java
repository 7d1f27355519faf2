package dev.meshwizard.mesh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Kubernetes objects written as YAML the way people write it: no document marker, quotes only where needed. */
public final class ObjectYaml {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private ObjectYaml() {
    }

    /** One object (a fabric8 model object, Istio kinds included) as YAML. */
    public static String write(Object object) {
        try {
            return YAML.writeValueAsString(SERIALIZATION.convertValue(object, JsonNode.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An object cannot be written as YAML", e);
        }
    }
}
