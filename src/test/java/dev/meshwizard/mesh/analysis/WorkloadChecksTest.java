package dev.meshwizard.mesh.analysis;

import static dev.meshwizard.mesh.analysis.MeshFixtures.bookinfoRoutedToV1;
import static dev.meshwizard.mesh.analysis.MeshFixtures.namespace;
import static dev.meshwizard.mesh.analysis.MeshFixtures.pod;
import static dev.meshwizard.mesh.analysis.MeshFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MW0109 port names, MW0110 namespace injection, MW0111 sidecars, MW0112 both injection labels. */
class WorkloadChecksTest {

    @Test
    void aPortNameWithoutProtocolIsReportedUnlessAppProtocolIsSet() {
        List<HasMetadata> services = yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  selector: {app: web}
                  ports:
                  - {name: http-web, port: 80}
                  - {name: web, port: 8080}
                  - {name: admin, port: 9000, appProtocol: http}
                  - {port: 9100}
                  - {name: grpc, port: 9200}
                """);

        List<Finding> findings = new PortNamingCheck().run(MeshSnapshot.offline(services));

        assertThat(findings).extracting(Finding::code, Finding::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("MW0109", "spec.ports[1].name"),
                org.assertj.core.groups.Tuple.tuple("MW0109", "spec.ports[3]"));
        assertThat(findings.get(0).message()).contains("\"web\"");
        assertThat(findings.get(0).fix()).contains("http-web");
    }

    @Test
    void istiosOwnServicesAreNotCheckedForPortNames() {
        List<HasMetadata> gateway = yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: istio-ingressgateway, namespace: istio-system}
                spec:
                  ports:
                  - {name: status-port, port: 15021}
                """);

        assertThat(new PortNamingCheck().run(MeshSnapshot.offline(gateway))).isEmpty();
    }

    @Test
    void aRoutedServiceInANamespaceWithoutInjectionLabelsIsReportedOnTheNamespace() {
        List<HasMetadata> objects = new ArrayList<>(bookinfoRoutedToV1());
        objects.add(namespace("default", Map.of("team", "books")));

        assertThat(new NamespaceInjectionCheck().run(MeshSnapshot.offline(objects))).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("MW0110");
            assertThat(f.object()).isEqualTo(new ObjectRef("Namespace", "", "default"));
            assertThat(f.path()).isEqualTo("metadata.labels");
            assertThat(f.message()).contains("productpage, reviews, ratings, details");
            assertThat(f.fix()).contains("kubectl label namespace default istio-injection=enabled");
        });
    }

    @Test
    void anInjectedNamespaceOrAnUnknownOneIsNotReported() {
        List<HasMetadata> objects = new ArrayList<>(bookinfoRoutedToV1());
        List<HasMetadata> injected = new ArrayList<>(objects);
        injected.add(namespace("default", Map.of("istio-injection", "enabled")));
        List<HasMetadata> revision = new ArrayList<>(objects);
        revision.add(namespace("default", Map.of("istio.io/rev", "1-30-3")));

        assertThat(new NamespaceInjectionCheck().run(MeshSnapshot.offline(injected))).isEmpty();
        assertThat(new NamespaceInjectionCheck().run(MeshSnapshot.offline(revision))).isEmpty();
        assertThat(new NamespaceInjectionCheck().run(MeshSnapshot.offline(objects))).isEmpty();
    }

    @Test
    void aPodOfARoutedServiceWithoutSidecarIsReported() {
        MeshSnapshot live = MeshSnapshot.empty(true).with(bookinfoRoutedToV1()).with(List.of(
                namespace("default", Map.of("istio-injection", "enabled")),
                pod("reviews-v1-a", "default", Map.of("app", "reviews", "version", "v1"), false),
                pod("ratings-v1-a", "default", Map.of("app", "ratings", "version", "v1"), true)));

        assertThat(new SidecarCheck().run(live)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("MW0111");
            assertThat(f.object()).isEqualTo(new ObjectRef("Pod", "default", "reviews-v1-a"));
            assertThat(f.path()).isEqualTo("spec.containers");
            assertThat(f.fix()).contains("restart");
        });
    }

    @Test
    void podsOutsideTheMeshOrOptedOutOrWithANativeSidecarAreNotReported() {
        var optedOut = pod("job-a", "default", Map.of("sidecar.istio.io/inject", "false"), false);
        var nativeSidecar = pod("web-a", "default", Map.of("app", "web"), false);
        nativeSidecar.getSpec().setInitContainers(List.of(new io.fabric8.kubernetes.api.model.ContainerBuilder()
                .withName("istio-proxy").withImage("proxyv2").build()));
        MeshSnapshot live = MeshSnapshot.empty(true).with(List.of(
                namespace("default", Map.of("istio-injection", "enabled")), optedOut, nativeSidecar,
                namespace("tools", Map.of()), pod("debug", "tools", Map.of("app", "debug"), false)));

        assertThat(new SidecarCheck().run(live)).isEmpty();
    }

    @Test
    void aNamespaceWithBothInjectionLabelsIsReported() {
        MeshSnapshot snapshot = MeshSnapshot.offline(List.of(
                namespace("default", Map.of("istio-injection", "enabled", "istio.io/rev", "canary")),
                namespace("shop", Map.of("istio.io/rev", "canary"))));

        assertThat(new InjectionLabelsCheck().run(snapshot)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("MW0112");
            assertThat(f.object().name()).isEqualTo("default");
            assertThat(f.message()).contains("istio-injection=enabled").contains("istio.io/rev=canary");
        });
    }
}
