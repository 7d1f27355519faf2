package dev.meshwizard.render;

import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.InstallPlan;
import java.util.List;
import java.util.stream.Collectors;

/** The README of an export: what it installs (version, charts, images) and what each file is. */
final class ExportReadme {

    private ExportReadme() {
    }

    static String text(InstallPlan plan, RenderedManifests manifests, boolean routing) {
        ChartSourceSpec source = plan.source();
        StringBuilder text = new StringBuilder();
        text.append("# Istio ").append(version(plan, manifests)).append(" install, exported by Mesh Wizard\n\n")
                .append("Profile `").append(plan.profile()).append('`')
                .append(plan.platform().isBlank() ? "" : ", platform `" + plan.platform() + "`")
                .append(plan.revision().isBlank() ? "" : ", revision `" + plan.revision() + "`")
                .append(". Charts ").append(describe(source)).append(".\n\n")
                .append("| # | Release | Namespace | Chart | Objects |\n|---|---|---|---|---|\n");
        for (int i = 0; i < manifests.releases().size(); i++) {
            RenderedRelease release = manifests.releases().get(i);
            String counts = release.countsByKind().entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
            text.append("| ").append(i + 1).append(" | ").append(release.name()).append(" | ")
                    .append(release.namespace()).append(" | ").append(release.chart()).append(' ')
                    .append(release.chartVersion()).append(" | ").append(counts).append(" |\n");
        }
        text.append("\n## Images it pulls\n\n");
        Images.of(manifests).forEach(image -> text.append("- `").append(image).append("`\n"));
        List<String> unpinned = Images.unpinned(manifests);
        if (!unpinned.isEmpty()) {
            text.append("\n**Not pinned to a release:** ").append(String.join("; ", unpinned))
                    .append(". What this installs can change from one run to the next.\n");
        }
        text.append("\n## What is here\n\n")
                .append("- `values/<release>.yaml`: each release's values, as written in Mesh Wizard.\n")
                .append("- `values/<release>.set.yaml`: the plan's values (profile, platform, revision) and `--set`")
                .append(" items of a release, applied after its values file. The scripts put no value on a command")
                .append(" line, where shell history and process lists would show it.\n");
        if (source.kind() != ChartSourceSpec.Kind.HELM_REPO) {
            text.append("- `charts/`: the chart archives the scripts install, so no network or chart folder is")
                    .append(" needed.\n");
        }
        text.append("- `manifests/<nn>-<release>.yaml`: what Helm renders for each release (`helm template`),")
                .append(" in install order. Secret values show as `").append(RenderedObject.REDACTED)
                .append("`. These files are for review; the scripts install from the charts.\n")
                .append("- `install.sh`: `helm upgrade --install` for each release in order, into the cluster of the")
                .append(" current kubectl context, each with `--wait` except gateways: for those Helm would wait for")
                .append(" the LoadBalancer's address (never given on kind, minikube or bare metal), so the script")
                .append(" waits for their pods with `kubectl rollout status`. Needs only `helm` and `kubectl`.\n")
                .append("- `uninstall.sh`: `helm uninstall` in reverse order. Istio's CRDs, and the Istio")
                .append(" resources stored in them, stay unless you run `DELETE_CRDS=1 ./uninstall.sh`.\n");
        if (routing) {
            text.append("- `routing/`: Istio Gateways, VirtualServices and DestinationRules; `install.sh` applies")
                    .append(" them last with `kubectl apply --server-side`. TLS Secrets are not exported: create")
                    .append(" each one a Gateway names (`kubectl create secret tls NAME --cert=... --key=...`).\n");
        }
        text.append("- `").append(ExportFolder.MANIFEST).append("`: the files Mesh Wizard wrote, with their SHA-256.")
                .append(" Exporting again replaces only those, and only while unchanged.\n\n")
                .append("The scripts run from any directory, and the folder can be moved or copied to another")
                .append(" machine. Its files are readable by their owner only: values may hold secrets.\n");
        return text.toString();
    }

    static String version(InstallPlan plan, RenderedManifests manifests) {
        if (!plan.istioVersion().isBlank()) {
            return plan.istioVersion();
        }
        return manifests.releases().isEmpty() ? "" : manifests.releases().get(0).chartVersion();
    }

    private static String describe(ChartSourceSpec source) {
        return switch (source.kind()) {
            case HELM_REPO -> "from the Helm repository " + source.repoUrl() + " at version " + source.version();
            case ISTIO_RELEASE -> "from the Istio release folder `" + source.folder().getFileName()
                    + "`, copied into `charts/`";
            case CHARTS_FOLDER -> "from a folder of charts, copied into `charts/`";
        };
    }
}
