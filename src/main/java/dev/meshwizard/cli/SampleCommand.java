package dev.meshwizard.cli;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.charts.ChartSourceException;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.KubeNames;
import dev.meshwizard.plan.OverwriteRefusedException;
import dev.meshwizard.plan.OwnedFile;
import dev.meshwizard.plan.Workspace;
import dev.meshwizard.render.RenderException;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.samples.Bookinfo;
import dev.meshwizard.samples.SampleCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mesh-wizard sample bookinfo|httpbin|curl}: writes a sample application's manifests to a file, for
 * {@code kubectl apply -f}: its Namespace first (labelled for injection with {@code --inject}), and for Bookinfo
 * optionally its Gateway fitted to a workspace's gateway. Exit 0; 2 for bad input; 1 when the file cannot be written
 * or the workspace's plan cannot be rendered.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Write the manifests of a sample application: bookinfo, httpbin or curl.")
public final class SampleCommand implements Callable<Integer> {

    private static final List<String> SAMPLES = List.of("bookinfo", "httpbin", "curl");
    private static final String DEFAULT_GATEWAY = "istio-ingressgateway";

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
            description = "Namespace of the objects, written as a Namespace object too unless default "
                    + "(default: ${DEFAULT-VALUE}).")
    private String namespace;

    @Option(names = "--inject", description = "Label the namespace istio-injection=enabled, so the sample's pods get"
            + " sidecars (writes the Namespace object, also for default).")
    private boolean inject;

    @Option(names = "--gateway-for", paramLabel = "WORKSPACE", description = "Bookinfo: also write its Gateway and"
            + " VirtualService, fitted to the first gateway release of the workspace's plan (selector and port).")
    private Path gatewayFor;

    @Option(names = "--gateway-port", paramLabel = "PORT", description = "Bookinfo: also write its Gateway and"
            + " VirtualService, the Gateway's server on PORT, for the pods of " + DEFAULT_GATEWAY + ".")
    private Integer gatewayPort;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "File to write.")
    private Path out;

    @Option(names = "--force", description = "Overwrite --out even when it is not the unchanged file an earlier run"
            + " wrote.")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = problem();
        if (!problem.isEmpty()) {
            err.println("mesh-wizard sample: " + problem);
            return RenderCommand.BAD_INPUT;
        }
        List<SampleCatalog.Manifests> parts = new ArrayList<>();
        if (inject || !"default".equals(namespace)) {
            parts.add(SampleCatalog.namespace(namespace, inject));
        }
        parts.add(switch (name) {
            case "bookinfo" -> SampleCatalog.bookinfo(namespace, registry, tag);
            case "httpbin" -> SampleCatalog.httpbin(namespace);
            default -> SampleCatalog.curl(namespace);
        });
        try {
            if (gatewayPort != null) {
                parts.add(SampleCatalog.bookinfoGateway(DEFAULT_GATEWAY, gatewayPort, namespace));
            } else if (gatewayFor != null) {
                InstallPlan plan = Workspace.open(gatewayFor).load();
                SampleCatalog.GatewayRouting routing = SampleCatalog.bookinfoGateway(plan,
                        new Renderer().render(plan, ChartSource.open(plan.source(), ChartSource.defaultCacheDir())),
                        namespace);
                parts.add(routing.manifests());
                stdout.println("Gateway selector " + routing.selector() + ", server port " + routing.serverPort()
                        + ". " + routing.why());
            }
        } catch (IllegalArgumentException | ChartSourceException e) {
            err.println("mesh-wizard sample: " + e.getMessage());
            return RenderCommand.BAD_INPUT;
        } catch (RenderException e) {
            err.println("mesh-wizard sample: " + e.getMessage());
            return RenderCommand.HELM_FAILED;
        } catch (IOException e) {
            err.println("mesh-wizard sample: cannot read the workspace " + gatewayFor + ": " + e.getMessage());
            return e instanceof dev.meshwizard.plan.WorkspaceException ? RenderCommand.BAD_INPUT
                    : RenderCommand.HELM_FAILED;
        }
        StringBuilder yaml = new StringBuilder();
        parts.forEach(part -> yaml.append(part.yaml()));
        try {
            OwnedFile.write(out, yaml.toString(), force);
        } catch (OverwriteRefusedException e) {
            RenderCommand.printRefusal(err, "mesh-wizard sample", e);
            return RenderCommand.BAD_INPUT;
        } catch (IOException e) {
            err.println("mesh-wizard sample: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
        int objects = parts.stream().mapToInt(SampleCatalog.Manifests::objects).sum();
        stdout.println("Wrote " + objects + " objects of " + name + " to " + out);
        return 0;
    }

    private String problem() {
        if (!SAMPLES.contains(name)) {
            return "unknown sample \"" + name + "\" (samples: " + String.join(", ", SAMPLES) + ")";
        }
        if (!"bookinfo".equals(name) && (registry != null || tag != null || gatewayFor != null
                || gatewayPort != null)) {
            return "--registry, --tag, --gateway-for and --gateway-port are for bookinfo only";
        }
        if (gatewayFor != null && gatewayPort != null) {
            return "--gateway-for and --gateway-port: give one";
        }
        return KubeNames.namespaceProblem(namespace).map(why -> "--namespace " + namespace + ": " + why).orElse("");
    }
}
