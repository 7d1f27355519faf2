package dev.meshwizard.cluster.helm;

import dev.meshwizard.cluster.connect.ConnectFailures;
import dev.meshwizard.cluster.connect.KubeContext;

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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
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
    private final OperationLeases leases;
    private final KubeContext context;

    public HelmInstaller(String kubeconfig, HelmRecords records, OperationLeases leases, KubeContext context) {
        this.kubeconfig = Objects.requireNonNull(kubeconfig, "kubeconfig");
        this.records = Objects.requireNonNull(records, "records");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.context = context;
    }

    /** Helm's message; a 401 or 403 explained with the kubeconfig's user and context and what was denied. */
    private String helmMessage(RuntimeException e, Path valuesFile, String release) {
        String message = Renderer.helmMessage(e, valuesFile, release);
        return context == null ? message : ConnectFailures.denied(context, message).orElse(message);
    }

    /**
     * {@link #upgradeOrInstall(InstallPlan, ChartRelease, ChartSource, Duration, Consumer)} without notes.
     */
    public HelmRelease upgradeOrInstall(InstallPlan plan, ChartRelease release, ChartSource charts, Duration timeout)
            throws HelmException {
        return upgradeOrInstall(plan, release, charts, timeout, note -> { });
    }

    /**
     * Upgrades the release to the plan's chart and values, or installs it when Helm has no record of it, creating
     * the namespace if needed: what {@code helm upgrade --install --create-namespace --reset-values} does. The
     * plan's values replace the release's earlier ones, also when the plan has none: without
     * {@code --reset-values} Helm would keep the previous revision's values whenever it is given no values at all.
     * It is done as a list and then an install or an upgrade because helm-java 0.0.21's
     * {@code upgrade().install()} ignores kubeconfig text when the release is new and falls back to
     * {@code ~/.kube/config} (manusa/helm-java#252).
     *
     * <p>A release whose newest revision is pending ({@code pending-install}, {@code pending-upgrade}) with no
     * operation in progress — its client was killed, see {@link OperationLeases} — has that revision marked
     * failed first and is then upgraded, which is what Helm's manual repair amounts to; {@code notes} is told so.
     * While one may still be in progress, the release is refused.
     *
     * @param timeout how long Helm may take for any one Kubernetes operation (hooks); whole seconds, rounded up
     * @param notes   gets a sentence for what was done beyond the install or upgrade (a pending revision marked
     *                failed)
     * @return Helm's record of the new revision
     * @throws HelmException with Helm's message when the chart cannot be found or Helm fails
     */
    public HelmRelease upgradeOrInstall(InstallPlan plan, ChartRelease release, ChartSource charts, Duration timeout,
                                        Consumer<String> notes) throws HelmException {
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
            recoverPending(release, timeout, notes);
        }
        boolean known = existing.isPresent();
        Path valuesFile = null;
        long start = System.nanoTime();
        try (OperationLeases.Held lease = leases.begin(release.name(), release.namespace(),
                known ? "upgrade" : "install", timeout)) {
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

    private void recoverPending(ChartRelease release, Duration timeout, Consumer<String> notes)
            throws HelmException {
        Optional<ReleaseRecord> newest = records.latest(release.name(), release.namespace());
        if (newest.isEmpty() || !HelmRecords.pending(newest.get().status())) {
            return;
        }
        ReleaseRecord stuck = newest.get();
        Optional<String> why = leases.abandoned(stuck, timeout);
        if (why.isEmpty()) {
            throw new HelmException(release.name(), "the release is stuck in " + stuck.status()
                    + " (revision " + stuck.revision() + "), so Helm refuses to change it, and another client may"
                    + " still be working on it (it started " + stuck.updated()
                    .map(t -> t.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("at an unknown time")
                    + "). If none is, run again once the timeout (" + timeout.toSeconds() + " s, or the operation Lease's"
                    + " duration) has passed. "
                    + (stuck.revision() > 1 ? "Roll it back to its last deployed revision, or uninstall it"
                    : "Uninstall it, then install again") + ", to go on at once");
        }
        records.markFailed(stuck, "Marked failed by Mesh Wizard: " + why.get());
        String note = "revision " + stuck.revision() + " was left " + stuck.status() + " and " + why.get()
                + "; marked it failed, now " + (stuck.revision() > 1 ? "upgrading" : "installing") + " it again";
        LOG.info("Helm release {} in {}: {}", release.name(), release.namespace(), note);
        notes.accept(note);
    }

    /**
     * The releases Helm has in {@code namespace}, as words for a message: "releases there: a, b" or "Helm has no
     * releases there".
     */
    public String existing(String namespace) throws HelmException {
        List<String> names = list(namespace).stream().map(HelmRelease::name).sorted().toList();
        return names.isEmpty() ? "Helm has no releases there" : "releases there: " + String.join(", ", names);
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
     * record of that revision and upgraded to with exactly the values it had, with {@code --reset-values} so that
     * a revision installed with the chart's defaults (no values) gets no values rather than the newest revision's;
     * Helm describes the new revision as "Rollback to N". A newest revision stuck in a pending state is first
     * marked failed, since Helm refuses any operation while one is pending.
     *
     * @return Helm's record of the new revision
     * @throws HelmException when the revision does not exist or Helm fails
     */
    public HelmRelease rollback(String name, String namespace, int revision, Duration timeout) throws HelmException {
        List<ReleaseRecord> history = records.history(name, namespace);
        if (history.isEmpty()) {
            throw HelmException.notFound(name, "there is no release " + name + " in namespace " + namespace + " ("
                    + existing(namespace) + ")");
        }
        ReleaseRecord target = history.stream().filter(r -> r.revision() == revision).findFirst()
                .orElseThrow(() -> HelmException.notFound(name, "Release " + name + " has no revision " + revision
                        + " (Helm keeps " + history.stream().map(r -> String.valueOf(r.revision())).toList() + ")"));
        ReleaseRecord newest = history.get(history.size() - 1);
        if (newest.revision() == revision && !HelmRecords.pending(newest.status())) {
            throw new HelmException(name, "Revision " + revision + " of " + name + " is already the newest");
        }
        if (HelmRecords.pending(newest.status()) && leases.abandoned(newest, Duration.ZERO).isEmpty()) {
            throw new HelmException(name, name + " is " + newest.status() + " (revision " + newest.revision()
                    + ") and a Mesh Wizard that holds its operation Lease is still working on it; roll back once it"
                    + " has finished");
        }
        if (HelmRecords.pending(newest.status())) {
            records.markFailed(newest, "Marked failed by Mesh Wizard to roll back to revision " + revision
                    + " (was " + newest.status() + ")");
        }
        Path chartDir = null;
        Path valuesFile = null;
        try (OperationLeases.Held lease = leases.begin(name, namespace, "rollback", timeout)) {
            chartDir = Files.createTempDirectory("mesh-wizard-rollback-");
            ChartFiles.write(target.chartJson(), chartDir);
            valuesFile = ValuesFiles.write(ChartFiles.yaml(HelmRecords.asMap(target.config())));
            Release release = Helm.upgrade(chartDir.toString()).withName(name).withNamespace(namespace)
                    .withValuesFile(valuesFile).resetValues().withDescription("Rollback to " + revision)
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
            leases.forget(name, namespace);
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
        UpgradeCommand command = Helm.upgrade(chart.toString()).resetValues()
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
