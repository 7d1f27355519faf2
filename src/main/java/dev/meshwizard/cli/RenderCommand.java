package dev.meshwizard.cli;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.charts.ChartSourceException;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.OverwriteRefusedException;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.render.Exporter;
import dev.meshwizard.render.RenderException;
import dev.meshwizard.render.RenderedManifests;
import dev.meshwizard.render.Renderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mesh-wizard render}: renders an install plan offline and optionally exports it as a folder with the
 * equivalent helm commands. Exit 0 on success, 2 on bad input (file, line, key named), 1 when Helm fails.
 */
@Command(name = "render",
        description = {"Render every manifest an Istio install would create, without a cluster.",
            "With --out, write them with the values files and equivalent install/uninstall scripts."})
public final class RenderCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;
    static final int HELM_FAILED = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Mixin
    private PlanOptions planOptions;

    @Option(names = "--out", paramLabel = "DIR", description = "Export folder to write.")
    private Path out;

    @Option(names = "--force", description = "Write into an --out folder even where files were added or exported"
            + " files edited: the exported files are replaced, the others left as they are.")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InstallPlan plan;
        try {
            plan = planOptions.plan();
        } catch (PlanOptions.BadInput e) {
            e.getMessage().lines().forEach(line -> err.println("mesh-wizard render: " + line));
            return BAD_INPUT;
        }
        try {
            ChartSource charts = ChartSource.open(plan.source(), ChartSource.defaultCacheDir());
            try {
                planOptions.checkSchemas(plan, charts);
            } catch (PlanOptions.BadInput e) {
                e.getMessage().lines().forEach(line -> err.println("mesh-wizard render: " + line));
                return BAD_INPUT;
            }
            RenderedManifests manifests = new Renderer().render(plan, charts);
            printSummary(out, plan, manifests);
            if (this.out != null) {
                Exporter.secretLookingValues(plan).forEach(where -> err.println("mesh-wizard render: warning:"
                        + " values that look secret will be written to " + where + " (readable by you only; keep the"
                        + " folder out of version control)"));
                Exporter.export(plan, manifests, Map.of(), this.out, force);
                out.println("Exported to " + this.out.toAbsolutePath());
            }
            return 0;
        } catch (ChartSourceException e) {
            err.println("mesh-wizard render: " + e.getMessage());
            return BAD_INPUT;
        } catch (RenderException e) {
            err.println("mesh-wizard render: " + e.getMessage());
            return HELM_FAILED;
        } catch (OverwriteRefusedException e) {
            printRefusal(err, "mesh-wizard render", e);
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("mesh-wizard render: cannot write " + this.out + ": " + e.getMessage());
            return HELM_FAILED;
        }
    }

    /** Names what is in the way, one item a line, and how to go ahead anyway. */
    static void printRefusal(PrintWriter err, String command, OverwriteRefusedException e) {
        err.println(command + ": " + e.target() + ": " + e.getReason() + ":");
        e.conflicts().forEach(conflict -> err.println("  " + printable(conflict)));
    }

    /** A file name with control characters shown as escapes, so that it cannot rewrite the terminal. */
    private static String printable(String name) {
        StringBuilder text = new StringBuilder();
        name.codePoints().forEach(c -> text.append(Character.isISOControl(c)
                ? String.format("\\u%04x", c) : Character.toString(c)));
        return text.toString();
    }

    private static void printSummary(PrintWriter out, InstallPlan plan, RenderedManifests manifests) {
        out.println("Profile " + plan.profile() + (plan.revision().isEmpty() ? "" : ", revision " + plan.revision())
                + (plan.platform().isEmpty() ? "" : ", platform " + plan.platform()));
        manifests.releases().forEach(release -> out.println("  " + release.name() + " (" + release.chart() + " "
                + release.chartVersion() + ", namespace " + release.namespace() + "): " + release.objects().size()
                + " resources: " + release.countsByKind().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))));
    }
}
