package dev.meshwizard.cli;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.charts.ChartSourceException;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.ConnectException;
import dev.meshwizard.cluster.connect.KubeconfigException;
import dev.meshwizard.mesh.analysis.Analyzer;
import dev.meshwizard.mesh.analysis.Finding;
import dev.meshwizard.mesh.analysis.MeshConfig;
import dev.meshwizard.mesh.analysis.MeshSnapshot;
import dev.meshwizard.mesh.analysis.PlannedGateway;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Workspace;
import dev.meshwizard.render.RenderException;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.samples.ManifestException;
import dev.meshwizard.samples.ManifestFile;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mesh-wizard analyze}: checks Istio routing in manifest files against the Services and workloads they
 * name, the install plan's gateways (with {@code --workspace}) and, with {@code --kubeconfig}/{@code --context},
 * what the cluster holds. One line per finding. Exit 0 without errors, 1 with errors (or when the cluster or Helm
 * fails), 2 for bad input.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Check Istio routing (Gateways, VirtualServices, DestinationRules) in manifest files, "
                + "each finding with istioctl analyze's code beside ours.",
            "With --workspace, also against the planned gateways; with --kubeconfig/--context, against the cluster."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions cluster;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Take the planned gateways from a workspace.")
    private Path workspace;

    @Option(names = "--meshconfig", paramLabel = "FILE",
            description = "Istio's mesh config (a MeshConfig YAML, as istioctl's --meshConfigFile): clusterDomain, "
                    + "rootNamespace.")
    private Path meshConfig;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Manifest files (multi-document YAML).")
    private List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<HasMetadata> objects = new ArrayList<>();
        try {
            for (Path file : files) {
                objects.addAll(ManifestFile.load(file));
            }
        } catch (ManifestException e) {
            err.println("mesh-wizard analyze: " + e.getMessage());
            return RenderCommand.BAD_INPUT;
        }
        MeshConfig mesh = null;
        if (meshConfig != null) {
            try {
                mesh = MeshConfig.parse(Files.readString(meshConfig));
            } catch (IOException e) {
                err.println("mesh-wizard analyze: --meshconfig " + meshConfig + ": "
                        + (Files.exists(meshConfig) ? "cannot read the file (" + e.getMessage() + ")"
                        : "no such file"));
                return RenderCommand.BAD_INPUT;
            } catch (IllegalArgumentException e) {
                err.println("mesh-wizard analyze: --meshconfig " + meshConfig + ": " + e.getMessage());
                return RenderCommand.BAD_INPUT;
            }
        }
        MeshSnapshot snapshot;
        try {
            MeshSnapshot base = mesh == null ? base() : base().withMesh(mesh);
            snapshot = base.with(objects).withPlannedGateways(plannedGateways());
        } catch (Failure e) {
            err.println("mesh-wizard analyze: " + e.getMessage());
            return e.exitCode;
        }
        List<Finding> findings = new Analyzer().analyze(snapshot);
        for (Finding finding : findings) {
            out.println(finding.summary());
            if (!finding.fix().isEmpty()) {
                out.println("    " + finding.fix());
            }
        }
        if (findings.isEmpty()) {
            out.println("No problems found in " + objects.size() + " objects");
        }
        return Analyzer.hasErrors(findings) ? 1 : 0;
    }

    private MeshSnapshot base() throws Failure {
        if (!cluster.given()) {
            return MeshSnapshot.empty(false);
        }
        try (ClusterSession session = cluster.connect()) {
            return session.meshSnapshot();
        } catch (KubeconfigException e) {
            throw new Failure(e.getMessage(), RenderCommand.BAD_INPUT);
        } catch (ConnectException e) {
            throw new Failure(e.getMessage(), ClusterOptions.exitCode(e));
        } catch (KubernetesClientException e) {
            throw new Failure("reading the cluster failed: " + e.getMessage(), 1);
        }
    }

    private List<PlannedGateway> plannedGateways() throws Failure {
        if (workspace == null) {
            return List.of();
        }
        InstallPlan plan;
        try {
            plan = Workspace.open(workspace).load();
        } catch (Exception e) {
            throw new Failure("--workspace " + workspace + ": " + e.getMessage(), RenderCommand.BAD_INPUT);
        }
        try {
            ChartSource charts = ChartSource.open(plan.source(), ChartSource.defaultCacheDir());
            return PlannedGateway.of(plan, new Renderer().render(plan, charts));
        } catch (ChartSourceException e) {
            throw new Failure(e.getMessage(), RenderCommand.BAD_INPUT);
        } catch (RenderException e) {
            throw new Failure(e.getMessage(), RenderCommand.HELM_FAILED);
        }
    }

    /** A step that failed, with the exit code it calls for. */
    private static final class Failure extends Exception {
        private final int exitCode;

        Failure(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }
    }
}
