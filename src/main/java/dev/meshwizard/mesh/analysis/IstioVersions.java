package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** Takes routing objects of the older Istio API versions as {@code networking.istio.io/v1}: their specs are alike. */
final class IstioVersions {

    private static final String V1 = "networking.istio.io/v1";

    private IstioVersions() {
    }

    static HasMetadata toV1(HasMetadata object) {
        if (object instanceof io.fabric8.istio.api.networking.v1beta1.Gateway g) {
            return new Gateway(V1, "Gateway", g.getMetadata(), g.getSpec(), null);
        }
        if (object instanceof io.fabric8.istio.api.networking.v1alpha3.Gateway g) {
            return new Gateway(V1, "Gateway", g.getMetadata(), g.getSpec(), null);
        }
        if (object instanceof io.fabric8.istio.api.networking.v1beta1.VirtualService v) {
            return new VirtualService(V1, "VirtualService", v.getMetadata(), v.getSpec(), null);
        }
        if (object instanceof io.fabric8.istio.api.networking.v1alpha3.VirtualService v) {
            return new VirtualService(V1, "VirtualService", v.getMetadata(), v.getSpec(), null);
        }
        if (object instanceof io.fabric8.istio.api.networking.v1beta1.DestinationRule d) {
            return new DestinationRule(V1, "DestinationRule", d.getMetadata(), d.getSpec(), null);
        }
        if (object instanceof io.fabric8.istio.api.networking.v1alpha3.DestinationRule d) {
            return new DestinationRule(V1, "DestinationRule", d.getMetadata(), d.getSpec(), null);
        }
        return object;
    }
}
