package dev.meshwizard.cli;

import dev.meshwizard.plan.OverwriteRefusedException;
import dev.meshwizard.plan.OwnedFile;
import dev.meshwizard.samples.Bookinfo;
import dev.meshwizard.samples.Curl;
import dev.meshwizard.samples.Httpbin;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mesh-wizard sample bookinfo|httpbin|curl}: writes a sample application's manifests to a file, for
 * {@code kubectl apply -f}. Exit 0; 2 for bad input; 1 when the file cannot be written.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Write the manifests of a sample application: bookinfo, httpbin or curl.")
public final class SampleCommand implements Callable<Integer> {

    private static final List<String> SAMPLES = List.of("bookinfo", "httpbin", "curl");

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "bookinfo, httpbin or curl.")
    private String name;

    @Option(names = "--registry", paramLabel = "R",
            description = "Bookinfo's image registry (default: " + Bookinfo.DEFAULT_REGISTRY + ").")
    private String registry;

    @Option(names = "--tag", paramLabel = "T", description = "Bookinfo's image tag (default: " + Bookinfo.DEFAULT_TAG
            + ").")
    private String tag;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "default",
            description = "Namespace of the objects (default: ${DEFAULT-VALUE}).")
    private String namespace;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "File to write.")
    private Path out;

    @Option(names = "--force", description = "Overwrite --out even when it is not the unchanged file an earlier run"
            + " wrote.")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!SAMPLES.contains(name)) {
            err.println("mesh-wizard sample: unknown sample \"" + name + "\" (samples: " + String.join(", ", SAMPLES)
                    + ")");
            return RenderCommand.BAD_INPUT;
        }
        if (!"bookinfo".equals(name) && (registry != null || tag != null)) {
            err.println("mesh-wizard sample: --registry and --tag are for bookinfo only");
            return RenderCommand.BAD_INPUT;
        }
        List<HasMetadata> objects = switch (name) {
            case "bookinfo" -> new Bookinfo(registry, tag, namespace).objects();
            case "httpbin" -> new Httpbin(namespace).objects();
            default -> new Curl(namespace).objects();
        };
        KubernetesSerialization serialization = new KubernetesSerialization();
        StringBuilder yaml = new StringBuilder();
        objects.forEach(object -> yaml.append(serialization.asYaml(object)));
        try {
            OwnedFile.write(out, yaml.toString(), force);
        } catch (OverwriteRefusedException e) {
            RenderCommand.printRefusal(err, "mesh-wizard sample", e);
            return RenderCommand.BAD_INPUT;
        } catch (IOException e) {
            err.println("mesh-wizard sample: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
        stdout.println("Wrote " + objects.size() + " objects of " + name + " to " + out);
        return 0;
    }
}
