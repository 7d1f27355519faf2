package dev.meshwizard.mesh.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MW0124: an {@code istio-proxy} container with {@code image: auto} (the gateway chart's way of asking the
 * injector to fill it in) that no injection fills. A Pod still carrying it was not injected and cannot start
 * (istioctl IST0147, an error); a Deployment whose pods no Istio injection webhook in the input selects
 * (its namespace's and pod template's labels against each {@code *.istio.io} webhook's selectors) will not be
 * injected (IST0146, a warning). Deployments are checked only offline or when the webhooks are known.
 */
public final class ImageAutoCheck implements Check {

    @Override
    public String code() {
        return "MW0124";
    }

    @Override
    public IstioMessage istio() {
        return IstioMessage.IMAGE_AUTO_WITHOUT_INJECTION_ERROR;
    }

    @Override
    public List<Finding> run(MeshSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (Pod pod : snapshot.pods()) {
            if (auto(pod.getSpec())) {
                findings.add(finding(Severity.ERROR, pod, "spec.containers",
                        "the istio-proxy container has image: auto, so the pod was not injected and cannot pull it",
                        "Label the namespace for injection (or the pod sidecar.istio.io/inject=true) and recreate "
                                + "the pod"));
            }
        }
        List<JsonNode> webhooks = new ArrayList<>();
        for (HasMetadata configuration : snapshot.others("MutatingWebhookConfiguration")) {
            Fields.tree(configuration).path("webhooks").forEach(w -> {
                if (w.path("name").asText("").endsWith("istio.io")) {
                    webhooks.add(w);
                }
            });
        }
        if (snapshot.live() && webhooks.isEmpty()) {
            return findings;
        }
        for (Deployment deployment : snapshot.deployments()) {
            var template = deployment.getSpec() == null ? null : deployment.getSpec().getTemplate();
            if (template == null || !auto(template.getSpec())) {
                continue;
            }
            Map<String, String> namespaceLabels = Injection.namespace(snapshot, MeshSnapshot.namespace(deployment))
                    .map(n -> Injection.labels(n.getMetadata().getLabels())).orElse(Map.of());
            Map<String, String> podLabels = template.getMetadata() == null ? Map.of()
                    : Injection.labels(template.getMetadata().getLabels());
            boolean injected = webhooks.stream().anyMatch(w -> Selectors.matches(w.path("namespaceSelector"),
                    namespaceLabels) && Selectors.matches(w.path("objectSelector"), podLabels));
            if (!injected) {
                findings.add(finding(IstioMessage.IMAGE_AUTO_WITHOUT_INJECTION_WARNING, Severity.WARNING, deployment,
                        "spec.template.spec.containers", "the istio-proxy container has image: auto, but no Istio "
                                + "injection webhook in the input selects these pods, so they would not start",
                        "Label the namespace istio-injection=enabled (or istio.io/rev), or install istiod first"));
            }
        }
        return findings;
    }

    private static boolean auto(PodSpec spec) {
        return spec != null && spec.getContainers() != null && spec.getContainers().stream()
                .anyMatch(c -> "istio-proxy".equals(c.getName()) && "auto".equals(c.getImage()));
    }
}
