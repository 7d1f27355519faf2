package dev.meshwizard.render;

import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/** Writes {@code install.sh} and {@code uninstall.sh}: the stock helm and kubectl commands for a plan. */
final class InstallScripts {

    /** The name the install script gives the Istio Helm repository. */
    static final String REPO_NAME = "istio";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private InstallScripts() {
    }

    static String install(InstallPlan plan, RenderedManifests manifests) {
        return install(plan, manifests, false);
    }

    /**
     * The install script; with {@code routing}, the export's routing folder is applied after the releases. It runs
     * from any working directory (it changes to its own folder) and names only files inside the export: chart
     * archives under {@code charts/} or the Istio repository's charts by name and version, and values files. No
     * value is given on the command line; the plan's values and {@code --set} items are in
     * {@link Exporter#setValuesFileName values/<release>.set.yaml}.
     */
    static String install(InstallPlan plan, RenderedManifests manifests, boolean routing) {
        ChartSourceSpec source = plan.source();
        boolean repo = source.kind() == ChartSourceSpec.Kind.HELM_REPO;
        StringBuilder script = new StringBuilder();
        script.append("#!/usr/bin/env bash\n")
                .append("# Installs Istio ").append(version(plan, manifests)).append(" with Helm: profile ")
                .append(plan.profile()).append(", ").append(plan.releases().size()).append(" releases in order.\n")
                .append("# Uses helm and kubectl from PATH and the current kubectl context, and only files of this\n")
                .append("# folder, from whatever directory it is run. Written by Mesh Wizard.\n")
                .append("set -euo pipefail\n")
                .append("cd \"$(dirname \"${BASH_SOURCE[0]}\")\"\n\n")
                .append("echo \"Installing into the cluster of context: $(kubectl config current-context)\"\n\n");
        if (repo) {
            script.append(command("helm", "repo", "add", REPO_NAME, source.repoUrl(), "--force-update")).append('\n')
                    .append(command("helm", "repo", "update", REPO_NAME)).append("\n\n");
        }
        for (int i = 0; i < plan.releases().size(); i++) {
            ChartRelease release = plan.releases().get(i);
            RenderedRelease rendered = manifests.releases().get(i);
            List<String> args = new ArrayList<>(List.of("helm", "upgrade", "--install", release.name()));
            args.add(repo ? REPO_NAME + "/" + release.component().chartName() : ChartArchives.fileName(rendered));
            args.addAll(List.of("-n", release.namespace(), "--create-namespace"));
            // Exactly these values, as the app's own upgrades: without it Helm keeps an earlier revision's values
            // whenever the files below set none.
            args.add("--reset-values");
            if (repo) {
                args.addAll(List.of("--version", source.version()));
            }
            args.addAll(List.of("-f", Exporter.valuesFileName(release)));
            if (!PlanValues.forRelease(plan, release).isEmpty()) {
                args.addAll(List.of("-f", Exporter.setValuesFileName(release)));
            }
            boolean gateway = release.component() == Component.GATEWAY;
            if (!gateway) {
                args.add("--wait");
            }
            script.append("echo '==> ").append(release.name()).append(" (").append(release.component().chartName())
                    .append(")'\n");
            if (gateway) {
                script.append("# Not helm --wait: for a LoadBalancer Service Helm waits until it has an address,\n")
                        .append("# which never comes on kind, minikube or bare metal. Wait for the gateway's pods.\n");
            }
            script.append(command(args.toArray(String[]::new))).append('\n');
            if (gateway) {
                for (String workload : workloads(rendered)) {
                    script.append(command("kubectl", "rollout", "status", workload, "-n", release.namespace(),
                            "--timeout=5m")).append('\n');
                }
            }
            script.append('\n');
        }
        if (routing) {
            script.append("echo '==> Istio routing'\n")
                    .append(command("kubectl", "apply", "--server-side", "--field-manager=mesh-wizard", "-f",
                            Exporter.ROUTING_FOLDER + "/")).append("\n\n");
        }
        script.append("echo 'Done. Helm releases:'\n")
                .append(command("helm", "list", "-A", "--filter", "^(" + String.join("|", releaseNames(plan)) + ")$"))
                .append('\n');
        return script.toString();
    }

    /** The gateway's Deployments and DaemonSets, as {@code kubectl rollout status} names them. */
    private static List<String> workloads(RenderedRelease release) {
        List<String> workloads = new ArrayList<>();
        release.ofKind("Deployment").forEach(o -> workloads.add("deployment/" + o.name()));
        release.ofKind("DaemonSet").forEach(o -> workloads.add("daemonset/" + o.name()));
        return workloads;
    }

    static String uninstall(InstallPlan plan) {
        StringBuilder script = new StringBuilder();
        script.append("#!/usr/bin/env bash\n")
                .append("# Removes the Helm releases install.sh created, in reverse order. Istio's CRDs, and the\n")
                .append("# Istio resources stored in them, stay unless DELETE_CRDS=1 is set. Runs from any\n")
                .append("# directory.\n")
                .append("# Written by Mesh Wizard.\n")
                .append("set -euo pipefail\n")
                .append("cd \"$(dirname \"${BASH_SOURCE[0]}\")\"\n\n")
                .append("echo \"Uninstalling from the cluster of context: $(kubectl config current-context)\"\n\n");
        List<ChartRelease> releases = new ArrayList<>(plan.releases());
        Collections.reverse(releases);
        for (ChartRelease release : releases) {
            String status = command("helm", "status", release.name(), "-n", release.namespace());
            script.append("if ").append(status).append(" >/dev/null 2>&1; then\n")
                    .append("  ").append(command("helm", "uninstall", release.name(), "-n", release.namespace(),
                            "--wait")).append('\n')
                    .append("else\n")
                    .append("  echo ").append(quote("Release " + release.name() + " is not installed in "
                            + release.namespace() + "; skipping")).append('\n')
                    .append("fi\n");
        }
        script.append('\n')
                .append("if [[ \"${DELETE_CRDS:-0}\" == \"1\" ]]; then\n")
                .append("  echo 'Deleting the Istio CRDs and every Istio resource stored in them'\n")
                .append("  kubectl get crd -o name | { grep 'istio\\.io' || true; } | xargs -r kubectl delete\n")
                .append("else\n")
                .append("  echo 'Istio CRDs kept; run with DELETE_CRDS=1 to delete them too'\n")
                .append("fi\n");
        return script.toString();
    }

    static String command(String... args) {
        StringBuilder line = new StringBuilder();
        for (String arg : args) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(quote(arg));
        }
        return line.toString();
    }

    /** Shell-quotes an argument when it holds anything beyond plain characters. */
    static String quote(String arg) {
        if (!arg.isEmpty() && PLAIN.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    private static List<String> releaseNames(InstallPlan plan) {
        return plan.releases().stream().map(ChartRelease::name).distinct().toList();
    }

    private static String version(InstallPlan plan, RenderedManifests manifests) {
        if (!plan.istioVersion().isBlank()) {
            return plan.istioVersion();
        }
        return manifests.releases().isEmpty() ? "" : manifests.releases().get(0).chartVersion();
    }
}
