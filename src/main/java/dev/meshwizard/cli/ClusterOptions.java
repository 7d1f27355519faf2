package dev.meshwizard.cli;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.ConnectException;
import dev.meshwizard.cluster.connect.KubeContext;
import dev.meshwizard.cluster.connect.Kubeconfig;
import dev.meshwizard.cluster.connect.KubeconfigException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which cluster a command talks to: {@code --kubeconfig} and {@code --context}, resolved as kubectl does. */
final class ClusterOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig file (default: KUBECONFIG, else ~/.kube/config).")
    private Path kubeconfig;

    @Option(names = "--context", paramLabel = "C", description = "Context (default: the current context).")
    private String context;

    /** Whether a kubeconfig or context was named, for commands where the cluster is optional. */
    boolean given() {
        return kubeconfig != null || context != null;
    }

    /**
     * Connects to the chosen context.
     *
     * @throws KubeconfigException when the kubeconfig cannot be read or names no context to use (bad input)
     * @throws ConnectException    when connecting fails (its reason says whether it is bad input)
     */
    ClusterSession connect() throws KubeconfigException, ConnectException {
        Kubeconfig config = kubeconfig != null ? Kubeconfig.loadFile(kubeconfig) : Kubeconfig.loadDefault();
        String name = context;
        if (name == null) {
            name = config.currentContext().map(KubeContext::name).orElseThrow(() -> new KubeconfigException(
                    config.files().isEmpty() ? Path.of("~/.kube/config") : config.files().get(0), 0,
                    "no current context; pass --context"));
        }
        return new ClusterConnector().connect(config, name);
    }

    /**
     * Reports a failure of a command that talks to a cluster and returns its exit code: 2 for a kubeconfig or
     * context that cannot be used, 1 when connecting fails otherwise or Helm fails.
     */
    /**
     * Says what is wrong with a {@code -n} namespace that Kubernetes would refuse, before anything connects.
     *
     * @return the exit code for bad input, or empty when the namespace is a DNS-1123 label
     */
    static java.util.Optional<Integer> badNamespace(String command, String namespace, java.io.PrintWriter err) {
        return dev.meshwizard.plan.KubeNames.namespaceProblem(namespace).map(why -> {
            err.println("mesh-wizard " + command + ": --namespace " + namespace + ": " + why);
            return RenderCommand.BAD_INPUT;
        });
    }

    static int fail(String command, Exception e, java.io.PrintWriter err) {
        err.println("mesh-wizard " + command + ": " + e.getMessage());
        if (e instanceof KubeconfigException
                || e instanceof dev.meshwizard.cluster.helm.HelmException helm && helm.notFound()) {
            return RenderCommand.BAD_INPUT;
        }
        return e instanceof ConnectException connect ? exitCode(connect) : RenderCommand.HELM_FAILED;
    }

    /** The exit code for a failed connection: 2 when the context does not exist, else 1. */
    static int exitCode(ConnectException e) {
        return e.reason() == ConnectException.Reason.UNKNOWN_CONTEXT ? RenderCommand.BAD_INPUT
                : RenderCommand.HELM_FAILED;
    }
}
