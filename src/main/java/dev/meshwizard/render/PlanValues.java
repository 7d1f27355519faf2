package dev.meshwizard.render;

import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart values that come from the plan rather than from a release's values file, under the keys the Istio
 * charts read. They are applied like {@code helm --set}: after the values file and before the release's own
 * {@code --set} items, so those can still override them.
 * <ul>
 *   <li>{@value #PROFILE}: the profile's chart value ({@link Profile#chartValue()}), on every chart; a profile
 *       name the catalog does not know is passed on as it is, so the chart reports it;</li>
 *   <li>{@value #PLATFORM}: the platform, on every chart (the gateway chart's schema allows {@code global} but
 *       not a top-level {@code platform});</li>
 *   <li>{@value #REVISION}: the revision, on istiod, gateways and ztunnel. The base chart does not get it as
 *       {@value #DEFAULT_REVISION}: installing a revision beside a running control plane must not move the
 *       default (the validation webhook for configuration without a revision label) away from it, as Istio's
 *       canary upgrade asks. Making a revision the default is a separate, explicit choice: base's
 *       {@value #DEFAULT_REVISION} in its values.</li>
 * </ul>
 */
public final class PlanValues {

    /** Chart key of the profile; the charts also read {@code global.profile}. */
    public static final String PROFILE = "profile";
    /** Chart key of the platform; the charts also read a top-level {@code platform}. */
    public static final String PLATFORM = "global.platform";
    /** Chart key of the revision in the istiod, gateway and ztunnel charts. */
    public static final String REVISION = "revision";
    /** Base chart key naming the revision whose istiod validates configuration by default. */
    public static final String DEFAULT_REVISION = "defaultRevision";

    private PlanValues() {
    }

    /** The plan's values for a chart, key to value, in the order they are applied. */
    public static Map<String, String> of(InstallPlan plan, Component component) {
        Map<String, String> values = new LinkedHashMap<>();
        String profile = plan.profile().trim();
        if (!profile.isEmpty()) {
            Profile.byId(profile).ifPresentOrElse(
                    known -> known.chartValue().ifPresent(value -> values.put(PROFILE, value)),
                    () -> values.put(PROFILE, profile));
        }
        if (!plan.platform().isBlank()) {
            values.put(PLATFORM, plan.platform().trim());
        }
        String revision = plan.revision().trim();
        if (!revision.isEmpty()) {
            switch (component) {
                case ISTIOD, GATEWAY, ZTUNNEL -> values.put(REVISION, revision);
                case BASE, CNI -> {
                    // base: the default revision moves only when asked; cni: the node agent serves every revision
                }
            }
        }
        return values;
    }

    /**
     * The plan's values for a release followed by the release's own {@code --set} items; an item overrides a plan
     * value of the same key, and a later item an earlier one.
     *
     * @throws IllegalArgumentException for an item that is not {@code key=value}
     */
    public static Map<String, String> forRelease(InstallPlan plan, ChartRelease release) {
        Map<String, String> values = of(plan, release.component());
        for (String item : release.sets()) {
            int equals = item.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--set " + item + ": expected key=value");
            }
            String key = item.substring(0, equals);
            values.remove(key);
            values.put(key, item.substring(equals + 1));
        }
        return values;
    }

    /** The same values as {@code key=value} items, as {@code helm --set} takes them. */
    public static List<String> sets(InstallPlan plan, Component component) {
        List<String> sets = new ArrayList<>();
        of(plan, component).forEach((key, value) -> sets.add(key + "=" + value));
        return sets;
    }
}
