package dev.meshwizard.plan;

/** The values text a new release starts with: a few comments and commented examples a user can build on. */
final class DefaultValues {

    private DefaultValues() {
    }

    static String forRelease(Component component, String releaseName) {
        return switch (component) {
            case BASE -> """
                    # Values for the Istio base chart: the CRDs and cluster-wide resources.
                    # Set keys at the top level; the chart keeps its own defaults under _internal_defaults_do_not_set.
                    #
                    # The revision the default validating webhook points at:
                    # defaultRevision: default
                    """;
            case ISTIOD -> """
                    # Values for istiod, the Istio control plane.
                    # Set keys at the top level; the chart keeps its own defaults under _internal_defaults_do_not_set.
                    #
                    # pilot:
                    #   resources:
                    #     requests:
                    #       cpu: 500m
                    #       memory: 2048Mi
                    #   traceSampling: 1.0
                    #
                    # Envoy access logs on every proxy, handy when a route answers 503:
                    # meshConfig:
                    #   accessLogFile: /dev/stdout
                    """;
            case CNI -> """
                    # Values for the Istio CNI node agent, which ambient mode needs on every node.
                    # The plan's platform (gke, k3d, k3s, microk8s, minikube, openshift) sets the node paths that
                    # differ between distributions; set keys here only to change what the chart and platform choose.
                    """;
            case ZTUNNEL -> """
                    # Values for ztunnel, the ambient mode node proxy (one pod per node).
                    #
                    # resources:
                    #   requests:
                    #     cpu: 200m
                    #     memory: 512Mi
                    """;
            case GATEWAY -> releaseName.contains("egress") ? egressGateway(releaseName) : ingressGateway(releaseName);
        };
    }

    private static String ingressGateway(String releaseName) {
        String label = releaseName.startsWith("istio-") ? releaseName.substring("istio-".length()) : releaseName;
        return """
                # Values for the Istio gateway chart, release %s.
                # Its pods are labelled istio: %s (the release name without "istio-"); a Gateway resource
                # selects them by that label. Bookinfo's Gateway selects istio: ingressgateway.
                service:
                  type: LoadBalancer
                  # Annotations for the cloud's load balancer, e.g. an AWS NLB:
                  # annotations:
                  #   service.beta.kubernetes.io/aws-load-balancer-type: external
                  #   service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip
                  #   service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
                  #
                  # The chart's ports; a Gateway server port must be one of the targetPorts:
                  # ports:
                  # - name: status-port
                  #   port: 15021
                  #   targetPort: 15021
                  # - name: http2
                  #   port: 80
                  #   targetPort: 80
                  # - name: https
                  #   port: 443
                  #   targetPort: 443
                """.formatted(releaseName, label);
    }

    private static String egressGateway(String releaseName) {
        return """
                # Values for the Istio gateway chart, release %s: an egress gateway.
                # Traffic leaves the mesh through it, so it needs no load balancer.
                service:
                  type: ClusterIP
                """.formatted(releaseName);
    }
}
