package dev.meshwizard.mesh.analysis;

import static dev.meshwizard.mesh.analysis.MeshFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The mesh config changes how hosts are read: its cluster domain and root namespace. */
class MeshConfigTest {

    private static final String ROUTE_TO_FQDN = """
            apiVersion: v1
            kind: Service
            metadata: {name: reviews, namespace: default}
            spec:
              selector: {app: reviews}
              ports: [{name: http, port: 9080}]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews, namespace: default}
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination: {host: reviews.default.svc.corp.example}
            """;

    @Test
    void aFqdnInTheMeshConfigsClusterDomainNamesTheService() {
        // Given
        MeshSnapshot byDefault = MeshSnapshot.offline(yaml(ROUTE_TO_FQDN));

        // When
        MeshSnapshot corp = byDefault.withMesh(MeshConfig.parse("clusterDomain: corp.example\n"));

        // Then
        assertThat(new DestinationHostCheck().run(byDefault)).extracting(Finding::istioCode)
                .containsExactly("IST0101");
        assertThat(new DestinationHostCheck().run(corp)).isEmpty();
    }

    @Test
    void theIstioConfigMapInTheRootNamespaceGivesTheMeshConfig() {
        MeshSnapshot snapshot = MeshSnapshot.offline(yaml(ROUTE_TO_FQDN + """
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: istio, namespace: istio-system}
                data:
                  mesh: |-
                    clusterDomain: corp.example
                    rootNamespace: mesh-root
                """));

        assertThat(snapshot.mesh()).isEqualTo(new MeshConfig("corp.example", "mesh-root"));
        assertThat(new DestinationHostCheck().run(snapshot)).isEmpty();
    }

    @Test
    void missingFieldsKeepIstiosDefaultsAndTextThatIsNotAMappingIsRejectedWithItsLine() {
        assertThat(MeshConfig.parse("accessLogFile: /dev/stdout\n")).isEqualTo(MeshConfig.DEFAULT);
        assertThat(MeshConfig.parse("")).isEqualTo(MeshConfig.DEFAULT);
        assertThatThrownBy(() -> MeshConfig.parse("- a\n- b\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> MeshConfig.parse("a: [b\nc: d\n")).hasMessageContaining("YAML syntax error");
    }
}
