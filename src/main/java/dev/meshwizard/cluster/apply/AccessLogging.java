package dev.meshwizard.cluster.apply;

import dev.meshwizard.plan.ValuesDocument;
import dev.meshwizard.plan.ValuesException;
import io.fabric8.istio.api.api.telemetry.v1alpha1.ProviderRef;
import io.fabric8.istio.api.telemetry.v1.Telemetry;
import io.fabric8.istio.api.telemetry.v1.TelemetryBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The mesh-wide switch for Envoy access logs: Telemetry {@code mesh-default} in istio-system with the built-in
 * {@code envoy} provider, as Istio's documentation recommends. The mesh config's {@code accessLogFile} (which the
 * demo profile sets) also turns them on; it belongs to the istiod release and is only read here. Blocking: call from
 * a background job.
 */
public final class AccessLogging {

    /** The root namespace where a Telemetry applies to the whole mesh. */
    public static final String NAMESPACE = "istio-system";
    /** The name Istio's documentation gives the mesh-wide Telemetry. */
    public static final String TELEMETRY_NAME = "mesh-default";
    /** Envoy's built-in access-log provider. */
    public static final String PROVIDER = "envoy";

    private final KubernetesClient client;

    public AccessLogging(KubernetesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Whether access logs are on, and through which setting. */
    public AccessLogState state() {
        Telemetry telemetry = client.resources(Telemetry.class).inNamespace(NAMESPACE).withName(TELEMETRY_NAME).get();
        boolean envoy = telemetry != null && telemetry.getSpec() != null
                && telemetry.getSpec().getAccessLogging() != null
                && telemetry.getSpec().getAccessLogging().stream()
                .filter(logging -> !Boolean.TRUE.equals(logging.getDisabled()))
                .map(io.fabric8.istio.api.api.telemetry.v1alpha1.AccessLogging::getProviders).filter(Objects::nonNull).flatMap(List::stream)
                .anyMatch(provider -> PROVIDER.equals(provider.getName()));
        return new AccessLogState(envoy, meshConfigFile().orElse(""));
    }

    /** Applies Telemetry {@code mesh-default} with the {@code envoy} provider (server-side, Mesh Wizard's manager). */
    public void enable() {
        Telemetry telemetry = new TelemetryBuilder().withNewMetadata().withNamespace(NAMESPACE)
                .withName(TELEMETRY_NAME).addToLabels("app.kubernetes.io/managed-by", "mesh-wizard").endMetadata()
                .withNewSpec().addNewAccessLogging().addToProviders(new ProviderRef(PROVIDER)).endAccessLogging()
                .endSpec().build();
        Applier.describeOrThrow(new Applier(client).apply(List.of(telemetry)));
    }

    /** Deletes Telemetry {@code mesh-default}; the mesh config's {@code accessLogFile}, if set, stays. */
    public void disable() {
        client.resources(Telemetry.class).inNamespace(NAMESPACE).withName(TELEMETRY_NAME).delete();
    }

    private Optional<String> meshConfigFile() {
        ConfigMap map = client.configMaps().inNamespace(NAMESPACE).withName("istio").get();
        if (map == null || map.getData() == null || map.getData().get("mesh") == null) {
            return Optional.empty();
        }
        try {
            return ValuesDocument.parse(map.getData().get("mesh")).get("accessLogFile").map(Object::toString)
                    .filter(file -> !file.isBlank());
        } catch (ValuesException e) {
            return Optional.empty();
        }
    }
}
