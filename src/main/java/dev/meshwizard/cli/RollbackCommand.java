package dev.meshwizard.cli;

import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.ConnectException;
import dev.meshwizard.cluster.helm.HelmException;
import dev.meshwizard.cluster.helm.HelmRelease;
import dev.meshwizard.cluster.helm.InstallRun;
import dev.meshwizard.cluster.connect.KubeconfigException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mesh-wizard rollback RELEASE REVISION}: a new revision of the release with the chart and values of an
 * earlier one, also when the newest revision is stuck in a pending state. Exit 0, 1 when Helm fails, 2 on bad input
 * (a release or revision that does not exist: the message names those that do).
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Roll a release back to an earlier revision (see 'status --history RELEASE').")
public final class RollbackCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "RELEASE", description = "Release name, e.g. istiod.")
    private String release;

    @Parameters(index = "1", paramLabel = "REVISION", description = "The revision to go back to.")
    private int revision;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "istio-system",
            description = "Namespace of the release (default: ${DEFAULT-VALUE}).")
    private String namespace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.util.Optional<Integer> bad = ClusterOptions.badNamespace("rollback", namespace, err);
        if (bad.isPresent()) {
            return bad.get();
        }
        try (ClusterSession session = cluster.connect()) {
            HelmRelease done = session.helm().rollback(release, namespace, revision, InstallRun.DEFAULT_TIMEOUT);
            out.println(done.name() + " rolled back to revision " + revision + ": now revision " + done.revision()
                    + " " + done.status());
            return 0;
        } catch (KubeconfigException | ConnectException | HelmException e) {
            return ClusterOptions.fail("rollback", e, err);
        }
    }
}
