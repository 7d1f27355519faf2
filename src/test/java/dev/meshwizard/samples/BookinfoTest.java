package dev.meshwizard.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BookinfoTest {

    @Test
    void bookinfoIsExactlyFourServicesFourAccountsAndSixDeployments() {
        List<HasMetadata> objects = Bookinfo.in("shop").objects();

        assertThat(objects).extracting(HasMetadata::getKind, o -> o.getMetadata().getName()).containsExactly(
                tuple("Service", "details"), tuple("ServiceAccount", "bookinfo-details"),
                tuple("Deployment", "details-v1"),
                tuple("Service", "ratings"), tuple("ServiceAccount", "bookinfo-ratings"),
                tuple("Deployment", "ratings-v1"),
                tuple("Service", "reviews"), tuple("ServiceAccount", "bookinfo-reviews"),
                tuple("Deployment", "reviews-v1"), tuple("Deployment", "reviews-v2"), tuple("Deployment", "reviews-v3"),
                tuple("Service", "productpage"), tuple("ServiceAccount", "bookinfo-productpage"),
                tuple("Deployment", "productpage-v1"));
        assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("shop"));
    }

    @Test
    void everyServiceListensOn9080NamedHttpAndSelectsItsAppsPods() {
        List<Service> services = Bookinfo.in("default").objects().stream()
                .filter(Service.class::isInstance).map(Service.class::cast).toList();

        assertThat(services).hasSize(4).allSatisfy(service -> {
            String name = service.getMetadata().getName();
            ServicePort port = service.getSpec().getPorts().get(0);
            assertThat(service.getSpec().getPorts()).hasSize(1);
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getPort()).isEqualTo(9080);
            assertThat(service.getMetadata().getLabels()).isEqualTo(Map.of("app", name, "service", name));
            assertThat(service.getSpec().getSelector()).isEqualTo(Map.of("app", name));
        });
    }

    @Test
    void deploymentsRunTheVersionsImageWithTheirAccountAndVersionLabels() {
        Bookinfo bookinfo = new Bookinfo("registry.example.com/mirror/", "1.22.0", "default");

        Deployment reviewsV2 = deployment(bookinfo, "reviews-v2");

        assertThat(reviewsV2.getSpec().getTemplate().getMetadata().getLabels())
                .isEqualTo(Map.of("app", "reviews", "version", "v2"));
        assertThat(reviewsV2.getSpec().getSelector().getMatchLabels())
                .isEqualTo(Map.of("app", "reviews", "version", "v2"));
        var pod = reviewsV2.getSpec().getTemplate().getSpec();
        assertThat(pod.getServiceAccountName()).isEqualTo("bookinfo-reviews");
        assertThat(pod.getContainers()).singleElement().satisfies(c -> {
            assertThat(c.getImage()).isEqualTo("registry.example.com/mirror/examples-bookinfo-reviews-v2:1.22.0");
            assertThat(c.getPorts()).extracting(p -> p.getContainerPort()).containsExactly(9080);
        });
    }

    @Test
    void theDefaultImagesComeFromIstiosReleaseRegistryWithTag1203() {
        Bookinfo bookinfo = new Bookinfo(null, "", null);

        assertThat(deployment(bookinfo, "reviews-v2").getSpec().getTemplate().getSpec().getContainers().get(0)
                .getImage()).isEqualTo("registry.istio.io/release/examples-bookinfo-reviews-v2:1.20.3");
        assertThat(bookinfo.namespace()).isEqualTo("default");
    }

    @Test
    void httpbinServesPort8000OnTheContainersPort8080() {
        List<HasMetadata> objects = new Httpbin("tools").objects();

        assertThat(objects).extracting(HasMetadata::getKind, o -> o.getMetadata().getName()).containsExactly(
                tuple("ServiceAccount", "httpbin"), tuple("Service", "httpbin"), tuple("Deployment", "httpbin"));
        ServicePort port = ((Service) objects.get(1)).getSpec().getPorts().get(0);
        assertThat(port.getName()).isEqualTo("http");
        assertThat(port.getPort()).isEqualTo(8000);
        assertThat(port.getTargetPort().getIntVal()).isEqualTo(8080);
        var container = ((Deployment) objects.get(2)).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("docker.io/mccutchen/go-httpbin:v2.15.0");
        assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(8080);
    }

    @Test
    void curlIsAsIstioShipsItSleepingWithAPinnedImageAndNoExtraLabelsOrPorts() {
        List<HasMetadata> objects = new Curl("tools").objects();

        assertThat(objects).extracting(HasMetadata::getKind, o -> o.getMetadata().getName()).containsExactly(
                tuple("ServiceAccount", "curl"), tuple("Service", "curl"), tuple("Deployment", "curl"));
        assertThat(objects.get(0).getMetadata().getLabels()).isNullOrEmpty();
        ServicePort port = ((Service) objects.get(1)).getSpec().getPorts().get(0);
        assertThat(port.getPort()).isEqualTo(80);
        assertThat(port.getTargetPort()).isNull();
        Deployment deployment = (Deployment) objects.get(2);
        assertThat(deployment.getMetadata().getLabels()).isNullOrEmpty();
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of("app", "curl"));
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(Map.of("app", "curl"));
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getServiceAccountName()).isEqualTo("curl");
        assertThat(pod.getTerminationGracePeriodSeconds()).isZero();
        assertThat(pod.getContainers()).singleElement().satisfies(c -> {
            assertThat(c.getImage()).matches("curlimages/curl:\\d+\\.\\d+\\.\\d+");
            assertThat(c.getCommand()).containsExactly("/bin/sleep", "infinity");
            assertThat(c.getPorts()).isNullOrEmpty();
            assertThat(c.getVolumeMounts()).singleElement().satisfies(m -> assertThat(m.getMountPath())
                    .isEqualTo("/etc/curl/tls"));
        });
        assertThat(pod.getVolumes()).singleElement().satisfies(v -> {
            assertThat(v.getSecret().getSecretName()).isEqualTo("curl-secret");
            assertThat(v.getSecret().getOptional()).isTrue();
        });
    }

    @Test
    void reviewsLogsToTmpAndHasWritableTmpAndServerOutputSoItRunsWithAReadOnlyRootFileSystem() {
        for (String version : List.of("v1", "v2", "v3")) {
            var pod = deployment(Bookinfo.in("default"), "reviews-" + version).getSpec().getTemplate().getSpec();

            assertThat(pod.getContainers().get(0).getEnv()).extracting(e -> e.getName() + "=" + e.getValue())
                    .containsExactly("LOG_DIR=/tmp/logs");
            assertThat(pod.getContainers().get(0).getVolumeMounts()).extracting(m -> m.getName() + ":"
                    + m.getMountPath()).containsExactly("tmp:/tmp", "wlp-output:/opt/ibm/wlp/output");
            assertThat(pod.getVolumes()).allSatisfy(v -> assertThat(v.getEmptyDir()).isNotNull())
                    .extracting(v -> v.getName()).containsExactlyInAnyOrder("tmp", "wlp-output");
        }
    }

    @Test
    void productpageIsScrapedByPrometheusAndHasAWritableTmp() {
        var template = deployment(Bookinfo.in("default"), "productpage-v1").getSpec().getTemplate();

        assertThat(template.getMetadata().getAnnotations()).isEqualTo(Map.of("prometheus.io/scrape", "true",
                "prometheus.io/port", "9080", "prometheus.io/path", "/metrics"));
        assertThat(template.getSpec().getContainers().get(0).getVolumeMounts()).extracting(m -> m.getName() + ":"
                + m.getMountPath()).containsExactly("tmp:/tmp");
        assertThat(template.getSpec().getVolumes()).singleElement().satisfies(v -> {
            assertThat(v.getName()).isEqualTo("tmp");
            assertThat(v.getEmptyDir()).isNotNull();
        });
        assertThat(deployment(Bookinfo.in("default"), "details-v1").getSpec().getTemplate().getSpec().getVolumes())
                .isNullOrEmpty();
    }

    private static Deployment deployment(Bookinfo bookinfo, String name) {
        return bookinfo.objects().stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(d -> d.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }
}
