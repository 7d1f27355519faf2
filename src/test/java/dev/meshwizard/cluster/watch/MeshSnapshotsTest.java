package dev.meshwizard.cluster.watch;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.Kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.mesh.BookinfoRoutes;
import dev.meshwizard.mesh.analysis.Analyzer;
import dev.meshwizard.mesh.analysis.Finding;
import dev.meshwizard.mesh.analysis.MeshSnapshot;
import dev.meshwizard.samples.Bookinfo;
import dev.meshwizard.samples.BookinfoRouting;
import dev.meshwizard.testing.SimulatedCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session reads the mesh snapshot from the simulated API: Istio routing objects, Services, Pods, Namespaces. */
class MeshSnapshotsTest {

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private ClusterSession session;

    @BeforeEach
    void connect() throws Exception {
        cluster = SimulatedCluster.start().installIstioCrds();
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        session = new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim");
    }

    @AfterEach
    void close() {
        session.close();
        cluster.close();
    }

    @Test
    void theSnapshotHoldsTheClustersRoutingObjectsServicesPodsAndNamespaces() {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(new NamespaceBuilder().withNewMetadata().withName("shop")
                .withLabels(Map.of("istio-injection", "enabled")).endMetadata().build());
        objects.addAll(Bookinfo.in("shop").objects().stream().filter(o -> !"ServiceAccount".equals(o.getKind()))
                .toList());
        objects.addAll(BookinfoRoutes.destinationRules("shop"));
        objects.add(BookinfoRoutes.reviewsForJason("shop"));
        objects.addAll(new BookinfoRouting("istio-ingressgateway", List.of(), "shop").objects());
        objects.add(new PodBuilder().withNewMetadata().withName("reviews-v1-abc").withNamespace("shop")
                .withLabels(Map.of("app", "reviews", "version", "v1")).endMetadata()
                .withNewSpec().addNewContainer().withName("reviews").withImage("reviews").endContainer().endSpec()
                .build());
        cluster.createAll(objects);

        MeshSnapshot snapshot = session.meshSnapshot();

        assertThat(snapshot.live()).isTrue();
        assertThat(snapshot.gateways()).extracting(g -> g.getMetadata().getName()).containsExactly("bookinfo-gateway");
        assertThat(snapshot.virtualServices()).extracting(v -> v.getMetadata().getName())
                .containsExactlyInAnyOrder("reviews", "bookinfo");
        assertThat(snapshot.destinationRules()).hasSize(4);
        assertThat(snapshot.services()).extracting(Service::getMetadata).extracting(m -> m.getName())
                .contains("reviews", "productpage");
        assertThat(snapshot.deployments()).hasSize(6);
        assertThat(snapshot.pods()).extracting(p -> p.getMetadata().getName()).containsExactly("reviews-v1-abc");
        assertThat(snapshot.namespaces()).extracting(n -> n.getMetadata().getName()).contains("shop");
    }

    @Test
    void analysingTheLiveSnapshotFindsTheSubsetWithoutPodsAndThePodWithoutSidecar() {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(new NamespaceBuilder().withNewMetadata().withName("shop")
                .withLabels(Map.of("istio-injection", "enabled")).endMetadata().build());
        objects.addAll(Bookinfo.in("shop").objects().stream().filter(o -> "Service".equals(o.getKind())).toList());
        objects.addAll(BookinfoRoutes.destinationRules("shop"));
        objects.add(BookinfoRoutes.reviewsForJason("shop"));
        objects.add(new PodBuilder().withNewMetadata().withName("reviews-v1-abc").withNamespace("shop")
                .withLabels(Map.of("app", "reviews", "version", "v1")).endMetadata()
                .withNewSpec().addNewContainer().withName("reviews").withImage("reviews").endContainer().endSpec()
                .build());
        cluster.createAll(objects);

        List<Finding> findings = new Analyzer().analyze(session.meshSnapshot());

        assertThat(findings).extracting(Finding::code, f -> f.object().toString(), Finding::path).contains(
                org.assertj.core.groups.Tuple.tuple("MW0103", "DestinationRule reviews.shop", "spec.subsets[1]"),
                org.assertj.core.groups.Tuple.tuple("MW0111", "Pod reviews-v1-abc.shop", "spec.containers"));
        // Every cluster has the namespace default, not labelled for injection: istioctl reports it too (IST0102)
        assertThat(findings).filteredOn(f -> f.code().equals("MW0110")).extracting(f -> f.object().toString())
                .containsExactly("Namespace default");
        assertThat(findings).extracting(Finding::code).containsOnly("MW0103", "MW0110", "MW0111");
    }
}
