package dev.meshwizard.cluster.apply;

import dev.meshwizard.cluster.ClusterConnector;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.Kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.testing.SimulatedCluster;
import io.fabric8.istio.api.telemetry.v1.Telemetry;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mesh-wide access-log switch on the simulated API. */
class AccessLoggingTest {

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private ClusterSession session;
    private AccessLogging logging;

    @BeforeEach
    void connect() throws Exception {
        cluster = SimulatedCluster.start().createNamespaces("istio-system").installIstioCrds();
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"), "sim");
        session = new ClusterConnector().connect(Kubeconfig.loadFile(kubeconfig), "sim");
        logging = session.accessLogging();
    }

    @AfterEach
    void stop() {
        session.close();
        cluster.close();
    }

    private void meshConfig(String mesh) {
        cluster.client().configMaps().inNamespace("istio-system").resource(new ConfigMapBuilder().withNewMetadata()
                .withNamespace("istio-system").withName("istio").endMetadata().addToData("mesh", mesh).build())
                .create();
    }

    @Test
    void aFreshMeshHasAccessLogsOff() {
        meshConfig("defaultConfig:\n  discoveryAddress: istiod.istio-system.svc:15012\n");

        AccessLogState state = logging.state();

        assertThat(state.enabled()).isFalse();
        assertThat(state.describe()).isEqualTo("Off");
    }

    @Test
    void enablingAppliesTheMeshDefaultTelemetryWithTheEnvoyProviderAndDisablingDeletesIt() {
        logging.enable();

        Telemetry telemetry = cluster.client().resources(Telemetry.class).inNamespace("istio-system")
                .withName("mesh-default").get();
        assertThat(telemetry.getSpec().getAccessLogging().get(0).getProviders().get(0).getName()).isEqualTo("envoy");
        assertThat(logging.state().telemetry()).isTrue();
        assertThat(logging.state().enabled()).isTrue();

        logging.disable();

        assertThat(cluster.client().resources(Telemetry.class).inNamespace("istio-system").withName("mesh-default")
                .get()).isNull();
        assertThat(logging.state().enabled()).isFalse();
    }

    @Test
    void enablingTwiceKeepsOneTelemetry() {
        logging.enable();
        logging.enable();

        assertThat(cluster.client().resources(Telemetry.class).inNamespace("istio-system").list().getItems())
                .hasSize(1);
        assertThat(logging.state().telemetry()).isTrue();
    }

    @Test
    void theDemoProfilesMeshConfigKeepsLogsOnWithoutTelemetryAndTheStateSaysWhy() {
        meshConfig("accessLogFile: /dev/stdout\ndefaultConfig:\n  proxyMetadata: {}\n");

        AccessLogState state = logging.state();

        assertThat(state.telemetry()).isFalse();
        assertThat(state.meshConfigFile()).isEqualTo("/dev/stdout");
        assertThat(state.enabled()).isTrue();
        assertThat(state.describe()).contains("accessLogFile is /dev/stdout");
    }

    @Test
    void aTelemetryThatDisablesItsLoggingOrNamesAnotherProviderDoesNotCount() {
        cluster.client().resources(Telemetry.class).inNamespace("istio-system").resource(
                new io.fabric8.istio.api.telemetry.v1.TelemetryBuilder().withNewMetadata().withNamespace("istio-system")
                        .withName("mesh-default").endMetadata().withNewSpec().addNewAccessLogging()
                        .addNewProvider().withName("otel").endProvider().endAccessLogging().addNewAccessLogging()
                        .withDisabled(true).addNewProvider().withName("envoy").endProvider().endAccessLogging()
                        .endSpec().build()).create();

        assertThat(logging.state().telemetry()).isFalse();
    }
}
