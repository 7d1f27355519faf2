package dev.meshwizard.ui.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.connect.Kubeconfig;
import dev.meshwizard.job.SameThreadJobRunner;
import dev.meshwizard.mesh.analysis.Finding;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.testing.SimulatedCluster;
import dev.meshwizard.testing.TestCharts;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Routing step's documents: editing, saving, analysis, and applying with a TLS Secret. */
class RoutingStepViewModelTest {

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private SessionModel session;
    private RoutingStepViewModel model;
    private Path workspace;

    @BeforeEach
    void start() {
        SameThreadJobRunner jobs = new SameThreadJobRunner();
        session = new SessionModel(jobs);
        PlanModel planModel = new PlanModel(jobs);
        planModel.publish(Plans.forProfile(Profile.DEFAULT, ChartSourceSpec.chartsFolder(TestCharts.chartsFolder()),
                TestCharts.VERSION));
        workspace = dir.resolve("workspace");
        planModel.openWorkspace(workspace, false);
        model = new RoutingStepViewModel(jobs, planModel, session, new Renderer());
    }

    @AfterEach
    void stop() {
        session.shutdown();
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aTextThatIsNotYamlIsMarkedAtItsLineAndSavedAsWritten() throws Exception {
        // Given
        model.templates().addReviewsForJason();
        String broken = model.selectedProperty().get().document().yaml().replace("hosts:", "hosts: [");

        // When
        model.edit(broken);

        // Then
        RoutingStepViewModel.Entry entry = model.selectedProperty().get();
        assertThat(entry.errorProperty().get()).isNotEmpty();
        assertThat(entry.errorLine()).isGreaterThan(1);
        assertThat(entry.document().yaml()).isEqualTo(broken);
        assertThat(Files.readString(workspace.resolve("routing/virtualservice-reviews.yaml"))).isEqualTo(broken);
    }

    @Test
    void offlineTheJasonRouteAloneIsFoundToNameUndefinedSubsetsAndTheFindingOpensItsLine() {
        // When
        model.templates().addReviewsForJason();

        // Then
        Finding subset = model.analysis().findings().stream().filter(f -> f.code().equals("MW0102")).findFirst()
                .orElseThrow();
        assertThat(model.analysis().statusProperty().get()).contains("planned gateways (offline)");
        assertThat(model.open(subset)).isTrue();
        RoutingStepViewModel.Reveal reveal = model.revealProperty().get();
        assertThat(reveal.entry().document().yaml().lines().toList().get(reveal.line() - 1).trim())
                .startsWith("subset:");
    }

    @Test
    void addingTheDestinationRulesClearsTheSubsetFindings() {
        model.templates().addReviewsForJason();

        model.templates().addDestinationRules();

        assertThat(model.analysis().findings()).noneMatch(f -> f.code().equals("MW0102"));
        assertThat(model.documents()).hasSize(5);
    }

    @Test
    void aTlsGatewaysSecretIsAppliedFromItsFilesButNeverWrittenToTheWorkspace() throws Exception {
        // Given a TLS gateway with its PEM files, and a connection
        String keyBody = body(900, 2);
        Path cert = Files.writeString(dir.resolve("tls.crt"), pem("CERTIFICATE", body(600, 1)));
        Path key = Files.writeString(dir.resolve("tls.key"), pem("PRIVATE KEY", keyBody));
        assertThat(model.templates().addTlsGateway("shop", "shop.example.com", "shop-tls", cert, key)).isEmpty();
        cluster = SimulatedCluster.start().installIstioCrds();
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        session.connected(new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim"));

        // When it is previewed, then applied
        model.applying().preview();
        assertThat(model.applying().canApplyProperty().get()).isTrue();
        model.applying().apply();

        // Then the Gateway and the Secret are in the cluster
        assertThat(model.applying().statusProperty().get()).startsWith("Applied 2 object(s)");
        assertThat(cluster.client().resources(Gateway.class).inNamespace("default").withName("shop").get())
                .isNotNull();
        Secret secret = cluster.client().secrets().inNamespace("default").withName("shop-tls").get();
        assertThat(secret.getType()).isEqualTo("kubernetes.io/tls");
        assertThat(secret.getData()).containsKeys("tls.crt", "tls.key");
        // and neither the workspace nor the preview or log hold the key
        String keyBase64 = secret.getData().get("tls.key");
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).doesNotContain(keyBody.lines().findFirst().orElseThrow())
                        .doesNotContain(keyBase64.substring(0, 40)).doesNotContain("PRIVATE KEY");
            }
        }
        assertThat(model.applying().log()).noneMatch(line -> line.contains("PRIVATE") || line.contains(keyBase64));
        assertThat(Files.readString(workspace.resolve("routing/gateway-shop.yaml"))).contains("shop-tls");
    }

    @Test
    void deletingRoutingFromTheClusterRemovesItsObjectsAndKeepsTheNamespace() throws Exception {
        // Given the reviews route applied into namespace shop
        model.namespaceProperty().set("shop");
        model.templates().addReviewsForJason();
        cluster = SimulatedCluster.start().installIstioCrds().createNamespaces("shop");
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        session.connected(new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim"));
        model.applying().preview();
        model.applying().apply();
        assertThat(model.applying().statusProperty().get()).startsWith("Applied 1 object(s)");
        assertThat(cluster.client().resources(VirtualService.class).inNamespace("shop").withName("reviews").get())
                .isNotNull();

        // When it is deleted from the cluster
        model.applying().delete();

        // Then the route is gone, the namespace stays (not terminating) and the document stays in the workspace
        assertThat(model.applying().statusProperty().get()).startsWith("Deleted 1 object(s)");
        assertThat(cluster.client().resources(VirtualService.class).inNamespace("shop").withName("reviews").get())
                .isNull();
        Namespace shop = cluster.client().namespaces().withName("shop").get();
        assertThat(shop).isNotNull();
        assertThat(shop.getStatus().getPhase()).isEqualTo("Active");
        assertThat(workspace.resolve("routing/virtualservice-reviews.yaml")).exists();
    }

    private static String body(int bytes, long seed) {
        byte[] data = new byte[bytes];
        new Random(seed).nextBytes(data);
        return Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
    }

    private static String pem(String type, String body) {
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
