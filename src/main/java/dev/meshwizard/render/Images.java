package dev.meshwizard.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The container images an install will pull, read from the rendered manifests: every container and init container
 * of the workloads, and the proxy image istiod injects into gateways and workloads (from its injector ConfigMap;
 * gateway Deployments say {@code image: auto}). Images with tag {@code latest} or none, and charts with a placeholder
 * version, are flagged: such a folder of charts does not pin what it installs.
 */
public final class Images {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WORKLOADS = Set.of("Deployment", "DaemonSet", "StatefulSet", "ReplicaSet",
            "Job", "Pod");
    private static final Set<String> PLACEHOLDER_VERSIONS = Set.of("0.0.0", "1.0.0", "");

    private Images() {
    }

    /** The images, each once, in install order. */
    public static List<String> of(RenderedManifests manifests) {
        Set<String> images = new LinkedHashSet<>();
        for (RenderedRelease release : manifests.releases()) {
            for (RenderedObject object : release.objects()) {
                try {
                    if (WORKLOADS.contains(object.kind())) {
                        JsonNode tree = YAML.readTree(object.yaml());
                        JsonNode pod = "Pod".equals(object.kind()) ? tree.path("spec")
                                : tree.path("spec").path("template").path("spec");
                        addImages(pod.path("initContainers"), images);
                        addImages(pod.path("containers"), images);
                    } else if ("ConfigMap".equals(object.kind())
                            && object.name().startsWith("istio-sidecar-injector")) {
                        proxyImage(YAML.readTree(object.yaml()).path("data").path("values").asText(""), images);
                    }
                } catch (IOException e) {
                    // an object that does not parse has no image to report; the render reported it already
                }
            }
        }
        return List.copyOf(images);
    }

    /**
     * What does not pin a version: images tagged {@code latest} or untagged, and charts whose version is a
     * placeholder ({@code 1.0.0}, {@code 0.0.0}) as in charts built from Istio's source; empty when all is pinned.
     */
    public static List<String> unpinned(RenderedManifests manifests) {
        List<String> problems = new ArrayList<>();
        for (RenderedRelease release : manifests.releases()) {
            if (PLACEHOLDER_VERSIONS.contains(release.chartVersion() == null ? "" : release.chartVersion())) {
                problems.add("chart " + release.chart() + " has the placeholder version \"" + release.chartVersion()
                        + "\"");
            }
        }
        for (String image : of(manifests)) {
            String tag = tag(image);
            if (tag.isEmpty() || "latest".equals(tag)) {
                problems.add("image " + image + " is not pinned to a version");
            }
        }
        return problems.stream().distinct().toList();
    }

    /** The tag of an image reference, "" when it has none (a digest counts as pinned). */
    static String tag(String image) {
        if (image.contains("@")) {
            return image.substring(image.indexOf('@') + 1);
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : "";
    }

    private static void addImages(JsonNode containers, Set<String> images) {
        for (JsonNode container : containers) {
            String image = container.path("image").asText("");
            if (!image.isBlank() && !"auto".equals(image)) {
                images.add(image);
            }
        }
    }

    private static void proxyImage(String valuesJson, Set<String> images) throws IOException {
        if (valuesJson.isBlank()) {
            return;
        }
        JsonNode global = JSON.readTree(valuesJson).path("global");
        String image = global.path("proxy").path("image").asText("");
        if (image.isBlank()) {
            return;
        }
        if (!image.contains("/")) {
            String variant = global.path("variant").asText("");
            image = global.path("hub").asText("") + "/" + image + ":" + global.path("tag").asText("")
                    + (variant.isBlank() ? "" : "-" + variant);
        }
        images.add(image);
    }
}
