package dev.meshwizard.cluster;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.UpgradeCommand;
import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.charts.ChartSourceException;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.render.PlanValues;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.render.ValuesFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, upgrades, lists and uninstalls real Helm releases (helm-java, Helm as a native library) on the
 * session's cluster, so that {@code helm list} and {@code helm upgrade} by hand see and continue what the wizard
 * did. Helm reads the session's kubeconfig text (one context, held in memory only, never logged or written).
 *
 * <p>A release gets the same values as its render: the release's values file, then the plan's values
 * ({@link PlanValues}), then the release's own {@code --set} items. Helm's {@code --wait} is not used: it polls
 * every 2 s; waiting for workloads to become ready is done separately. Blocking: call from a background job.
 */
public final class HelmInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(HelmInstaller.class);

    private final String kubeconfig;
    private final HelmRecords records;
    private final KubeContext context;

    HelmInstaller(String kubeconfig, HelmRecords records, KubeContext context) {
        this.kubeconfig = Objects.requireNonNull(kubeconfig, "kubeconfig");
        this.records = Objects.requireNonNull(records, "records");
        this.context = context;
    }

    /** Helm's message; a 401 or 403 explained with the kubeconfig's user and context and what was denied. */
    private String helmMessage(RuntimeException e, Path valuesFile, String release) {
        String message = Renderer.helmMessage(e, valuesFile, release);
        return context == null ? message : ConnectFailures.denied(context, message).orElse(message);
    }

    /**
     * Upgrades the release to the plan's chart and values, or installs it when Helm has no record of it, creating
     * the namespace if needed: what {@code helm upgrade --install --create-namespace} does. It is done as a list
     * and then an install or an upgrade because helm-java 0.0.21's {@code upgrade().install()} ignores kubeconfig
     * text when the release is new and falls back to {@code ~/.kube/config} (manusa/helm-java#252).
     *
     * @param timeout how long Helm may take for any one Kubernetes operation (hooks); whole seconds, rounded up
     * @return Helm's record of the new revision
     * @throws HelmException with Helm's message when the chart cannot be found or Helm fails
     */
    public HelmRelease upgradeOrInstall(InstallPlan plan, ChartRelease release, ChartSource charts, Duration timeout)
            throws HelmException {
        Path chart;
        try {
            chart = charts.chart(release.component());
        } catch (ChartSourceException e) {
            throw new HelmException(release.name(), e.getMessage(), e);
        }
        Map<String, String> sets;
        try {
            sets = PlanValues.forRelease(plan, release);
        } catch (IllegalArgumentException e) {
            throw new HelmException(release.name(), e.getMessage(), e);
        }
        Optional<HelmRelease> existing;
        try {
            existing = list(release.namespace()).stream().filter(r -> r.name().equals(release.name())).findFirst();
        } catch (HelmException e) {
            throw new HelmException(release.name(), e.getMessage(), e.getCause());
        }
        if (existing.isPresent() && existing.get().pending()) {
            HelmRelease stuck = existing.get();
            throw new HelmException(release.name(), "the release is stuck in " + stuck.status()
                    + " (revision " + stuck.revision() + "), so Helm refuses to change it. "
                    + (stuck.revision() > 1 ? "Roll it back to its last deployed revision, or uninstall it"
                    : "Uninstall it, then install again"));
        }
        boolean known = existing.isPresent();
        Path valuesFile = null;
        long start = System.nanoTime();
        try {
            if (!release.valuesYaml().isBlank()) {
                valuesFile = ValuesFiles.write(release.valuesYaml());
            }
            Release installed = known ? upgrade(chart, release, sets, valuesFile, timeout)
                    : install(chart, release, sets, valuesFile, timeout);
            HelmRelease result = HelmRelease.of(installed);
            LOG.info("Helm release {} in {}: revision {} {} ({} {}) in {} ms", result.name(), result.namespace(),
                    result.revision(), result.status(), result.chart(), result.version(),
                    (System.nanoTime() - start) / 1_000_000);
            return result;
        } catch (IOException e) {
            throw new HelmException(release.name(), "Cannot write a temporary values file: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new HelmException(release.name(), helmMessage(e, valuesFile, release.name()), e);
        } finally {
            deleteQuietly(valuesFile);
        }
    }

    /**
     * Helm's records of the releases in {@code namespace}, whatever their status ({@code helm list --all}).
     *
     * @throws HelmException with Helm's message when the cluster cannot be read
     */
    public List<HelmRelease> list(String namespace) throws HelmException {
        try {
            List<Release> releases = Helm.list().all().withNamespace(namespace).withKubeConfigContents(kubeconfig)
                    .call();
            return releases.stream().map(HelmRelease::of).toList();
        } catch (RuntimeException e) {
            throw new HelmException("", helmMessage(e, null, ""), e);
        }
    }

    /**
     * Every revision Helm keeps of a release, oldest first (what {@code helm history} shows).
     *
     * @throws HelmException when the cluster cannot be read
     */
    public List<HelmRevision> history(String name, String namespace) throws HelmException {
        return records.history(name, namespace).stream().map(ReleaseRecord::summary).toList();
    }

    /**
     * The newest revision of a release and the manifest Helm applied for it (what {@code helm get manifest}
     * prints), or empty when Helm has no record of the release.
     */
    public Optional<Deployed> deployed(String name, String namespace) throws HelmException {
        return records.latest(name, namespace).map(r -> new Deployed(r.revision(), r.manifest()));
    }

    /**
     * A release's newest revision as Helm recorded it.
     *
     * @param revision the revision number
     * @param manifest the objects Helm applied, as YAML documents with Helm's {@code # Source:} comments
     */
    public record Deployed(int revision, String manifest) {
    }

    /**
     * Rolls a release back to an earlier revision: a new revision with that revision's chart and values, which
     * is what {@code helm rollback} does. helm-java has no rollback call, so the chart is taken out of Helm's
     * record of that revision and upgraded to with the values it had; Helm describes the new revision as
     * "Rollback to N". A newest revision stuck in a pending state is first marked failed, since Helm refuses any
     * operation while one is pending.
     *
     * @return Helm's record of the new revision
     * @throws HelmException when the revision does not exist or Helm fails
     */
    public HelmRelease rollback(String name, String namespace, int revision, Duration timeout) throws HelmException {
        List<ReleaseRecord> history = records.history(name, namespace);
        ReleaseRecord target = history.stream().filter(r -> r.revision() == revision).findFirst()
                .orElseThrow(() -> new HelmException(name, "Release " + name + " has no revision " + revision
                        + " (Helm keeps " + history.stream().map(r -> String.valueOf(r.revision())).toList() + ")"));
        ReleaseRecord newest = history.get(history.size() - 1);
        if (newest.revision() == revision && !HelmRecords.pending(newest.status())) {
            throw new HelmException(name, "Revision " + revision + " of " + name + " is already the newest");
        }
        if (HelmRecords.pending(newest.status())) {
            records.markFailed(newest, "Marked failed by Mesh Wizard to roll back to revision " + revision
                    + " (was " + newest.status() + ")");
        }
        Path chartDir = null;
        Path valuesFile = null;
        try {
            chartDir = Files.createTempDirectory("mesh-wizard-rollback-");
            ChartFiles.write(target.chartJson(), chartDir);
            valuesFile = ValuesFiles.write(ChartFiles.yaml(HelmRecords.asMap(target.config())));
            Release release = Helm.upgrade(chartDir.toString()).withName(name).withNamespace(namespace)
                    .withValuesFile(valuesFile).withDescription("Rollback to " + revision)
                    .withTimeout(seconds(timeout)).withKubeConfigContents(kubeconfig).call();
            HelmRelease result = HelmRelease.of(release);
            LOG.info("Helm release {} in {} rolled back to revision {}: now revision {} {}", name, namespace,
                    revision, result.revision(), result.status());
            return result;
        } catch (IOException e) {
            throw new HelmException(name, "Cannot write revision " + revision + "'s chart: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new HelmException(name, helmMessage(e, valuesFile, name), e);
        } finally {
            deleteQuietly(valuesFile);
            ChartFiles.deleteQuietly(chartDir);
        }
    }

    /**
     * Uninstalls a release: Helm deletes the objects it installed (except those annotated
     * {@code helm.sh/resource-policy: keep}) and its records of the release.
     *
     * @throws HelmException with Helm's message, e.g. when there is no such release
     */
    public void uninstall(String name, String namespace) throws HelmException {
        try {
            String output = Helm.uninstall(name).withNamespace(namespace).withKubeConfigContents(kubeconfig).call();
            LOG.info("Helm: {}", output.strip());
        } catch (RuntimeException e) {
            throw new HelmException(name, helmMessage(e, null, name), e);
        }
    }

    private Release install(Path chart, ChartRelease release, Map<String, String> sets, Path valuesFile,
                            Duration timeout) {
        InstallCommand command = Helm.install(chart.toString()).createNamespace()
                .withName(release.name()).withNamespace(release.namespace())
                .withTimeout(seconds(timeout)).withKubeConfigContents(kubeconfig);
        if (valuesFile != null) {
            command.withValuesFile(valuesFile);
        }
        sets.forEach(command::set);
        return command.call();
    }

    private Release upgrade(Path chart, ChartRelease release, Map<String, String> sets, Path valuesFile,
                            Duration timeout) {
        UpgradeCommand command = Helm.upgrade(chart.toString())
                .withName(release.name()).withNamespace(release.namespace())
                .withTimeout(seconds(timeout)).withKubeConfigContents(kubeconfig);
        if (valuesFile != null) {
            command.withValuesFile(valuesFile);
        }
        sets.forEach(command::set);
        return command.call();
    }

    private static int seconds(Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete the temporary values file {}: {}", file, e.getMessage());
        }
    }
}
