package dev.meshwizard.mesh.analysis;

import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.render.RenderedManifests;
import dev.meshwizard.render.RenderedObject;
import dev.meshwizard.render.RenderedRelease;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A gateway the install plan will create, as far as routing cares: the labels of its pods and the ports of its
 * Service.
 *
 * @param release   the gateway release's name, e.g. {@code istio-ingressgateway}
 * @param namespace the release's namespace
 * @param podLabels the labels its pods get
 * @param ports     its Service's ports (empty when the release has no Service)
 */
public record PlannedGateway(String release, String namespace, Map<String, String> podLabels,
                             List<ServicePort> ports) {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    public PlannedGateway {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(namespace, "namespace");
        podLabels = Map.copyOf(podLabels);
        ports = List.copyOf(ports);
    }

    /**
     * The {@code istio} label the gateway chart gives a release's pods: the release name without a leading
     * {@code istio-} ({@code istio-ingressgateway} gives {@code ingressgateway}).
     */
    public static String istioLabel(String release) {
        return release.startsWith("istio-") ? release.substring("istio-".length()) : release;
    }

    /** The pod labels a Gateway selects a release's pods by: {@code istio: <istioLabel(release)>}. */
    public static Map<String, String> selector(String release) {
        return Map.of("istio", istioLabel(release));
    }

    /**
     * The plan's gateway releases, with pod labels and Service ports as they were rendered; a release whose
     * workload is not among the rendered objects gets the labels the gateway chart gives ({@code app} and
     * {@code istio}, see {@link Plans#gatewayIstioLabel}).
     */
    public static List<PlannedGateway> of(InstallPlan plan, RenderedManifests manifests) {
        List<PlannedGateway> gateways = new ArrayList<>();
        for (ChartRelease release : plan.releases()) {
            if (release.component() != Component.GATEWAY) {
                continue;
            }
            Optional<RenderedRelease> rendered = manifests.release(release.name());
            Map<String, String> labels = rendered.flatMap(PlannedGateway::podLabels).orElseGet(() -> {
                Map<String, String> chartLabels = new LinkedHashMap<>();
                chartLabels.put("app", release.name());
                chartLabels.put("istio", Plans.gatewayIstioLabel(release));
                return chartLabels;
            });
            List<ServicePort> ports = rendered.flatMap(r -> r.ofKind("Service").stream().findFirst())
                    .map(o -> read(o, Service.class))
                    .map(s -> s.getSpec() == null ? List.<ServicePort>of() : s.getSpec().getPorts())
                    .orElse(List.of());
            gateways.add(new PlannedGateway(release.name(), release.namespace(), labels, ports));
        }
        return gateways;
    }

    private static Optional<Map<String, String>> podLabels(RenderedRelease release) {
        for (RenderedObject object : release.objects()) {
            if ("Deployment".equals(object.kind())) {
                Deployment deployment = read(object, Deployment.class);
                return Optional.ofNullable(deployment.getSpec().getTemplate().getMetadata().getLabels());
            }
            if ("DaemonSet".equals(object.kind())) {
                DaemonSet daemonSet = read(object, DaemonSet.class);
                return Optional.ofNullable(daemonSet.getSpec().getTemplate().getMetadata().getLabels());
            }
        }
        return Optional.empty();
    }

    private static <T extends KubernetesResource> T read(RenderedObject object, Class<T> type) {
        return SERIALIZATION.unmarshal(object.yaml(), type);
    }

    /** The ports its Service forwards to on the pods: each port's targetPort, or the port when none is set. */
    public List<Integer> targetPorts() {
        return ports.stream().map(PlannedGateway::targetPort).filter(Objects::nonNull).toList();
    }

    /**
     * The pod port a Service port forwards to when it is a number: its targetPort, or the port itself when unset;
     * null for a named targetPort.
     */
    public static Integer targetPort(ServicePort port) {
        return port.getTargetPort() == null ? port.getPort() : port.getTargetPort().getIntVal();
    }
}
