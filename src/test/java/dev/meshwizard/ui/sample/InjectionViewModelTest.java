package dev.meshwizard.ui.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.connect.Kubeconfig;
import dev.meshwizard.cluster.apply.NamespaceInjection;
import dev.meshwizard.job.SameThreadJobRunner;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sidecar injection from the Sample step, on the simulated API. */
class InjectionViewModelTest {

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private SessionModel session;
    private PlanModel planModel;
    private InjectionViewModel model;

    @BeforeEach
    void start() {
        cluster = SimulatedCluster.start();
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop")
                .withLabels(Map.of("istio.io/rev", "old")).endMetadata().build()).create();
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("web")
                .endMetadata().build()).create();
        SameThreadJobRunner jobs = new SameThreadJobRunner();
        session = new SessionModel(jobs);
        planModel = new PlanModel(jobs);
        model = new InjectionViewModel(jobs, planModel, session);
    }

    @AfterEach
    void stop() {
        session.shutdown();
        cluster.close();
    }

    private void connect() throws Exception {
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        session.connected(new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim"));
    }

    private void select(String namespace) {
        model.selectedProperty().set(model.namespaces().stream().filter(n -> n.name().equals(namespace))
                .findFirst().orElseThrow());
    }

    private Map<String, String> labels(String namespace) {
        return cluster.client().namespaces().withName(namespace).get().getMetadata().getLabels();
    }

    @Test
    void offlineTheTableIsEmptyAndSaysItNeedsACluster() {
        assertThat(model.namespaces()).isEmpty();
        assertThat(model.statusProperty().get()).contains("needs a connected cluster");
        assertThat(model.canChangeProperty().get()).isFalse();
    }

    @Test
    void connectingListsTheNamespacesWithTheirInjectionState() throws Exception {
        // When
        connect();

        // Then
        assertThat(model.namespaces()).extracting(NamespaceInjection::name).containsExactly("default",
                "kube-node-lease", "kube-public", "kube-system", "shop", "web");
        NamespaceInjection shop = model.namespaces().stream().filter(n -> n.name().equals("shop")).findFirst()
                .orElseThrow();
        assertThat(InjectionViewModel.describe(shop)).isEqualTo("revision old");
    }

    @Test
    void enablingWithoutARevisionInThePlanSetsIstioInjectionAndDropsTheRevisionLabel() throws Exception {
        // Given
        connect();
        select("shop");

        // When
        model.enable();

        // Then
        assertThat(labels("shop")).containsEntry("istio-injection", "enabled").doesNotContainKey("istio.io/rev");
        assertThat(model.selectedProperty().get().state()).isEqualTo(NamespaceInjection.State.ENABLED);
        assertThat(model.statusProperty().get()).contains("only after a restart");
    }

    @Test
    void enablingWithThePlansRevisionSetsIstioIoRevToIt() throws Exception {
        // Given a plan with revision 1-30
        InstallPlan plan = planModel.plan();
        planModel.publish(new InstallPlan(plan.profile(), plan.platform(), "1-30", plan.istioVersion(),
                plan.source(), plan.releases()));
        connect();
        select("web");

        // When
        model.enable();

        // Then
        assertThat(model.enableText()).contains("1-30");
        assertThat(labels("web")).containsEntry("istio.io/rev", "1-30").doesNotContainKey("istio-injection");
        assertThat(model.namespaces().stream().filter(n -> n.name().equals("web")).findFirst().orElseThrow()
                .state()).isEqualTo(NamespaceInjection.State.REVISION);
    }

    @Test
    void disablingSetsIstioInjectionDisabledAndDropsTheRevision() throws Exception {
        // Given
        connect();
        select("shop");

        // When
        model.disable();

        // Then
        assertThat(labels("shop")).containsEntry("istio-injection", "disabled").doesNotContainKey("istio.io/rev");
        assertThat(model.selectedProperty().get().injects()).isFalse();
    }

    @Test
    void aNamespaceMadeWhileTheConnectionWasLostAppearsWhenItComesBack() throws Exception {
        // Given the namespaces read, then the connection lost
        connect();
        session.connectionLost();

        // When a namespace is made meanwhile and the connection comes back
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("payments")
                .endMetadata().build()).create();
        session.connectionBack();

        // Then the table was read again without pressing Refresh
        assertThat(model.namespaces()).extracting(NamespaceInjection::name).contains("payments", "shop", "web");
    }
}
