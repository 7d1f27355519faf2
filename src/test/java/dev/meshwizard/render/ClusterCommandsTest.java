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
    void anUninstallRunsTheExportsUninstallLinesOnTheContextWithoutSwitchingTheUsersCurrentContext() {
        InstallPlan plan = Plans.forProfile(Profile.DEFAULT, ChartSourceSpec.helmRepo(ChartSourceSpec.ISTIO_REPO,
                "1.30.3"), "1.30.3");

        String commands = ClusterCommands.uninstall(plan, "kind-mesh");

        assertThat(commands).doesNotContain("use-context").doesNotContain("current-context")
                .contains("helm --kube-context kind-mesh uninstall istio-ingressgateway -n istio-system --wait")
                .doesNotContain("#!/usr/bin/env bash").doesNotContain("set -euo pipefail");
        assertThat(commands.indexOf("istio-ingressgateway")).isLessThan(commands.indexOf("kind-mesh uninstall istiod"));
        assertThat(commands).contains("if helm --kube-context kind-mesh status istiod").contains("xargs -r kubectl --context kind-mesh delete");
    }

    @Test
    void applyAndDeleteTakeTheManifestsInlineAndQuoteAContextWithSpaces() {
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n";

        assertThat(ClusterCommands.apply(yaml, "my lab")).isEqualTo("kubectl --context 'my lab' apply --server-side "
                + "--field-manager=mesh-wizard -f - <<'MESH_WIZARD_EOF'\n" + yaml + "MESH_WIZARD_EOF\n");
        assertThat(ClusterCommands.delete(yaml, "lab")).startsWith("kubectl --context lab delete --ignore-not-found "
                + "-f - <<'MESH_WIZARD_EOF'\n");
    }

    @Test
    void aManifestLineThatIsTheEndMarkerCannotEndTheInlineManifestsEarly() throws Exception {
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  run.sh: |\n"
                + "    cat <<EOF\nMESH_WIZARD_EOF\n    rm -rf /tmp/x\n";

        String commands = ClusterCommands.apply(yaml, "lab");

        // Run through a real shell with cat standing in for kubectl: every line arrives as input, none runs
        java.nio.file.Path bin = java.nio.file.Files.createTempDirectory("stand-in");
        java.nio.file.Path kubectl = java.nio.file.Files.writeString(bin.resolve("kubectl"), "#!/bin/sh\ncat\n");
        kubectl.toFile().setExecutable(true);
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", commands).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process run = builder.start();
        String output = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(run.waitFor()).isZero();
        assertThat(output).isEqualTo(yaml);
    }
}
