package dev.meshwizard.testing;

import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Profile;
import java.util.ArrayList;
import java.util.List;

/** Install plans for tests: a profile's charts as releases with the usual names, all in istio-system. */
public final class TestPlans {

    public static final String NAMESPACE = "istio-system";

    private TestPlans() {
    }

    /** The profile's releases: istio-base, istio-cni, istiod, ztunnel, istio-ingressgateway, istio-egressgateway. */
    public static InstallPlan plan(Profile profile, ChartSourceSpec source) {
        return new InstallPlan(profile.id(), "", "", "", source, releases(profile));
    }

    /** A plan with the given profile name (known or not), platform and revision and these releases. */
    public static InstallPlan plan(String profile, String platform, String revision, ChartSourceSpec source,
                                   List<ChartRelease> releases) {
        return new InstallPlan(profile, platform, revision, "", source, releases);
    }

    public static List<ChartRelease> releases(Profile profile) {
        List<ChartRelease> releases = new ArrayList<>();
        int gateways = 0;
        for (Component component : profile.components()) {
            if (component == Component.GATEWAY) {
                releases.add(gateways++ == 0 ? ingress("") : egress());
            } else {
                releases.add(release(component, ""));
            }
        }
        return releases;
    }

    public static ChartRelease release(Component component, String values) {
        String name = switch (component) {
            case BASE -> "istio-base";
            case CNI -> "istio-cni";
            case ISTIOD -> "istiod";
            case ZTUNNEL -> "ztunnel";
            case GATEWAY -> "istio-ingressgateway";
        };
        return new ChartRelease(name, NAMESPACE, component, values, List.of());
    }

    public static ChartRelease ingress(String values) {
        return new ChartRelease("istio-ingressgateway", NAMESPACE, Component.GATEWAY, values, List.of());
    }

    public static ChartRelease egress() {
        return new ChartRelease("istio-egressgateway", NAMESPACE, Component.GATEWAY,
                "# egress gateway: no load balancer\nservice:\n  type: ClusterIP\n", List.of());
    }
}
