package dev.meshwizard.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersionBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * CustomResourceDefinitions of Istio and of the Kubernetes Gateway API, for seeding a simulated cluster where
 * Istio is taken as installed: their groups, kinds, plurals, short names and versions as the real charts have
 * them. Their schemas keep unknown fields (the real ones describe every field); the storage version is the first
 * beta version, or the only one.
 */
public final class KnownCrds {

    private KnownCrds() {
    }

    /** The CRDs Istio's base chart installs (networking, security, telemetry, extensions). */
    public static List<CustomResourceDefinition> istio() {
        List<String> networkingVersions = List.of("v1", "v1alpha3", "v1beta1");
        List<String> securityVersions = List.of("v1", "v1beta1");
        List<CustomResourceDefinition> crds = new ArrayList<>();
        crds.add(crd("networking.istio.io", "DestinationRule", "destinationrules", networkingVersions, "dr"));
        crds.add(crd("networking.istio.io", "EnvoyFilter", "envoyfilters", List.of("v1alpha3")));
        crds.add(crd("networking.istio.io", "Gateway", "gateways", networkingVersions, "gw"));
        crds.add(crd("networking.istio.io", "ProxyConfig", "proxyconfigs", List.of("v1beta1")));
        crds.add(crd("networking.istio.io", "ServiceEntry", "serviceentries", networkingVersions, "se"));
        crds.add(crd("networking.istio.io", "Sidecar", "sidecars", networkingVersions));
        crds.add(crd("networking.istio.io", "VirtualService", "virtualservices", networkingVersions, "vs"));
        crds.add(crd("networking.istio.io", "WorkloadEntry", "workloadentries", networkingVersions, "we"));
        crds.add(crd("networking.istio.io", "WorkloadGroup", "workloadgroups", networkingVersions, "wg"));
        crds.add(crd("security.istio.io", "AuthorizationPolicy", "authorizationpolicies", securityVersions, "ap"));
        crds.add(crd("security.istio.io", "PeerAuthentication", "peerauthentications", securityVersions, "pa"));
        crds.add(crd("security.istio.io", "RequestAuthentication", "requestauthentications", securityVersions,
                "ra"));
        crds.add(crd("telemetry.istio.io", "Telemetry", "telemetries", List.of("v1", "v1alpha1"), "telemetry"));
        crds.add(crd("extensions.istio.io", "WasmPlugin", "wasmplugins", List.of("v1alpha1")));
        return crds;
    }

    /** The standard channel of the Kubernetes Gateway API. */
    public static List<CustomResourceDefinition> gatewayApi() {
        String group = "gateway.networking.k8s.io";
        List<CustomResourceDefinition> crds = new ArrayList<>();
        CustomResourceDefinition classes = crd(group, "GatewayClass", "gatewayclasses", List.of("v1", "v1beta1"), "gc");
        classes.getSpec().setScope("Cluster");
        crds.add(classes);
        crds.add(crd(group, "Gateway", "gateways", List.of("v1", "v1beta1"), "gtw"));
        crds.add(crd(group, "HTTPRoute", "httproutes", List.of("v1", "v1beta1")));
        crds.add(crd(group, "GRPCRoute", "grpcroutes", List.of("v1")));
        crds.add(crd(group, "ReferenceGrant", "referencegrants", List.of("v1beta1"), "refgrant"));
        return crds;
    }

    private static CustomResourceDefinition crd(String group, String kind, String plural, List<String> versions,
                                                String... shortNames) {
        String storage = versions.stream().filter(v -> v.contains("beta")).findFirst().orElse(versions.get(0));
        List<CustomResourceDefinitionVersion> served = versions.stream().map(v -> new CustomResourceDefinitionVersionBuilder()
                .withName(v).withServed(true).withStorage(v.equals(storage))
                .withNewSubresources().withNewStatus().endStatus().endSubresources()
                .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema().build()).toList();
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName(plural + "." + group).addToLabels("app", group.endsWith("istio.io")
                        ? "istio-pilot" : "gateway-api").endMetadata()
                .withNewSpec().withGroup(group).withScope("Namespaced")
                .withNewNames().withKind(kind).withListKind(kind + "List").withPlural(plural)
                .withSingular(kind.toLowerCase(java.util.Locale.ROOT)).withShortNames(shortNames).endNames()
                .withVersions(served).endSpec().build();
    }
}
