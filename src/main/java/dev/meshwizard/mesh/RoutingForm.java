package dev.meshwizard.mesh;

/**
 * The fields of a routing document that the Routing step shows as a form: one of {@link GatewayForm},
 * {@link VirtualServiceForm} or {@link DestinationRuleForm}. Read with {@link RoutingForms#read} and written back with
 * {@link RoutingForms#write}.
 */
public sealed interface RoutingForm permits GatewayForm, VirtualServiceForm, DestinationRuleForm {
}
