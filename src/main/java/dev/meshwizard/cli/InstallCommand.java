package dev.meshwizard.cli;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.charts.ChartSourceException;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.ConnectException;
import dev.meshwizard.cluster.helm.HelmException;
import dev.meshwizard.cluster.helm.HelmRelease;
import dev.meshwizard.cluster.helm.UpgradeDiff;
import dev.meshwizard.diff.ObjectChange;
import dev.meshwizard.cluster.helm.InstallEvent;
import dev.meshwizard.cluster.helm.InstallResult;
import dev.meshwizard.cluster.helm.InstallRun;
import dev.meshwizard.cluster.connect.KubeconfigException;
import dev.meshwizard.job.JobContext;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.render.RenderException;
import dev.meshwizard.render.Renderer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mesh-wizard install}: installs or upgrades the plan's Helm releases in order on a cluster, waiting for
 * each to become ready. Progress lines go to standard error, the final table to standard output. Exit 0 when
 * every release is installed, 1 when one failed (or was cancelled), 2 on bad input.
 */
@Command(name = "install",
        description = {"Install or upgrade Istio's Helm releases in order (base, istiod, gateways), waiting for each.",
            "Takes the same plan options as render."})
public final class InstallCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Mixin
    private PlanOptions planOptions;

    @Mixin
    private ClusterOptions cluster;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "How long each release may take to become ready, e.g. 90s, 5m (default: ${DEFAULT-VALUE}).")
    private String timeout;

    @Option(names = "--no-wait", description = "Do not wait for readiness between releases.")
    private boolean noWait;

    @Option(names = "--dry-run", description = {"Render the releases and show, per object, what an install would "
            + "change against what Helm deployed; nothing is changed on the cluster."})
    private boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InstallPlan plan;
        Duration perRelease;
        ChartSource charts;
        try {
            plan = planOptions.plan();
            perRelease = parseDuration(timeout);
            charts = ChartSource.open(plan.source());
            planOptions.checkSchemas(plan, charts);
        } catch (PlanOptions.BadInput | IllegalArgumentException | ChartSourceException e) {
            e.getMessage().lines().forEach(line -> err.println("mesh-wizard install: " + line));
            return RenderCommand.BAD_INPUT;
        }
        if (dryRun) {
            return dryRun(plan, charts, out, err);
        }
        try (ClusterSession session = cluster.connect()) {
            InstallRun run = session.installRun(charts).withTimeout(perRelease);
            if (noWait) {
                run = run.withoutWaiting();
            }
            err.println("Installing " + plan.releases().size() + " release(s) into context "
                    + session.context().name());
            InstallResult result = run.run(plan, event -> progress(err, event), JobContext.NONE);
            printTable(out, result);
            err.printf(java.util.Locale.ROOT, "Helm took %.1f s, waiting for readiness %.1f s%n",
                    result.helmTime().toMillis() / 1000.0, result.waitTime().toMillis() / 1000.0);
            if (!result.succeeded()) {
                err.println("mesh-wizard install: " + result.message());
                return RenderCommand.HELM_FAILED;
            }
            return 0;
        } catch (KubeconfigException | ConnectException e) {
            return ClusterOptions.fail("install", e, err);
        }
    }

    /** Renders the plan and prints, per release, what an install would change against Helm's records. */
    private int dryRun(InstallPlan plan, ChartSource charts, PrintWriter out, PrintWriter err) {
        try (ClusterSession session = cluster.connect()) {
            for (UpgradeDiff.ReleaseChanges release : session.upgradeDiff(new Renderer()).compute(plan, charts)) {
                out.println(release.summary());
                for (ObjectChange change : release.changes()) {
                    switch (change.type()) {
                        case ADDED -> out.println("  + " + change.id());
                        case REMOVED -> out.println("  - " + change.id());
                        case CHANGED -> {
                            out.println("  ~ " + change.id());
                            change.lines().forEach(line -> out.println("      " + line.unified()));
                        }
                        case UNCHANGED -> { }
                    }
                }
            }
            err.println("Dry run: nothing was changed in context " + session.context().name());
            return 0;
        } catch (RenderException e) {
            err.println("mesh-wizard install: " + e.getMessage());
            return RenderCommand.HELM_FAILED;
        } catch (HelmException | KubeconfigException | ConnectException e) {
            return ClusterOptions.fail("install", e, err);
        }
    }

    private static void progress(PrintWriter err, InstallEvent event) {
        if (event.phase() == InstallEvent.Phase.PENDING) {
            return;
        }
        err.printf("%-24s %-9s %6.1fs  %s%n", event.release(), event.phase(), event.elapsed().toMillis() / 1000.0,
                event.message());
    }

    private static void printTable(PrintWriter out, InstallResult result) {
        String format = "%-24s %-16s %-10s %-10s %-9s %s%n";
        out.printf(format, "NAME", "NAMESPACE", "CHART", "VERSION", "REVISION", "STATUS");
        for (HelmRelease release : result.installed()) {
            out.printf(format, release.name(), release.namespace(), release.chart(), release.version(),
                    release.revision(), release.status());
        }
    }

    /** {@code 90s}, {@code 5m}, {@code 1h}, or an ISO-8601 duration. */
    static Duration parseDuration(String text) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (value.matches("\\d+(ms|s|m|h)")) {
                long amount = Long.parseLong(value.replaceAll("\\D", ""));
                return value.endsWith("ms") ? Duration.ofMillis(amount) : value.endsWith("s")
                        ? Duration.ofSeconds(amount) : value.endsWith("m") ? Duration.ofMinutes(amount)
                        : Duration.ofHours(amount);
            }
            return Duration.parse(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--timeout " + text + ": expected a duration such as 90s or 5m");
        }
    }
}
