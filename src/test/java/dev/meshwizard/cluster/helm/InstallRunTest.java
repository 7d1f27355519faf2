package dev.meshwizard.cluster.helm;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.Kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.cluster.helm.InstallEvent.Phase;
import dev.meshwizard.cluster.helm.InstallResult.Outcome;
import dev.meshwizard.job.JobContext;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.testing.ControllerStandIn;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.testing.TestPlans;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A whole plan installed with real Helm into the simulated API, its waits served by the controller stand-in. */
class InstallRunTest {

    private static final Logger LOG = LoggerFactory.getLogger(InstallRunTest.class);
    private static final String NAMESPACE = TestPlans.NAMESPACE;
    private static final List<String> DEFAULT_RELEASES = List.of("istio-base", "istiod", "istio-ingressgateway");

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private ClusterSession session;
    private InstallRun run;
    private InstallPlan plan;
    private final List<InstallEvent> events = new CopyOnWriteArrayList<>();
    private final RecordingJob job = new RecordingJob();

    @BeforeEach
    void connect() throws Exception {
        cluster = SimulatedCluster.start();
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        session = new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim");
        ChartSourceSpec source = ChartSourceSpec.istioRelease(TestCharts.istioReleaseFolder(dir));
        run = session.installRun(ChartSource.open(source, dir.resolve("cache")));
        plan = TestPlans.plan(Profile.byId("default").orElseThrow(), source);
    }

    @AfterEach
    void close() {
        session.close();
        cluster.close();
    }

    @Test
    void theDefaultProfileInstallsBaseThenIstiodThenTheGatewayEachWaitedForUntilReady() throws Exception {
        cluster.startControllers(Duration.ofMillis(20));

        InstallResult result = run.run(plan, events::add, job);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(releasesIn(Phase.RUNNING)).containsExactlyElementsOf(DEFAULT_RELEASES);
        assertThat(releasesIn(Phase.DONE)).containsExactlyElementsOf(DEFAULT_RELEASES);
        assertThat(indexOf("istio-base", Phase.DONE)).isLessThan(indexOf("istiod", Phase.RUNNING));
        assertThat(indexOf("istiod", Phase.DONE)).isLessThan(indexOf("istio-ingressgateway", Phase.RUNNING));
        assertThat(event("istio-base", Phase.WAITING).message())
                .contains("CustomResourceDefinition virtualservices.networking.istio.io");
        assertThat(event("istiod", Phase.WAITING).message()).contains("Deployment istiod");
        assertThat(event("istio-ingressgateway", Phase.WAITING).message())
                .contains("Deployment istio-ingressgateway");
        assertThat(result.installed()).extracting(HelmRelease::name).containsExactlyElementsOf(DEFAULT_RELEASES);
        assertThat(session.helm().list(NAMESPACE)).hasSize(3)
                .allSatisfy(release -> {
                    assertThat(release.revision()).isEqualTo(1);
                    assertThat(release.deployed()).isTrue();
                });
        assertThat(ReadinessWait.available(session.client().apps().deployments().inNamespace(NAMESPACE)
                .withName("istiod").get())).isTrue();
        assertThat(ReadinessWait.available(session.client().apps().deployments().inNamespace(NAMESPACE)
                .withName("istio-ingressgateway").get())).isTrue();
        assertThat(job.progress).last().isEqualTo(1.0);
        assertThat(job.progress).isSorted();
        LOG.info("Full install of {} into the simulation: Helm {} ms, waits {} ms", DEFAULT_RELEASES,
                result.helmTime().toMillis(), result.waitTime().toMillis());
    }

    @Test
    void theAmbientProfileWaitsForTheNodeAgentsOfCniAndZtunnel() throws Exception {
        cluster.startControllers(Duration.ofMillis(20));
        InstallPlan ambient = TestPlans.plan(Profile.byId("ambient").orElseThrow(), plan.source());

        InstallResult result = run.run(ambient, events::add, job);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(releasesIn(Phase.DONE)).containsExactly("istio-base", "istio-cni", "istiod", "ztunnel");
        assertThat(event("istio-cni", Phase.WAITING).message()).contains("DaemonSet istio-cni-node");
        assertThat(event("ztunnel", Phase.WAITING).message()).contains("DaemonSet ztunnel");
    }

    @Test
    void aSecondRunUpgradesEveryReleaseToRevisionTwo() throws Exception {
        cluster.startControllers(Duration.ZERO);
        run.run(plan, e -> { }, JobContext.NONE);

        InstallResult again = run.run(plan, events::add, job);

        assertThat(again.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(again.installed()).extracting(HelmRelease::revision).containsOnly(2);
        assertThat(session.helm().list(NAMESPACE)).extracting(HelmRelease::revision).containsOnly(2);
        assertThat(releasesIn(Phase.DONE)).containsExactlyElementsOf(DEFAULT_RELEASES);
        LOG.info("Upgrade of {} in the simulation: Helm {} ms, waits {} ms", DEFAULT_RELEASES,
                again.helmTime().toMillis(), again.waitTime().toMillis());
    }

    @Test
    void workloadsThatNeverBecomeReadyTimeOutNamingThePodsAndWhy() throws Exception {
        cluster.startControllersNeverReady();

        InstallResult result = run.withTimeout(Duration.ofSeconds(1)).run(plan, events::add, job);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(releasesIn(Phase.DONE)).containsExactly("istio-base");
        assertThat(event("istiod", Phase.FAILED).message())
                .startsWith("Not ready after 1 s: Deployment istiod: 0 of 1 replicas available")
                .containsPattern("pods not ready: istiod-[0-9a-f]+-[0-9a-f]{5} " + ControllerStandIn.STUCK_REASON
                        + " \\(" + ControllerStandIn.STUCK_REASON + ": Back-off pulling image ");
        assertThat(result.message()).startsWith(event("istiod", Phase.FAILED).message())
                .contains("Installed: istio-base (revision 1, deployed), istiod (revision 1, deployed)")
                .contains("not installed: istio-ingressgateway")
                .endsWith("Run the install again: it upgrades what is there and continues.");
        assertThat(releasesIn(Phase.RUNNING)).doesNotContain("istio-ingressgateway");
        assertThat(session.helm().list(NAMESPACE)).extracting(HelmRelease::name)
                .containsExactlyInAnyOrder("istio-base", "istiod");
    }

    @Test
    void deniedPermissionsStopTheRunBeforeAnythingIsInstalled() throws Exception {
        cluster.denyAccess("admissionregistration.k8s.io", "mutatingwebhookconfigurations");

        InstallResult result = run.run(plan, events::add, job);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("Not allowed to create").contains("mutatingwebhookconfigurations")
                .contains("Nothing was installed");
        assertThat(releasesIn(Phase.RUNNING)).isEmpty();
        assertThat(releasesIn(Phase.CANCELLED)).containsExactlyElementsOf(DEFAULT_RELEASES);
        assertThat(session.helm().list(NAMESPACE)).isEmpty();
    }

    @Test
    void aValuesErrorInTheSecondReleaseStopsTheRunWithHelmsMessageAndAReRunContinues() throws Exception {
        cluster.startControllers(Duration.ZERO);
        InstallPlan broken = plan.withReleases(List.of(plan.releases().get(0),
                plan.releases().get(1).withValues("global: [not, a, map]\n"), plan.releases().get(2)));

        InstallResult failed = run.run(broken, events::add, job);

        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.message()).startsWith("istiod: template: ");
        assertThat(failed.message()).startsWith(event("istiod", Phase.FAILED).message())
                .contains("not installed: istiod, istio-ingressgateway");
        assertThat(releasesIn(Phase.RUNNING)).containsExactly("istio-base", "istiod");
        assertThat(session.helm().list(NAMESPACE)).extracting(HelmRelease::name).containsExactly("istio-base");

        events.clear();
        InstallResult rerun = run.run(plan, events::add, job);

        assertThat(rerun.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(rerun.installed()).extracting(r -> r.name() + "@" + r.revision())
                .containsExactly("istio-base@2", "istiod@1", "istio-ingressgateway@1");
    }

    @Test
    void cancellingDuringTheFirstReleaseStopsAfterItAndSaysWhatIsInstalled() throws Exception {
        cluster.startControllers(Duration.ZERO);
        AtomicBoolean cancel = new AtomicBoolean();
        job.cancelled = cancel::get;

        InstallResult result = run.run(plan, event -> {
            events.add(event);
            if (event.release().equals("istio-base") && event.phase() == Phase.RUNNING) {
                cancel.set(true);
            }
        }, job);

        assertThat(result.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(result.message()).isEqualTo("Cancelled. Installed: istio-base (revision 1, deployed)");
        assertThat(event("istio-base", Phase.CANCELLED).message()).contains("revision 1");
        assertThat(event("istiod", Phase.CANCELLED).message()).isEqualTo("Not installed");
        assertThat(event("istio-ingressgateway", Phase.CANCELLED).message()).isEqualTo("Not installed");
        assertThat(releasesIn(Phase.RUNNING)).containsExactly("istio-base");
        assertThat(session.helm().list(NAMESPACE)).extracting(HelmRelease::name).containsExactly("istio-base");
    }

    @Test
    void cancellingWhileWaitingStopsWithoutWaitingForTheTimeout() throws Exception {
        cluster.startControllersNeverReady();
        AtomicBoolean cancel = new AtomicBoolean();
        job.cancelled = cancel::get;

        long start = System.nanoTime();
        InstallResult result = run.run(plan, event -> {
            events.add(event);
            if (event.release().equals("istiod") && event.phase() == Phase.WAITING) {
                cancel.set(true);
            }
        }, job);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(InstallRun.DEFAULT_TIMEOUT);
        assertThat(result.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(result.message()).isEqualTo("Cancelled. Installed: istio-base (revision 1, deployed), "
                + "istiod (revision 1, deployed)");
        assertThat(event("istiod", Phase.CANCELLED).message())
                .isEqualTo("Helm installed revision 1 deployed; cancelled while waiting for it to become ready");
        assertThat(event("istio-ingressgateway", Phase.CANCELLED).message()).isEqualTo("Not installed");
    }

    private List<String> releasesIn(Phase phase) {
        return events.stream().filter(e -> e.phase() == phase).map(InstallEvent::release).toList();
    }

    private InstallEvent event(String release, Phase phase) {
        return events.get(indexOf(release, phase));
    }

    private int indexOf(String release, Phase phase) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).release().equals(release) && events.get(i).phase() == phase) {
                return i;
            }
        }
        throw new AssertionError("No " + phase + " event for " + release + " in " + events);
    }

    private static final class RecordingJob implements JobContext {
        final List<Double> progress = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        volatile java.util.function.BooleanSupplier cancelled = () -> false;

        @Override
        public void progress(double fraction) {
            progress.add(fraction);
        }

        @Override
        public void message(String text) {
            messages.add(text);
        }

        @Override
        public boolean isCancelled() {
            return cancelled.getAsBoolean();
        }
    }
}
