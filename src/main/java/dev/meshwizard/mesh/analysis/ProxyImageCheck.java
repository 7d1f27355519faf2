package dev.meshwizard.mesh.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MW0123 (istioctl IST0158): pods of a namespace labelled for injection run an {@code istio-proxy} image other than
 * the one the injector's ConfigMap ({@code istio-sidecar-injector}, or {@code istio-sidecar-injector-<rev>} for
 * {@code istio.io/rev=<rev>}) injects today, typically pods started before an upgrade: restart them. Checked only
 * when that ConfigMap is in the input; pods that set {@code sidecar.istio.io/proxyImage} are skipped. Reported
 * once per namespace, on the Namespace.
 */
public final class ProxyImageCheck implements Check {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String code() {
        return "MW0123";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.PODS_ISTIO_PROXY_IMAGE_MISMATCH_IN_NAMESPACE;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        Map<String, String> images = new HashMap<>();
        for (HasMetadata map : snapshot.others("ConfigMap")) {
            String name = map.getMetadata().getName();
            if (name.startsWith("istio-sidecar-injector")) {
                image(Fields.tree(map).path("data").path("values")).ifPresent(i -> images.put(name, i));
            }
        }
        if (images.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> mismatched = new LinkedHashMap<>();
        for (Pod pod : snapshot.pods()) {
            String namespace = MeshSnapshot.namespace(pod);
            Optional<Namespace> home = Injection.namespace(snapshot, namespace);
            if (home.isEmpty() || Injection.labels(pod.getMetadata().getAnnotations())
                    .containsKey("sidecar.istio.io/proxyImage")) {
                continue;
            }
            Map<String, String> labels = Injection.labels(home.get().getMetadata().getLabels());
            String revision = labels.get(Injection.REVISION_LABEL);
            if (revision == null && !"enabled".equals(labels.get(Injection.INJECTION_LABEL))) {
                continue;
            }
            String configMap = revision == null || "default".equals(revision) ? "istio-sidecar-injector"
                    : "istio-sidecar-injector-" + revision;
            String expected = images.get(configMap);
            String actual = pod.getSpec() == null || pod.getSpec().getContainers() == null ? null
                    : pod.getSpec().getContainers().stream().filter(c -> "istio-proxy".equals(c.getName()))
                    .map(c -> c.getImage() == null ? "" : c.getImage()).findFirst().orElse(null);
            if (expected != null && actual != null && !expected.equals(actual)) {
                mismatched.computeIfAbsent(namespace, n -> new ArrayList<>()).add(pod.getMetadata().getName());
            }
        }
        List<Finding> findings = new ArrayList<>();
        mismatched.forEach((namespace, pods) -> findings.add(finding(Severity.WARNING,
                Injection.namespace(snapshot, namespace).orElseThrow(), "metadata.name",
                "pods " + String.join(", ", pods) + " run an istio-proxy image other than the one the injector "
                        + "now injects, so they miss the current proxy",
                "Restart them (kubectl rollout restart deployment -n " + namespace + ")")));
        return findings;
    }

    /** The proxy image an injector's {@code values} JSON names: {@code hub/image:tag}, or image when it has a /. */
    static Optional<String> image(JsonNode values) {
        if (!values.isTextual()) {
            return Optional.empty();
        }
        try {
            JsonNode global = JSON.readTree(values.asText()).path("global");
            String image = global.path("proxy").path("image").asText("");
            if (image.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(image.contains("/") ? image
                    : global.path("hub").asText("") + "/" + image + ":" + global.path("tag").asText(""));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
