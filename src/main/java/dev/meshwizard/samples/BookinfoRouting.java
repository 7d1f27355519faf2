package dev.meshwizard.samples;

import static dev.meshwizard.mesh.IstioObjects.destination;
import static dev.meshwizard.mesh.IstioObjects.exact;
import static dev.meshwizard.mesh.IstioObjects.meta;
import static dev.meshwizard.mesh.IstioObjects.prefix;
import static dev.meshwizard.mesh.IstioObjects.route;

import dev.meshwizard.mesh.analysis.PlannedGateway;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.render.RenderedManifests;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequestBuilder;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.GatewayBuilder;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.List;
import java.util.Map;

/**
 * How Bookinfo is reached through the ingress gateway: Gateway {@code bookinfo-gateway} and VirtualService
 * {@code bookinfo}, as Istio's {@code bookinfo-gateway.yaml} writes them, but fitted to the gateway actually
 * installed: the selector is the release's pod label ({@code istio: <release without "istio-">}) and the server
 * port is one the gateway Service forwards to (8080 when a port targets 8080, else 80).
 *
 * @param gatewayRelease the gateway release's name, e.g. {@code istio-ingressgateway}
 * @param gatewayPorts   the gateway Service's ports
 * @param namespace      Bookinfo's namespace, where both objects go
 */
public record BookinfoRouting(String gatewayRelease, List<ServicePort> gatewayPorts, String namespace) {

    /** The Gateway's name. */
    public static final String GATEWAY = "bookinfo-gateway";
    /** The VirtualService's name. */
    public static final String VIRTUAL_SERVICE = "bookinfo";

    public BookinfoRouting {
        if (gatewayRelease == null || gatewayRelease.isBlank()) {
            throw new IllegalArgumentException("Bookinfo's routing needs the gateway release's name");
        }
        gatewayPorts = List.copyOf(gatewayPorts);
        namespace = Bookinfo.blankToDefault(namespace, "default");
    }

    /** Routing for a gateway release whose Service is given. */
    public static BookinfoRouting forService(String gatewayRelease, Service gatewayService, String namespace) {
        List<ServicePort> ports = gatewayService.getSpec() == null || gatewayService.getSpec().getPorts() == null
                ? List.of() : gatewayService.getSpec().getPorts();
        return new BookinfoRouting(gatewayRelease, ports, namespace);
    }

    /**
     * Routing for the plan's first gateway release, with its rendered Service's ports.
     *
     * @throws IllegalArgumentException when the plan has no gateway release
     */
    public static BookinfoRouting forPlan(InstallPlan plan, RenderedManifests manifests, String namespace) {
        PlannedGateway gateway = PlannedGateway.of(plan, manifests).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the install plan has no gateway release"));
        return new BookinfoRouting(gateway.release(), gateway.ports(), namespace);
    }

    /** The Gateway's selector: {@code istio: <release without a leading "istio-">}. */
    public Map<String, String> selector() {
        return PlannedGateway.selector(gatewayRelease);
    }

    /** 8080 when the gateway Service sends a port to targetPort 8080, else 80. */
    public int serverPort() {
        boolean targets8080 = gatewayPorts.stream().map(PlannedGateway::targetPort).anyMatch(t -> t != null && t == 8080);
        return targets8080 ? 8080 : 80;
    }

    /** The Gateway and the VirtualService. */
    public List<HasMetadata> objects() {
        return objects(serverPort());
    }

    /** The Gateway, with its server on {@code port}, and the VirtualService. */
    public List<HasMetadata> objects(int port) {
        return List.of(gateway(port), virtualService());
    }

    /** Gateway {@value #GATEWAY}: HTTP on {@link #serverPort()}, hosts {@code *}. */
    public Gateway gateway() {
        return gateway(serverPort());
    }

    private Gateway gateway(int port) {
        return new GatewayBuilder()
                .withMetadata(meta(GATEWAY, namespace))
                .withNewSpec().withSelector(selector())
                .addNewServer()
                .withNewPort().withNumber((long) port).withName("http").withProtocol("HTTP").endPort()
                .withHosts("*")
                .endServer()
                .endSpec().build();
    }

    /** VirtualService {@value #VIRTUAL_SERVICE}: Bookinfo's pages and API to productpage:9080. */
    public VirtualService virtualService() {
        List<HTTPMatchRequest> matches = List.of(
                uri(true, "/productpage"), uri(false, "/static"), uri(true, "/login"), uri(true, "/logout"),
                uri(false, "/api/v1/products"));
        return new VirtualServiceBuilder()
                .withMetadata(meta(VIRTUAL_SERVICE, namespace))
                .withNewSpec().withHosts("*").withGateways(GATEWAY)
                .addNewHttp().withMatch(matches)
                .withRoute(route(destination("productpage", "", Bookinfo.PORT), null))
                .endHttp()
                .endSpec().build();
    }

    private static HTTPMatchRequest uri(boolean exactMatch, String path) {
        return new HTTPMatchRequestBuilder().withUri(exactMatch ? exact(path) : prefix(path)).build();
    }
}
