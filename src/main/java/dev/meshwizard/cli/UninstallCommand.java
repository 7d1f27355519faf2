package dev.meshwizard.cli;

import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.ConnectException;
import dev.meshwizard.cluster.helm.HelmException;
import dev.meshwizard.cluster.helm.InstallEvent;
import dev.meshwizard.cluster.connect.KubeconfigException;
import dev.meshwizard.cluster.helm.UninstallRun;
import dev.meshwizard.job.JobContext;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mesh-wizard uninstall}: uninstalls the Istio releases of a namespace in reverse install order (gateways,
 * ztunnel, istiod, cni, base); the CRDs and the namespace only when asked. Progress on standard error, what was
 * removed on standard output. Exit 0 when everything asked for is gone, 1 when a step failed, 2 on bad input (a
 * {@code --release} that does not exist: the message lists those that do).
 */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = {"Uninstall Istio's Helm releases in reverse order (gateways, istiod, base).",
            "The Istio CRDs (and with them every Istio object) and the namespace stay unless asked."})
public final class UninstallCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions cluster;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "istio-system",
            description = "Namespace of the releases (default: ${DEFAULT-VALUE}).")
    private String namespace;

    @Option(names = "--release", paramLabel = "NAME",
            description = "Uninstall only this release (repeatable); default: every Istio release in the namespace.")
    private List<String> releases = List.of();

    @Option(names = "--delete-crds",
            description = "Also delete the Istio CRDs, which deletes every Istio object in the cluster.")
    private boolean deleteCrds;

    @Option(names = "--delete-namespace", description = "Also delete the namespace and everything left in it.")
    private boolean deleteNamespace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.util.Optional<Integer> bad = ClusterOptions.badNamespace("uninstall", namespace, err);
        if (bad.isPresent()) {
            return bad.get();
        }
        try (ClusterSession session = cluster.connect()) {
            UninstallRun run = session.uninstallRun();
            UninstallRun.Options options = new UninstallRun.Options(deleteCrds, deleteNamespace,
                    Set.copyOf(releases));
            run.releases(namespace, options);
            UninstallRun.Result result = run.run(namespace, options, event -> progress(err, event), JobContext.NONE);
            result.uninstalled().forEach(step -> out.println("removed " + step));
            if (!result.succeeded()) {
                err.println("mesh-wizard uninstall: " + result.message());
                return RenderCommand.HELM_FAILED;
            }
            if (result.uninstalled().isEmpty()) {
                out.println("Nothing to uninstall in namespace " + namespace);
            }
            return 0;
        } catch (KubeconfigException | ConnectException | HelmException e) {
            return ClusterOptions.fail("uninstall", e, err);
        }
    }

    private static void progress(PrintWriter err, InstallEvent event) {
        if (event.phase() != InstallEvent.Phase.PENDING) {
            err.printf("%-24s %-9s %6.1fs  %s%n", event.release(), event.phase(),
                    event.elapsed().toMillis() / 1000.0, event.message());
        }
    }
}
