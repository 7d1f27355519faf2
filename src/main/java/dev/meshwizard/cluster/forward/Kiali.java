package dev.meshwizard.cluster.forward;

import dev.meshwizard.cluster.apply.Applier;

import dev.meshwizard.plan.ValuesDocument;
import dev.meshwizard.plan.ValuesException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Kiali as Istio's addon installs it ({@code samples/addons/kiali.yaml}): Service and pods ({@code app=kiali}) in
 * istio-system, a ConfigMap {@code kiali} whose {@code config.yaml} names the Prometheus to read. Detects it,
 * installs it from an Istio release folder by server-side apply, points it at another Prometheus, and opens a
 * port-forward to it like {@code istioctl dashboard kiali}. Installing from the {@code kiali-server} Helm chart needs
 * the internet and is not offered. Blocking methods: call them from a background job.
 */
public final class Kiali {

    /** Where the addon installs Kiali. */
    public static final String NAMESPACE = "istio-system";
    /** Kiali's name: its Service, Deployment and ConfigMap. */
    public static final String NAME = "kiali";
    /** The port Kiali serves on, in the pod and on the Service. */
    public static final int PORT = 20001;
    /** Kiali's web root. */
    public static final String WEB_ROOT = "/kiali";
    /** The ConfigMap key holding Kiali's configuration. */
    public static final String CONFIG_KEY = "config.yaml";
    /** Where in {@link #CONFIG_KEY} the Prometheus URL is. */
    public static final String PROMETHEUS_URL_PATH = "external_services.prometheus.url";
    /** The pod-template annotation whose change restarts a Deployment's pods, as {@code kubectl rollout restart}. */
    public static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

    private final KubernetesClient client;
    private final PortForwards forwards;

    public Kiali(PortForwards forwards, KubernetesClient client) {
        this.forwards = Objects.requireNonNull(forwards, "forwards");
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Whether Kiali's Service and pods exist and how many pods are ready. */
    public KialiStatus status() {
        boolean service = client.services().inNamespace(NAMESPACE).withName(NAME).get() != null;
        List<Pod> pods = client.pods().inNamespace(NAMESPACE).withLabel("app", NAME).list().getItems();
        int ready = (int) pods.stream().filter(PortForwards::isReady).count();
        return new KialiStatus(service, pods.size(), ready, prometheusUrl().orElse(""));
    }

    /** The Prometheus URL in Kiali's ConfigMap, if the ConfigMap and the setting exist. */
    public Optional<String> prometheusUrl() {
        ConfigMap map = client.configMaps().inNamespace(NAMESPACE).withName(NAME).get();
        if (map == null || map.getData() == null || map.getData().get(CONFIG_KEY) == null) {
            return Optional.empty();
        }
        try {
            return ValuesDocument.parse(map.getData().get(CONFIG_KEY)).get(PROMETHEUS_URL_PATH).map(Object::toString);
        } catch (ValuesException e) {
            return Optional.empty();
        }
    }

    /**
     * Installs Kiali (and Prometheus, when asked) from an Istio release folder's {@code samples/addons}, applying each
     * object server-side with field manager {@value Applier#FIELD_MANAGER} in dependency order ({@link Applier}).
     * Applying again updates what exists.
     *
     * @param istioRelease   the unpacked release, e.g. {@code istio-1.30.3}
     * @param withPrometheus also apply {@code samples/addons/prometheus.yaml}
     * @return each applied object as {@code Kind namespace/name} (or {@code Kind name}), in order
     * @throws IOException when an addon file is missing or cannot be read
     * @throws KubernetesClientException naming the objects the server refused (the others are applied)
     */
    public List<String> install(Path istioRelease, boolean withPrometheus) throws IOException {
        Path addons = istioRelease.resolve("samples").resolve("addons");
        List<Path> files = new ArrayList<>();
        if (withPrometheus) {
            files.add(addons.resolve("prometheus.yaml"));
        }
        files.add(addons.resolve("kiali.yaml"));
        List<HasMetadata> objects = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                objects.addAll(client.load(in).items());
            }
        }
        return Applier.describeOrThrow(new Applier(client).apply(objects));
    }

    /**
     * Prometheus Services in the cluster (named with "prometheus" or labelled {@code app=prometheus} or
     * {@code app.kubernetes.io/name=prometheus}) as URLs {@code http://<service>.<namespace>:<port>}, those on port
     * 9090 first.
     */
    public List<String> prometheusUrls() {
        Map<String, Integer> urls = new LinkedHashMap<>();
        for (Service service : client.services().inAnyNamespace().list().getItems()) {
            Map<String, String> labels = Optional.ofNullable(service.getMetadata().getLabels()).orElse(Map.of());
            boolean prometheus = service.getMetadata().getName().contains("prometheus")
                    || "prometheus".equals(labels.get("app")) || "prometheus".equals(labels.get("app.kubernetes.io/name"));
            if (!prometheus || service.getSpec().getPorts() == null || service.getSpec().getPorts().isEmpty()) {
                continue;
            }
            int port = webPort(service.getSpec().getPorts());
            urls.put("http://" + service.getMetadata().getName() + "." + service.getMetadata().getNamespace() + ":"
                    + port, port);
        }
        return urls.entrySet().stream().sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue() != 9090)
                .thenComparing(Map.Entry::getKey)).map(Map.Entry::getKey).toList();
    }

    private static int webPort(List<ServicePort> ports) {
        return ports.stream().filter(p -> Integer.valueOf(9090).equals(p.getPort())).findFirst()
                .or(() -> ports.stream().filter(p -> p.getName() != null && p.getName().matches("http.*|web")).findFirst())
                .orElse(ports.get(0)).getPort();
    }

    /**
     * Points Kiali at another Prometheus: sets {@value #PROMETHEUS_URL_PATH} in the {@value #CONFIG_KEY} of ConfigMap
     * {@value #NAME}, keeping every other key of the ConfigMap and every other setting, comment and line of the
     * YAML as it was, then restarts the Kiali Deployment (by changing its pod template's {@value #RESTARTED_AT}
     * annotation) so that Kiali reads it.
     *
     * @throws IllegalStateException when the ConfigMap does not exist or its configuration cannot be edited
     */
    public void pointAtPrometheus(String url) {
        Objects.requireNonNull(url, "url");
        ConfigMap map = client.configMaps().inNamespace(NAMESPACE).withName(NAME).get();
        if (map == null) {
            throw new IllegalStateException("Kiali's ConfigMap " + NAMESPACE + "/" + NAME + " does not exist");
        }
        String config = map.getData() == null ? null : map.getData().get(CONFIG_KEY);
        String edited;
        try {
            ValuesDocument document = config == null || config.isBlank() ? ValuesDocument.empty()
                    : ValuesDocument.parse(config);
            edited = document.set(PROMETHEUS_URL_PATH, url).text();
        } catch (ValuesException e) {
            throw new IllegalStateException("Cannot edit " + CONFIG_KEY + " of ConfigMap " + NAME + ": "
                    + e.getMessage(), e);
        }
        client.configMaps().inNamespace(NAMESPACE).withName(NAME).edit(current -> {
            Map<String, String> data = new LinkedHashMap<>(Optional.ofNullable(current.getData()).orElse(Map.of()));
            data.put(CONFIG_KEY, edited);
            current.setData(data);
            return current;
        });
        restart();
    }

    /** Restarts the Kiali Deployment's pods, as {@code kubectl rollout restart deployment/kiali} does. */
    public void restart() {
        String patch = "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"" + RESTARTED_AT + "\":\""
                + Instant.now() + "\"}}}}}";
        client.apps().deployments().inNamespace(NAMESPACE).withName(NAME)
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    }

    /**
     * Forwards a local port (20001 when free, else any free one) to port 20001 of the newest ready Kiali pod and
     * follows a new pod when it goes away. Closed with the session.
     *
     * @param listener gets the forward's state changes, on the forward's own threads
     */
    public PodForward portForward(PodForward.Listener listener) {
        return forwards.open(NAMESPACE, "app", NAME, PORT, PORT, listener);
    }
}
