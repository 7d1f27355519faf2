package dev.meshwizard.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.plan.Component;
import dev.meshwizard.testing.TestCharts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The images an install pulls, read from what the charts render, and what of it pins no version. */
class ImagesTest {

    private static final RenderedObject INJECTOR = new RenderedObject("v1", "ConfigMap", "istio-sidecar-injector",
            "istio-system", "", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: istio-sidecar-injector
            data:
              values: |-
                {"global": {"hub": "gcr.io/istio-testing", "tag": "latest", "variant": "distroless",
                 "proxy": {"image": "proxyv2"}}}
            """);
    private static final RenderedObject ISTIOD = new RenderedObject("apps/v1", "Deployment", "istiod", "istio-system",
            "", """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                  - name: discovery
                    image: gcr.io/istio-testing/pilot:latest
            """);
    private static final RenderedObject GATEWAY = new RenderedObject("apps/v1", "Deployment", "gw", "istio-system",
            "", """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                  - name: istio-proxy
                    image: auto
            """);

    @Test
    void theProxyImageIsReadFromTheInjectorAndGatewaysAutoImageIsNotAnImage() {
        RenderedManifests manifests = manifests("1.30.3", INJECTOR, ISTIOD, GATEWAY);

        assertThat(Images.of(manifests)).containsExactly("gcr.io/istio-testing/proxyv2:latest-distroless",
                "gcr.io/istio-testing/pilot:latest");
    }

    @Test
    void latestTagsAndPlaceholderChartVersionsAreFlagged() {
        RenderedManifests manifests = manifests("1.0.0", ISTIOD);

        assertThat(Images.unpinned(manifests)).containsExactly(
                "chart istiod has the placeholder version \"1.0.0\"",
                "image gcr.io/istio-testing/pilot:latest is not pinned to a version");
    }

    @Test
    void aRegistryPortIsNotATag() {
        assertThat(Images.tag("registry.local:5000/istio/pilot")).isEmpty();
        assertThat(Images.tag("registry.local:5000/istio/pilot:1.30.3")).isEqualTo("1.30.3");
    }

    private static RenderedManifests manifests(String version, RenderedObject... objects) {
        return new RenderedManifests(List.of(new RenderedRelease("istiod", "istio-system", Component.ISTIOD, "istiod",
                version, TestCharts.chart(Component.ISTIOD), List.of(objects))));
    }
}
