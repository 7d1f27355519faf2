package dev.meshwizard.cli;

import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.ConnectException;
import dev.meshwizard.cluster.helm.HelmException;
import dev.meshwizard.cluster.helm.HelmRelease;
import dev.meshwizard.cluster.helm.HelmRevision;
import dev.meshwizard.cluster.connect.KubeconfigException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mesh-wizard status}: the Helm releases in a namespace, from Helm's own records, like
 * {@code helm list --all -n istio-system}. Exit 0; 2 for a kubeconfig or context that cannot be used; 1 when the
 * cluster cannot be reached or Helm fails.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the Helm releases in a namespace (default istio-system), as Helm records them.")
public final class StatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions cluster;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "istio-system",
            description = "Namespace (default: ${DEFAULT-VALUE}).")
    private String namespace;

    @Option(names = "--history", paramLabel = "RELEASE",
            description = "Show every revision Helm keeps of this release instead (like helm history).")
    private String history;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.util.Optional<Integer> bad = ClusterOptions.badNamespace("status", namespace, err);
        if (bad.isPresent()) {
            return bad.get();
        }
        try (ClusterSession session = cluster.connect()) {
            if (history != null) {
                printHistory(out, session.helm().history(history, namespace));
                return 0;
            }
            List<HelmRelease> releases = session.helm().list(namespace);
            print(out, releases);
            releases.stream().filter(r -> r.pending() || r.failed()).forEach(r -> err.println(r.name() + " is "
                    + r.status() + ": " + (r.pending() ? "if the client that started it is gone, install again"
                    + " (it marks the revision failed and continues)" : "run install again")
                    + (r.revision() > 1 ? ", or roll it back: mesh-wizard rollback " + r.name() + " <revision>"
                    : ", or uninstall it")));
            return 0;
        } catch (KubeconfigException | ConnectException | HelmException e) {
            return ClusterOptions.fail("status", e, err);
        }
    }

    private void print(PrintWriter out, List<HelmRelease> releases) {
        if (releases.isEmpty()) {
            out.println("No Helm releases in namespace " + namespace);
            return;
        }
        String format = "%-24s %-10s %-10s %-9s %-16s %s%n";
        out.printf(format, "NAME", "CHART", "VERSION", "REVISION", "STATUS", "UPDATED");
        for (HelmRelease release : releases) {
            out.printf(format, release.name(), release.chart(), release.version(), release.revision(),
                    release.status(), release.updated().map(StatusCommand::time).orElse(""));
        }
    }

    private void printHistory(PrintWriter out, List<HelmRevision> revisions) {
        if (revisions.isEmpty()) {
            out.println("No release " + history + " in namespace " + namespace);
            return;
        }
        String format = "%-9s %-20s %-16s %-18s %s%n";
        out.printf(format, "REVISION", "UPDATED", "STATUS", "CHART", "DESCRIPTION");
        for (HelmRevision revision : revisions) {
            out.printf(format, revision.revision(), revision.updated().map(StatusCommand::time).orElse(""),
                    revision.status(), revision.chart() + "-" + revision.version(), revision.description());
        }
    }

    private static String time(java.time.OffsetDateTime time) {
        return time.withOffsetSameInstant(java.time.ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + "Z";
    }
}
