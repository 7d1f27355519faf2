package dev.meshwizard.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import org.junit.jupiter.api.Test;

/** "Copy as commands": the helm and kubectl lines of each cluster action, bound to the window's context. */
class ClusterCommandsTest {

    @Test
    void aRollbackIsOneHelmRollbackLineOnTheContext() {
        assertThat(ClusterCommands.rollback("istiod", "istio-system", 1, "prod-eu"))
                .isEqualTo("helm rollback istiod 1 -n istio-system --kube-context prod-eu --wait\n");
    }

    @Test
    void anUninstallSwitchesToTheContextThenRunsTheExportsUninstallLinesWithoutTheScriptPreamble() {
        InstallPlan plan = Plans.forProfile(Profile.DEFAULT, ChartSourceSpec.helmRepo(ChartSourceSpec.ISTIO_REPO,
                "1.30.3"), "1.30.3");

        String commands = ClusterCommands.uninstall(plan, "kind-mesh");

        assertThat(commands).startsWith("kubectl config use-context kind-mesh\n")
                .contains("helm uninstall istio-ingressgateway -n istio-system --wait")
                .doesNotContain("#!/usr/bin/env bash").doesNotContain("set -euo pipefail");
        assertThat(commands.indexOf("istio-ingressgateway")).isLessThan(commands.indexOf("helm uninstall istiod"));
    }

    @Test
    void applyAndDeleteTakeTheManifestsInlineAndQuoteAContextWithSpaces() {
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n";

        assertThat(ClusterCommands.apply(yaml, "my lab")).isEqualTo("kubectl --context 'my lab' apply --server-side "
                + "--field-manager=mesh-wizard -f - <<'EOF'\n" + yaml + "EOF\n");
        assertThat(ClusterCommands.delete(yaml, "lab")).startsWith("kubectl --context lab delete --ignore-not-found "
                + "-f - <<'EOF'\n");
    }
}
