package dev.meshwizard.cluster.helm;

import io.fabric8.kubernetes.client.KubernetesClient;

import dev.meshwizard.cluster.precheck.Precheck;
import dev.meshwizard.cluster.precheck.PrecheckItem;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.cluster.helm.InstallEvent.Phase;
import dev.meshwizard.cluster.helm.InstallResult.Outcome;
import dev.meshwizard.job.JobContext;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.InstallPlan;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs a whole plan: each release in the plan's order with Helm (install, or upgrade when Helm already has
 * it), then waits until what it created is ready before the next one: the CRDs of base Established, istiod's and
 * the gateways' Deployments Available, DaemonSets' pods ready (see {@link ReadinessWait}; the load balancer's
 * address is not awaited). Each release may take {@link #timeout()} to become ready.
 *
 * <p>Before anything is installed, the user's permissions are checked as the precheck does (access reviews for
 * everything the charts create); when one is denied, nothing is installed and the result names what is missing.
 * A failure (Helm's error, or a timeout naming the pods that are not ready and why) stops the run: the releases
 * before it stay installed, those after it stay pending. Running the plan again upgrades what exists and carries
 * on. Cancelling stops after the current Helm call, or during a wait, and the result says what is installed.
 *
 * <p>Events go to the listener on the calling thread; the job context gets the overall progress and a message.
 * Blocking: call from a background job.
 */
public final class InstallRun {

    /** How long a release may take to become ready unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(InstallRun.class);
    /** How Go's HTTP client reports a request whose connection closed: {@code Post "https://…": EOF}. */
    private static final java.util.regex.Pattern HTTP_CALL_CUT =
            java.util.regex.Pattern.compile("(get|post|put|patch|delete) \"[^\"]+\": eof");

    private final HelmInstaller helm;
    private final ReadinessWait readiness;
    private final Precheck precheck;
    private final ChartSource charts;
    private final Duration timeout;
    private final boolean waiting;

    /** A run on {@code client}'s cluster through {@code helm}, charts from {@code charts}, the default timeout. */
    public InstallRun(HelmInstaller helm, KubernetesClient client, ChartSource charts) {
        this(helm, new ReadinessWait(client), new Precheck(client), charts, DEFAULT_TIMEOUT, true);
    }

    private InstallRun(HelmInstaller helm, ReadinessWait readiness, Precheck precheck, ChartSource charts,
                       Duration timeout, boolean waiting) {
        this.helm = Objects.requireNonNull(helm, "helm");
        this.precheck = Objects.requireNonNull(precheck, "precheck");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.charts = Objects.requireNonNull(charts, "charts");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        this.waiting = waiting;
    }

    /** The same run with another per-release timeout (also Helm's timeout for hooks). */
    public InstallRun withTimeout(Duration newTimeout) {
        return new InstallRun(helm, readiness, precheck, charts, newTimeout, waiting);
    }

    /** The same run without waiting for readiness between releases (like helm without --wait). */
    public InstallRun withoutWaiting() {
        return new InstallRun(helm, readiness, precheck, charts, timeout, false);
    }

    /** How long each release may take to become ready. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Installs or upgrades the plan's releases in order. Never throws for a cluster or Helm failure: it is
     * reported as a {@link Phase#FAILED} event and a failed result.
     *
     * @param listener gets every release's {@link Phase#PENDING} event first, then each change
     * @param job      gets progress (releases done out of all, half a release when Helm is done) and messages;
     *                 its cancellation is checked between releases and while waiting
     */
    public InstallResult run(InstallPlan plan, Consumer<InstallEvent> listener, JobContext job) {
        List<ChartRelease> releases = plan.releases();
        for (ChartRelease release : releases) {
            listener.accept(new InstallEvent(release.name(), Phase.PENDING, "", Duration.ZERO));
        }
        List<HelmRelease> installed = new ArrayList<>();
        long helmNanos = 0;
        long waitNanos = 0;
        int total = Math.max(1, releases.size());
        job.progress(0);
        if (!releases.isEmpty()) {
            job.message("Checking permissions");
            PrecheckItem permissions = precheck.checkPermissions();
            if (permissions.status() == PrecheckItem.Status.FAIL) {
                String message = permissions.detail() + " Nothing was installed. " + permissions.fix() + ".";
                releases.forEach(r -> listener.accept(new InstallEvent(r.name(), Phase.CANCELLED, "Not installed",
                        Duration.ZERO)));
                return new InstallResult(Outcome.FAILED, installed, message, Duration.ZERO, Duration.ZERO);
            }
        }
        for (int i = 0; i < releases.size(); i++) {
            ChartRelease release = releases.get(i);
            if (job.isCancelled()) {
                return cancelled(releases, i, installed, listener, helmNanos, waitNanos);
            }
            long start = System.nanoTime();
            String chart = release.component().chartName();
            job.message("Installing " + release.name() + " (" + (i + 1) + " of " + releases.size() + ")");
            listener.accept(new InstallEvent(release.name(), Phase.RUNNING,
                    "Helm installs or upgrades chart " + chart + " in " + release.namespace(), Duration.ZERO));
            HelmRelease done;
            try {
                done = helm.upgradeOrInstall(plan, release, charts, timeout, note -> listener.accept(
                        new InstallEvent(release.name(), Phase.RUNNING, note, since(start))));
            } catch (HelmException e) {
                helmNanos += System.nanoTime() - start;
                return failed(releases.subList(i, releases.size()), e.getMessage(), start, installed, listener, job,
                        helmNanos, waitNanos);
            }
            long helmDone = System.nanoTime();
            helmNanos += helmDone - start;
            installed.add(done);
            job.progress((i + 0.5) / total);
            String revision = "revision " + done.revision() + " " + done.status();
            if (job.isCancelled()) {
                listener.accept(new InstallEvent(release.name(), Phase.CANCELLED,
                        "Helm installed " + revision + "; not waited for", since(start)));
                return cancelled(releases, i + 1, installed, listener, helmNanos, waitNanos);
            }
            try {
                List<ReadinessWait.Target> targets = waiting
                        ? readiness.targets(release.name(), release.namespace()) : List.of();
                if (!targets.isEmpty()) {
                    String what = targets.stream().map(ReadinessWait.Target::label).collect(Collectors.joining(", "));
                    job.message("Waiting for " + release.name() + " to become ready");
                    listener.accept(new InstallEvent(release.name(), Phase.WAITING, revision
                            + "; waiting for " + what, since(start)));
                    readiness.await(targets, timeout, job);
                }
            } catch (ReadinessWait.NotReadyException e) {
                waitNanos += System.nanoTime() - helmDone;
                return failed(releases.subList(i, releases.size()), e.getMessage(), start, installed, listener, job,
                        helmNanos, waitNanos);
            } catch (KubernetesClientException e) {
                waitNanos += System.nanoTime() - helmDone;
                return failed(releases.subList(i, releases.size()), "Cannot read the release's objects: "
                        + e.getMessage(), start, installed,
                        listener, job, helmNanos, waitNanos);
            } catch (ReadinessWait.CancelledException e) {
                waitNanos += System.nanoTime() - helmDone;
                listener.accept(new InstallEvent(release.name(), Phase.CANCELLED,
                        "Helm installed " + revision + "; cancelled while waiting for it to become ready",
                        since(start)));
                return cancelled(releases, i + 1, installed, listener, helmNanos, waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                waitNanos += System.nanoTime() - helmDone;
                return cancelled(releases, i + 1, installed, listener, helmNanos, waitNanos);
            }
            waitNanos += System.nanoTime() - helmDone;
            listener.accept(new InstallEvent(release.name(), Phase.DONE, revision, since(start)));
            job.progress((i + 1.0) / total);
        }
        job.message("Installed " + releases.size() + " releases");
        return new InstallResult(Outcome.SUCCEEDED, installed, "Installed " + names(installed),
                Duration.ofNanos(helmNanos), Duration.ofNanos(waitNanos));
    }

    /** The failure of {@code rest.get(0)}: its event, and a result that says what is installed and what is not. */
    private static InstallResult failed(List<ChartRelease> rest, String message, long start,
                                        List<HelmRelease> installed, Consumer<InstallEvent> listener,
                                        JobContext job, long helmNanos, long waitNanos) {
        ChartRelease release = rest.get(0);
        LOG.debug("Installing {} failed: {}", release.name(), message);
        listener.accept(new InstallEvent(release.name(), Phase.FAILED, message, since(start)));
        job.message(release.name() + " failed");
        List<String> notInstalled = rest.stream().map(ChartRelease::name)
                .filter(name -> installed.stream().noneMatch(r -> r.name().equals(name))).toList();
        String summary = (installed.isEmpty() ? "Nothing is installed" : "Installed: " + names(installed))
                + (notInstalled.isEmpty() ? "" : "; not installed: " + String.join(", ", notInstalled)) + ". "
                + (unreachable(message) ? "When the API server answers again, run" : "Run")
                + " the install again: it upgrades what is there and continues.";
        return new InstallResult(Outcome.FAILED, installed, message + (message.endsWith(".") ? " " : ". ") + summary,
                Duration.ofNanos(helmNanos), Duration.ofNanos(waitNanos));
    }

    /** Whether a failure says the API server could not be reached (Helm's and the JDK client's words for it). */
    static boolean unreachable(String message) {
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("cluster unreachable") || lower.contains("connection refused")
                || lower.contains("connection reset") || lower.contains("unexpected eof")
                || lower.contains("broken pipe") || lower.contains("no route to host") || lower.contains("i/o timeout")
                || HTTP_CALL_CUT.matcher(lower).find();
    }

    private static InstallResult cancelled(List<ChartRelease> releases, int from, List<HelmRelease> installed,
                                           Consumer<InstallEvent> listener, long helmNanos, long waitNanos) {
        for (ChartRelease release : releases.subList(from, releases.size())) {
            listener.accept(new InstallEvent(release.name(), Phase.CANCELLED, "Not installed", Duration.ZERO));
        }
        String message = "Cancelled. " + (installed.isEmpty() ? "Nothing was installed"
                : "Installed: " + names(installed));
        return new InstallResult(Outcome.CANCELLED, installed, message, Duration.ofNanos(helmNanos),
                Duration.ofNanos(waitNanos));
    }

    private static String names(List<HelmRelease> releases) {
        return releases.stream().map(r -> r.name() + " (revision " + r.revision() + ", " + r.status() + ")")
                .collect(Collectors.joining(", "));
    }

    static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
