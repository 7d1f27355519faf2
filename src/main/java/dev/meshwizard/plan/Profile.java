package dev.meshwizard.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Istio install profiles and what each means for Helm: which charts it installs and the chart
 * {@code profile} value, where the charts have one. {@code default}, {@code minimal} and {@code empty} exist only
 * for istioctl; with Helm they are chart sets without a profile value.
 */
public enum Profile {
    DEFAULT("default", null, List.of(Component.BASE, Component.ISTIOD, Component.GATEWAY),
            "Production defaults: base, istiod and an ingress gateway"),
    DEMO("demo", "demo", List.of(Component.BASE, Component.ISTIOD, Component.GATEWAY, Component.GATEWAY),
            "For trying Istio: adds an egress gateway, access logs to stdout, low resource requests"),
    MINIMAL("minimal", null, List.of(Component.BASE, Component.ISTIOD),
            "Control plane only: base and istiod, no gateways"),
    AMBIENT("ambient", "ambient", List.of(Component.BASE, Component.CNI, Component.ISTIOD, Component.ZTUNNEL),
            "Sidecar-less ambient mode: base, CNI node agent, istiod, ztunnel; no ingress gateway"),
    EMPTY("empty", null, List.of(), "Nothing preselected: add the releases you want"),
    PREVIEW("preview", "preview", List.of(Component.BASE, Component.ISTIOD, Component.GATEWAY),
            "Default plus experimental features"),
    REMOTE("remote", "remote", List.of(Component.BASE, Component.ISTIOD),
            "A remote cluster of a multicluster mesh, managed by an external control plane"),
    STABLE("stable", "stable", List.of(Component.BASE, Component.ISTIOD, Component.GATEWAY),
            "Default with only stable features enabled");

    private final String id;
    private final String chartValue;
    private final List<Component> components;
    private final String summary;

    Profile(String id, String chartValue, List<Component> components, String summary) {
        this.id = id;
        this.chartValue = chartValue;
        this.components = components;
        this.summary = summary;
    }

    /** The name users type, e.g. {@code demo}. */
    public String id() {
        return id;
    }

    /** The charts' {@code profile} value, when Helm knows this profile. */
    public Optional<String> chartValue() {
        return Optional.ofNullable(chartValue);
    }

    /** The charts this profile installs, in install order; a gateway appears once per gateway release. */
    public List<Component> components() {
        return components;
    }

    /** One line saying what the profile is for. */
    public String summary() {
        return summary;
    }

    /** The profile with this name, ignoring case. */
    public static Optional<Profile> byId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst();
    }
}
