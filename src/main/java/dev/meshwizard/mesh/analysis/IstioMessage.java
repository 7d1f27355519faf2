package dev.meshwizard.mesh.analysis;

/**
 * The {@code istioctl analyze} message a finding corresponds to: its code and name as Istio's message catalogue
 * ({@code pkg/config/analysis/msg/messages.yaml}) lists them, so that a finding can be compared with what
 * istioctl reports. {@link #NONE} for findings istioctl has no message for.
 */
public enum IstioMessage {
    NONE("", ""),
    REFERENCED_RESOURCE_NOT_FOUND("IST0101", "ReferencedResourceNotFound"),
    NAMESPACE_NOT_INJECTED("IST0102", "NamespaceNotInjected"),
    POD_MISSING_PROXY("IST0103", "PodMissingProxy"),
    SCHEMA_VALIDATION_ERROR("IST0106", "SchemaValidationError"),
    CONFLICTING_MESH_GATEWAY_VIRTUAL_SERVICE_HOSTS("IST0109", "ConflictingMeshGatewayVirtualServiceHosts"),
    VIRTUAL_SERVICE_DESTINATION_PORT_SELECTOR_REQUIRED("IST0112", "VirtualServiceDestinationPortSelectorRequired"),
    PORT_NAME_IS_NOT_UNDER_NAMING_CONVENTION("IST0118", "PortNameIsNotUnderNamingConvention"),
    NAMESPACE_MULTIPLE_INJECTION_LABELS("IST0123", "NamespaceMultipleInjectionLabels"),
    NO_SERVER_CERTIFICATE_VERIFICATION_DESTINATION_LEVEL("IST0128", "NoServerCertificateVerificationDestinationLevel"),
    NO_SERVER_CERTIFICATE_VERIFICATION_PORT_LEVEL("IST0129", "NoServerCertificateVerificationPortLevel"),
    VIRTUAL_SERVICE_UNREACHABLE_RULE("IST0130", "VirtualServiceUnreachableRule"),
    VIRTUAL_SERVICE_INEFFECTIVE_MATCH("IST0131", "VirtualServiceIneffectiveMatch"),
    VIRTUAL_SERVICE_HOST_NOT_FOUND_IN_GATEWAY("IST0132", "VirtualServiceHostNotFoundInGateway"),
    GATEWAY_DUPLICATE_CERTIFICATE("IST0138", "GatewayDuplicateCertificate"),
    CONFLICTING_GATEWAYS("IST0145", "ConflictingGateways"),
    IMAGE_AUTO_WITHOUT_INJECTION_WARNING("IST0146", "ImageAutoWithoutInjectionWarning"),
    IMAGE_AUTO_WITHOUT_INJECTION_ERROR("IST0147", "ImageAutoWithoutInjectionError"),
    JWT_CLAIM_BASED_ROUTING_WITHOUT_REQUEST_AUTHN("IST0149", "JwtClaimBasedRoutingWithoutRequestAuthN"),
    EXTERNAL_NAME_SERVICE_TYPE_INVALID_PORT_NAME("IST0150", "ExternalNameServiceTypeInvalidPortName"),
    PODS_ISTIO_PROXY_IMAGE_MISMATCH_IN_NAMESPACE("IST0158", "PodsIstioProxyImageMismatchInNamespace"),
    INVALID_GATEWAY_CREDENTIAL("IST0161", "InvalidGatewayCredential"),
    GATEWAY_PORT_NOT_DEFINED_ON_SERVICE("IST0162", "GatewayPortNotDefinedOnService"),
    DESTINATION_RULE_SUBSET_NOT_SELECT_PODS("IST0173", "DestinationRuleSubsetNotSelectPods");

    private final String code;
    private final String messageName;

    IstioMessage(String code, String messageName) {
        this.code = code;
        this.messageName = messageName;
    }

    /** istioctl's code, e.g. {@code IST0101}; "" for {@link #NONE}. */
    public String code() {
        return code;
    }

    /** istioctl's message name, e.g. {@code ReferencedResourceNotFound}; "" for {@link #NONE}. */
    public String messageName() {
        return messageName;
    }

    /** {@code IST0101 ReferencedResourceNotFound}; "" for {@link #NONE}. */
    public String label() {
        return this == NONE ? "" : code + " " + messageName;
    }
}
