package dev.meshwizard.ui.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.connect.Kubeconfig;
import dev.meshwizard.job.SameThreadJobRunner;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import io.fabric8.kubernetes.api.model.Namespace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sample step: offline, manifests shown and saved and manifest files read with their errors; on a simulated
 * cluster, applied and deleted.
 */
class SampleStepViewModelTest {

    @TempDir
    Path dir;
    private SampleStepViewModel model;
    private SessionModel session;
    private SimulatedCluster cluster;

    @BeforeEach
    void plan() {
        SameThreadJobRunner jobs = new SameThreadJobRunner();
        PlanModel planModel = new PlanModel(jobs);
        planModel.publish(Plans.forProfile(Profile.DEFAULT, ChartSourceSpec.chartsFolder(TestCharts.chartsFolder()),
                TestCharts.VERSION));
        session = new SessionModel(jobs);
        model = new SampleStepViewModel(jobs, planModel, session, new Renderer());
    }

    @AfterEach
    void stop() {
        session.shutdown();
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void deletingTheSampleRemovesItsObjectsAndKeepsItsNamespace() throws Exception {
        // Given curl applied into its own namespace on a cluster
        cluster = SimulatedCluster.start();
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        session.connected(new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim"));
        model.sampleProperty().set(SampleStepViewModel.Sample.CURL);
        model.namespaceProperty().set("shop");
        model.apply();
        assertThat(model.statusProperty().get()).startsWith("Applied");
        assertThat(cluster.client().apps().deployments().inNamespace("shop").withName("curl").get()).isNotNull();

        // When the sample is deleted
        model.delete();

        // Then its objects are gone and the namespace stays, not terminating
        assertThat(model.statusProperty().get()).startsWith("Deleted").doesNotContain("refused");
        assertThat(cluster.client().apps().deployments().inNamespace("shop").withName("curl").get()).isNull();
        assertThat(cluster.client().serviceAccounts().inNamespace("shop").withName("curl").get()).isNull();
        Namespace shop = cluster.client().namespaces().withName("shop").get();
        assertThat(shop).isNotNull();
        assertThat(shop.getStatus().getPhase()).isEqualTo("Active");
    }

    @Test
    void offlineBookinfoWithItsGatewayIsShownButCannotBeApplied() {
        assertThat(model.yamlProperty().get()).contains("name: productpage-v1").contains("kind: Gateway")
                .contains("istio: ingressgateway");
        assertThat(model.gatewayNoteProperty().get()).startsWith("Gateway selector istio=ingressgateway");
        assertThat(model.canApplyProperty().get()).isFalse();
        assertThat(model.offlineProperty().get()).isTrue();
    }

    @Test
    void anotherNamespaceIsCreatedWithTheSample() {
        model.sampleProperty().set(SampleStepViewModel.Sample.HTTPBIN);

        model.namespaceProperty().set("web");

        assertThat(model.yamlProperty().get()).startsWith("---\napiVersion: v1\nkind: Namespace\nmetadata:\n"
                + "  name: web\n").contains("name: httpbin").doesNotContain("kind: Gateway");
    }

    @Test
    void aManifestFileThatCannotBeReadIsReportedWithFileAndLineAndNothingIsLost() throws Exception {
        // Given a manifest file loaded
        Path good = Files.writeString(dir.resolve("good.yaml"), "apiVersion: v1\nkind: ConfigMap\n"
                + "metadata:\n  name: settings\n");
        model.loadFile(good);
        String shown = model.yamlProperty().get();

        // When a broken one is loaded
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "apiVersion: v1\nkind: ConfigMap\n"
                + "metadata:\n  name: a\n---\nkind: ConfigMap\nmetadata:\n  name: b\n");
        model.loadFile(broken);

        // Then the error names file and line, and the first file's manifests stay
        assertThat(model.errorProperty().get()).isEqualTo(broken + ":6: the document has no apiVersion");
        assertThat(model.sampleProperty().get()).isEqualTo(SampleStepViewModel.Sample.FILE);
        assertThat(model.yamlProperty().get()).isEqualTo(shown).contains("name: settings");
    }

    @Test
    void theManifestsAreSavedAsOneFile() throws Exception {
        Path file = dir.resolve("out.yaml");

        model.saveYaml(file);

        assertThat(Files.readString(file)).startsWith("# Written by Mesh Wizard")
                .endsWith("\n" + model.yamlProperty().get());
        assertThat(model.statusProperty().get()).contains("kubectl apply --server-side");
    }

    @Test
    void aNamespaceThatIsNotADnsLabelIsAnErrorAndLeavesNothingToApply() {
        model.sampleProperty().set(SampleStepViewModel.Sample.HTTPBIN);
        model.namespaceProperty().set("Book Info");

        assertThat(model.errorProperty().get()).startsWith("Namespace \"Book Info\" is not a DNS-1123 label");
        assertThat(model.yamlProperty().get()).isEmpty();

        model.namespaceProperty().set("bookinfo");

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.yamlProperty().get()).contains("namespace: bookinfo");
    }

    @Test
    void savingOverAFileTheUserMadeAsksFirstAndWritesOnlyWhenConfirmed() throws Exception {
        // Given a file of the user's
        Path file = Files.writeString(dir.resolve("mine.yaml"), "kind: Mine\n");

        // When the manifests are saved over it
        model.saveYaml(file);

        // Then the question lists it and the file is as it was
        assertThat(model.overwriteQuestion().filesProperty().get()).containsExactly("mine.yaml");
        assertThat(file).hasContent("kind: Mine");

        // And when confirmed, it is written
        model.overwriteQuestion().confirm();
        assertThat(Files.readString(file)).contains("name: productpage-v1");
        assertThat(model.overwriteQuestion().filesProperty().get()).isEmpty();
    }
}
