package dev.meshwizard.cluster.apply;

import java.util.Objects;

/**
 * Whether the mesh's proxies write access logs, and why.
 *
 * @param telemetry     true when Telemetry {@code mesh-default} in istio-system names the {@code envoy} provider
 * @param meshConfigFile the {@code accessLogFile} of the mesh config (ConfigMap {@code istio}, key {@code mesh}),
 *                       e.g. {@code /dev/stdout} as the demo profile sets it; empty when unset
 */
public record AccessLogState(boolean telemetry, String meshConfigFile) {

    public AccessLogState {
        Objects.requireNonNull(meshConfigFile, "meshConfigFile");
    }

    /** True when either switch turns access logs on. */
    public boolean enabled() {
        return telemetry || !meshConfigFile.isEmpty();
    }

    /** The state in plain words. */
    public String describe() {
        if (telemetry && !meshConfigFile.isEmpty()) {
            return "On: Telemetry mesh-default with the envoy provider, and the mesh config's accessLogFile "
                    + meshConfigFile;
        }
        if (telemetry) {
            return "On: Telemetry mesh-default with the envoy provider";
        }
        if (!meshConfigFile.isEmpty()) {
            return "On: the mesh config's accessLogFile is " + meshConfigFile + " (set at install, e.g. by the demo "
                    + "profile); removing the Telemetry does not turn it off";
        }
        return "Off";
    }
}
