package dev.meshwizard.cluster.helm;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.Kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.cluster.helm.InstallEvent.Phase;
import dev.meshwizard.cluster.helm.InstallResult.Outcome;
import dev.meshwizard.job.JobContext;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TcpRelay;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.testing.TestPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens to installed releases: history, rollback, stuck releases, uninstall, and the API going away. */
class ReleaseLifecycleTest {

    private static final String NAMESPACE = TestPlans.NAMESPACE;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private ClusterSession session;
    private ChartSource charts;
    private InstallPlan plan;
    private final List<InstallEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        cluster = SimulatedCluster.start();
        session = connect(cluster.url());
        ChartSourceSpec source = ChartSourceSpec.istioRelease(TestCharts.istioReleaseFolder(dir));
        charts = ChartSource.open(source, dir.resolve("cache"));
        plan = TestPlans.plan(Profile.byId("default").orElseThrow(), source);
        cluster.startControllers(Duration.ZERO);
    }

    @AfterEach
    void close() {
        session.close();
        cluster.close();
    }

    @Test
    void historyListsEveryRevisionAndTheDeployedManifestIsTheNewestOne() throws Exception {
        install(withIstiodReplicas(2));
        install(withIstiodReplicas(3));

        List<HelmRevision> history = session.helm().history("istiod", NAMESPACE);

        assertThat(history).extracting(HelmRevision::revision, HelmRevision::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "superseded"),
                        org.assertj.core.groups.Tuple.tuple(2, "deployed"));
        assertThat(history).allSatisfy(r -> {
            assertThat(r.chart()).isEqualTo("istiod");
            assertThat(r.version()).isEqualTo(TestCharts.VERSION);
            assertThat(r.updated()).isPresent();
        });
        assertThat(session.helm().deployed("istiod", NAMESPACE).orElseThrow().manifest())
                .contains("kind: Deployment").contains("replicas: 3");
        assertThat(session.helm().deployed("nothing-here", NAMESPACE)).isEmpty();
    }

    @Test
    void beforeAnUpgradeTheDiffShowsPerObjectWhatWillChange() throws Exception {
        InstallPlan first = withIstiodReplicas(2);
        InstallPlan minimalFirst = first.withReleases(first.releases().subList(0, 2));
        install(minimalFirst);

        List<UpgradeDiff.ReleaseChanges> diff = session.upgradeDiff(new dev.meshwizard.render.Renderer())
                .compute(withIstiodReplicas(3), charts);

        assertThat(diff).extracting(UpgradeDiff.ReleaseChanges::release)
                .containsExactly("istio-base", "istiod", "istio-ingressgateway");
        assertThat(diff.get(0).changedCount()).isZero();
        assertThat(diff.get(0).deployedRevision()).contains(1);
        UpgradeDiff.ReleaseChanges istiod = diff.get(1);
        assertThat(istiod.changes()).filteredOn(c -> c.type() != dev.meshwizard.diff.ObjectChange.Type.UNCHANGED)
                .singleElement().satisfies(change -> {
                    assertThat(change.id()).isEqualTo("Deployment/istio-system/istiod");
                    assertThat(change.unifiedText()).contains("-  replicas: 2").contains("+  replicas: 3");
                });
        assertThat(istiod.summary()).isEqualTo("istiod: revision 1 → next, 1 changed, 0 added, 0 removed");
        assertThat(diff.get(2).deployedRevision()).isEmpty();
        assertThat(diff.get(2).changes()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.type()).isEqualTo(dev.meshwizard.diff.ObjectChange.Type.ADDED));
        assertThat(session.helm().list(NAMESPACE)).allSatisfy(r -> assertThat(r.revision()).isEqualTo(1));
    }

    @Test
    void rollbackMakesANewRevisionWithTheChosenRevisionsValues() throws Exception {
        install(withIstiodReplicas(2));
        install(withIstiodReplicas(3));

        HelmRelease rolledBack = session.helm().rollback("istiod", NAMESPACE, 1, TIMEOUT);

        assertThat(rolledBack.revision()).isEqualTo(3);
        assertThat(rolledBack.deployed()).isTrue();
        assertThat(session.client().apps().deployments().inNamespace(NAMESPACE).withName("istiod").get()
                .getSpec().getReplicas()).isEqualTo(2);
        assertThat(session.helm().history("istiod", NAMESPACE)).last()
                .satisfies(r -> assertThat(r.description()).isEqualTo("Rollback to 1"));
        assertThatThrownBy(() -> session.helm().rollback("istiod", NAMESPACE, 9, TIMEOUT))
                .isInstanceOf(HelmException.class).hasMessageContaining("has no revision 9");
    }

    @Test
    void rollbackToARevisionInstalledWithTheChartsDefaultsReproducesItsManifestExactly() throws Exception {
        // Given istiod installed with empty values, then upgraded with a trace sampling of 10
        install(plan);
        install(withIstiodValues("pilot:\n  traceSampling: 10\n"));
        assertThat(traceSampling()).isEqualTo("10");

        // When istiod is rolled back to revision 1
        HelmRelease rolledBack = session.helm().rollback("istiod", NAMESPACE, 1, TIMEOUT);

        // Then revision 3 is what revision 1 was: the same manifest, the chart's default sampling
        assertThat(rolledBack.revision()).isEqualTo(3);
        HelmRecords records = new HelmRecords(session.client());
        List<ReleaseRecord> history = records.history("istiod", NAMESPACE);
        assertThat(history.get(2).manifest()).isEqualTo(history.get(0).manifest())
                .doesNotContain("value: \"10\"");
        assertThat(history.get(2).config()).isEqualTo(history.get(0).config());
        assertThat(traceSampling()).isNotEqualTo("10");
    }

    @Test
    void anUpgradeWithValuesClearedGoesBackToTheChartsDefaultsInsteadOfKeepingTheOldValues() throws Exception {
        // Given istiod upgraded with a trace sampling of 10
        install(plan);
        install(withIstiodValues("pilot:\n  traceSampling: 10\n"));

        // When the plan's istiod values are emptied again and installed
        install(plan);

        // Then Helm did not reuse revision 2's values: revision 3 renders like revision 1
        List<ReleaseRecord> history = new HelmRecords(session.client()).history("istiod", NAMESPACE);
        assertThat(history.get(2).manifest()).isEqualTo(history.get(0).manifest());
        assertThat(traceSampling()).isNotEqualTo("10");
    }

    @Test
    void aReleaseStuckInPendingUpgradeIsRefusedByInstallAndFixedByRollback() throws Exception {
        install(plan);
        install(plan);
        // what a client that died during "helm upgrade" leaves: the old revision deployed, the new one pending
        HelmRecords records = new HelmRecords(session.client());
        List<ReleaseRecord> history = records.history("istiod", NAMESPACE);
        records.setStatus(history.get(0), "deployed", "Install complete");
        records.setStatus(history.get(1), "pending-upgrade", "Preparing upgrade");

        InstallResult blocked = session.installRun(charts).run(plan, events::add, JobContext.NONE);

        assertThat(blocked.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(blocked.message()).contains("istiod").contains("stuck in pending-upgrade (revision 2)")
                .contains("Roll it back");
        assertThat(session.helm().list(NAMESPACE)).filteredOn(r -> r.name().equals("istiod"))
                .singleElement().satisfies(r -> assertThat(r.pending()).isTrue());

        HelmRelease fixed = session.helm().rollback("istiod", NAMESPACE, 1, TIMEOUT);

        assertThat(fixed.revision()).isEqualTo(3);
        assertThat(session.helm().history("istiod", NAMESPACE)).extracting(HelmRevision::status)
                .containsExactly("superseded", "failed", "deployed");
        assertThat(install(plan).outcome()).isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void uninstallGoesInReverseOrderAndKeepsCrdsAndNamespaceUnlessAsked() throws Exception {
        install(plan);
        events.clear();

        UninstallRun.Result result = session.uninstallRun().run(NAMESPACE, UninstallRun.Options.releasesOnly(),
                events::add, JobContext.NONE);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.uninstalled()).containsExactly("istio-ingressgateway", "istiod", "istio-base");
        assertThat(events).filteredOn(e -> e.phase() == Phase.DONE).extracting(InstallEvent::release)
                .containsExactly("istio-ingressgateway", "istiod", "istio-base");
        assertThat(session.helm().list(NAMESPACE)).isEmpty();
        assertThat(session.client().apps().deployments().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(istioCrds()).contains("virtualservices.networking.istio.io");
        assertThat(session.client().namespaces().withName(NAMESPACE).get()).isNotNull();
    }

    @Test
    void uninstallWithCrdsAndNamespaceRemovesThemAfterTheReleases() throws Exception {
        install(plan);
        session.client().apiextensions().v1().customResourceDefinitions().resource(
                new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder()
                        .withNewMetadata().withName("widgets.example.com").endMetadata()
                        .withNewSpec().withGroup("example.com").withScope("Namespaced")
                        .withNewNames().withKind("Widget").withPlural("widgets").withSingular("widget").endNames()
                        .addNewVersion().withName("v1").withServed(true).withStorage(true).endVersion()
                        .endSpec().build()).create();

        UninstallRun.Result result = session.uninstallRun().run(NAMESPACE,
                new UninstallRun.Options(true, true, Set.of()), events::add, JobContext.NONE);

        assertThat(result.uninstalled()).containsExactly("istio-ingressgateway", "istiod", "istio-base",
                UninstallRun.CRDS, NAMESPACE);
        assertThat(istioCrds()).isEmpty();
        assertThat(session.client().apiextensions().v1().customResourceDefinitions().withName("widgets.example.com")
                .get()).isNotNull();
        // A deleted namespace is Terminating until the server has removed what is left in it
        assertThat(session.client().namespaces().withName(NAMESPACE).waitUntilCondition(
                ns -> ns == null, 10, java.util.concurrent.TimeUnit.SECONDS)).isNull();
    }

    @Test
    void theApiGoingAwayMidInstallFailsClearlyAndAReRunContinues() throws Exception {
        try (TcpRelay relay = TcpRelay.to(cluster.port());
             ClusterSession viaRelay = connect("https://localhost:" + relay.port())) {
            InstallRun run = viaRelay.installRun(charts);

            InstallResult failed = run.run(plan, event -> {
                events.add(event);
                if (event.release().equals("istiod") && event.phase() == Phase.RUNNING) {
                    relay.cut();
                }
            }, JobContext.NONE);

            assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(failed.message()).startsWith("istiod: ").contains("cluster unreachable")
                    .contains("Installed: istio-base (revision 1, deployed)")
                    .contains("not installed: istiod, istio-ingressgateway")
                    .contains("When the API server answers again, run the install again: it upgrades what is there"
                            + " and continues.");
            assertThat(failed.installed()).extracting(HelmRelease::name).containsExactly("istio-base");

            relay.restore();
            InstallResult rerun = run.run(plan, event -> { }, JobContext.NONE);

            assertThat(rerun.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(viaRelay.helm().list(NAMESPACE)).extracting(HelmRelease::name)
                    .containsExactlyInAnyOrder("istio-base", "istiod", "istio-ingressgateway");
        }
    }

    @Test
    void theApiGoingAwayWhileHelmIsMidInstallLeavesAPendingReleaseThatARerunInThisProcessRecovers()
            throws Exception {
        try (TcpRelay relay = TcpRelay.to(cluster.port());
             ClusterSession viaRelay = connect("https://localhost:" + relay.port())) {
            InstallRun run = viaRelay.installRun(charts);
            // Given the connection lost while Helm creates istiod's Deployment, after it wrote pending-install
            InstallResult failed;
            try (var hold = cluster.hold("POST", "/apis/apps/v1/namespaces/istio-system/deployments")) {
                var cut = java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try {
                        if (hold.awaitArrival(Duration.ofMinutes(1))) {
                            relay.cut();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        hold.release();
                    }
                });
                failed = run.run(plan, events::add, JobContext.NONE);
                cut.get();
            }
            assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(failed.message()).startsWith("istiod: ").contains("Installed: istio-base")
                    .contains("When the API server answers again, run the install again");
            assertThat(new HelmRecords(session.client()).latest("istiod", NAMESPACE).orElseThrow().status())
                    .isEqualTo("pending-install");

            // When the API server is back and the install runs again
            relay.restore();
            events.clear();
            InstallResult rerun = run.run(plan, events::add, JobContext.NONE);

            // Then the pending revision this process left is marked failed and everything is deployed
            assertThat(rerun.outcome()).as(rerun.message()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(events).filteredOn(e -> e.release().equals("istiod")).extracting(InstallEvent::message)
                    .anySatisfy(m -> assertThat(m).contains("revision 1 was left pending-install")
                            .contains("marked it failed"));
            assertThat(session.helm().list(NAMESPACE)).allSatisfy(r -> assertThat(r.deployed()).isTrue());
        }
    }

    private InstallPlan withIstiodValues(String values) {
        return plan.withReleases(List.of(plan.releases().get(0), plan.releases().get(1).withValues(values),
                plan.releases().get(2)));
    }

    private String traceSampling() {
        return session.client().apps().deployments().inNamespace(NAMESPACE).withName("istiod").get().getSpec()
                .getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(env -> env.getName().equals("PILOT_TRACE_SAMPLING")).findFirst().orElseThrow().getValue();
    }

    private InstallPlan withIstiodReplicas(int replicas) {
        return plan.withReleases(List.of(plan.releases().get(0), plan.releases().get(1)
                .withValues("pilot:\n  autoscaleEnabled: false\n  replicaCount: " + replicas + "\n"),
                plan.releases().get(2)));
    }

    private InstallResult install(InstallPlan installPlan) {
        InstallResult result = session.installRun(charts).run(installPlan, events::add, JobContext.NONE);
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCEEDED);
        return result;
    }

    private List<String> istioCrds() {
        return session.client().apiextensions().v1().customResourceDefinitions().list().getItems().stream()
                .filter(crd -> UninstallRun.isIstioGroup(crd.getSpec().getGroup()))
                .map(crd -> crd.getMetadata().getName()).toList();
    }

    private ClusterSession connect(String url) throws Exception {
        Path file = Files.createTempFile(dir, "kubeconfig", ".yaml");
        cluster.writeKubeconfig(file, "sim");
        Files.writeString(file, Files.readString(file).replace(cluster.url(), url));
        return new ClusterConnector().connect(Kubeconfig.loadFile(file), "sim");
    }
}
