package dev.meshwizard.plan;

/**
 * An Istio Helm chart, with where it lives in the Helm repository and in an Istio release folder.
 */
public enum Component {
    BASE("base", "manifests/charts/base"),
    CNI("cni", "manifests/charts/istio-cni"),
    ISTIOD("istiod", "manifests/charts/istio-control/istio-discovery"),
    ZTUNNEL("ztunnel", "manifests/charts/ztunnel"),
    GATEWAY("gateway", "manifests/charts/gateway");

    private final String chartName;
    private final String releaseFolderPath;

    Component(String chartName, String releaseFolderPath) {
        this.chartName = chartName;
        this.releaseFolderPath = releaseFolderPath;
    }

    /** The chart's name in the Istio Helm repository, e.g. {@code istiod}. */
    public String chartName() {
        return chartName;
    }

    /** The chart's folder inside an Istio release folder, e.g. {@code manifests/charts/gateway}. */
    public String releaseFolderPath() {
        return releaseFolderPath;
    }
}
