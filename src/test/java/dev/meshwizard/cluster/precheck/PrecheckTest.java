package dev.meshwizard.cluster.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.cluster.precheck.IstioSupport.Version;
import dev.meshwizard.cluster.precheck.PrecheckItem.Status;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PrecheckTest {

    @Nested
    class KubernetesVersionTable {

        @Test
        void serverVersionsWithVendorSuffixesAreParsed() {
            assertThat(Version.parse("v1.30.2")).hasValue(new Version(1, 30, 2));
            assertThat(Version.parse("v1.29.3-eks-abc")).hasValue(new Version(1, 29, 3));
            assertThat(Version.parse("v1.31.0+k3s1")).hasValue(new Version(1, 31, 0));
            assertThat(Version.parse("1.28")).hasValue(new Version(1, 28, 0));
            assertThat(Version.parse("latest")).isEmpty();
        }

        @Test
        void aSupportedKubernetesVersionPasses() {
            PrecheckItem item = IstioSupport.checkKubernetes("1.28.1", "v1.30.2");

            assertThat(item.status()).isEqualTo(Status.PASS);
            assertThat(item.detail()).contains("v1.30.2").contains("1.30 to 1.34");
        }

        @Test
        void aKubernetesVersionBelowWhatIstioWasTestedOnFails() {
            PrecheckItem item = IstioSupport.checkKubernetes("1.28.1", "v1.24.9");

            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.detail()).contains("needs Kubernetes 1.30 or newer");
            assertThat(item.fix()).isNotBlank();
        }

        @Test
        void aKubernetesVersionBelowTheSupportedRangeButTestedWarns() {
            PrecheckItem item = IstioSupport.checkKubernetes("1.28.0", "v1.29.3-eks-abc");

            assertThat(item.status()).isEqualTo(Status.WARN);
            assertThat(item.detail()).contains("tested");
        }

        @Test
        void aKubernetesVersionBelowTheMinimumFailsWhenIstioListsNoTestedVersions() {
            assertThat(IstioSupport.checkKubernetes("1.24.2", "v1.27.5").status()).isEqualTo(Status.FAIL);
        }

        @Test
        void aKubernetesVersionNewerThanTheHighestSupportedWarns() {
            PrecheckItem item = IstioSupport.checkKubernetes("1.22.3", "v1.31.0+k3s1");

            assertThat(item.status()).isEqualTo(Status.WARN);
            assertThat(item.detail()).contains("newer");
        }

        @Test
        void eachIstioReleaseFrom122To128HasARange() {
            for (int minor = 22; minor <= 28; minor++) {
                assertThat(IstioSupport.rangeFor("1." + minor + ".0")).as("Istio 1.%d", minor).isPresent();
            }
        }

        @Test
        void anUnknownIstioReleaseOrServerVersionWarns() {
            assertThat(IstioSupport.checkKubernetes("1.99.0", "v1.30.2").status()).isEqualTo(Status.WARN);
            assertThat(IstioSupport.checkKubernetes("1.28.0", "weird").status()).isEqualTo(Status.WARN);
        }
    }

    @Nested
    class AgainstTheMockServer {

        private KubernetesMockServer server;
        private KubernetesClient client;

        @AfterEach
        void stop() {
            if (client != null) {
                client.close();
            }
            if (server != null) {
                server.shutdown();
            }
        }

        @Test
        void allowedAccessReviewsPassThePermissionCheck() {
            // Given a server that allows everything
            start(false);
            answerAccessReviews(Set.of());

            // When the permissions are checked
            PrecheckItem item = new Precheck(client).checkPermissions();

            // Then
            assertThat(item.status()).isEqualTo(Status.PASS);
        }

        @Test
        void deniedAccessReviewsFailAndNameWhatIsMissing() {
            // Given a server that denies creating CRDs and Secrets
            start(false);
            answerAccessReviews(Set.of("customresourcedefinitions", "secrets"));

            // When the permissions are checked
            PrecheckItem item = new Precheck(client).checkPermissions();

            // Then both are named, with the namespace for the namespaced one, and nothing else
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.detail()).contains("customresourcedefinitions.apiextensions.k8s.io")
                    .contains("secrets in istio-system")
                    .doesNotContain("clusterroles");
            assertThat(item.fix()).contains("cluster-admin");
        }

        @Test
        void apiErrorsBecomeWarningsAndNeverEscapeTheRun() {
            // Given a server that answers nothing but 404
            start(false);

            // When the precheck runs
            PrecheckReport report = new Precheck(client).run("1.28.1", "v1.30.2");

            // Then every check still has its item, the failed ones as warnings
            assertThat(report.items()).extracting(PrecheckItem::title).containsExactly(IstioSupport.TITLE,
                    Precheck.PERMISSIONS, InstalledIstio.CONTROL_PLANE, InstalledIstio.HELM_RELEASES,
                    InstalledIstio.CRDS);
            assertThat(report.items().subList(1, 5)).extracting(PrecheckItem::status).containsOnly(Status.WARN);
            assertThat(report.hasFailures()).isFalse();
        }

        @Test
        void aClusterWithoutIstioPassesTheInstalledChecks() {
            start(true);
            answerAccessReviews(Set.of());

            PrecheckReport report = new Precheck(client).run("1.28.1", "v1.30.2");

            assertThat(report.items()).extracting(PrecheckItem::status).containsOnly(Status.PASS);
        }

        @Test
        void anExistingIstioIsFoundByItsDeploymentHelmReleaseAndCrds() {
            // Given istiod of revision "canary", its Helm release and an Istio CRD
            start(true);
            answerAccessReviews(Set.of());
            client.apps().deployments().inNamespace("istio-system").resource(new DeploymentBuilder()
                    .withNewMetadata().withName("istiod-canary").withNamespace("istio-system")
                    .withLabels(Map.of("app", "istiod", "istio.io/rev", "canary")).endMetadata()
                    .build()).create();
            client.secrets().inNamespace("istio-system").resource(new SecretBuilder()
                    .withNewMetadata().withName("sh.helm.release.v1.istiod-canary.v2").withNamespace("istio-system")
                    .withLabels(Map.of("owner", "helm", "name", "istiod-canary", "status", "deployed",
                            "version", "2")).endMetadata()
                    .withType("helm.sh/release.v1")
                    .build()).create();
            client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
                    .withNewMetadata().withName("virtualservices.networking.istio.io").endMetadata()
                    .withNewSpec().withGroup("networking.istio.io").withScope("Namespaced")
                    .withNewNames().withKind("VirtualService").withPlural("virtualservices").endNames()
                    .endSpec()
                    .build()).create();

            // When the precheck runs
            List<PrecheckItem> items = new Precheck(client).run("1.28.1", "v1.30.2").items();

            // Then each of the three is reported as a warning with what was found
            assertThat(items.get(2).status()).isEqualTo(Status.WARN);
            assertThat(items.get(2).detail()).contains("istio-system/istiod-canary (revision canary)");
            assertThat(items.get(2).fix()).contains("revision");
            assertThat(items.get(3).status()).isEqualTo(Status.WARN);
            assertThat(items.get(3).detail()).contains("istiod-canary in istio-system (deployed, revision 2)");
            assertThat(items.get(4).status()).isEqualTo(Status.WARN);
            assertThat(items.get(4).detail()).contains("1 Istio CRDs").contains("networking.istio.io");
        }

        private void start(boolean crud) {
            Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
            server = crud
                    ? new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                            new KubernetesMixedDispatcher(responses), false)
                    : new KubernetesMockServer(new Context(), new MockWebServer(), responses, false);
            server.start();
            client = server.createClient();
        }

        /** Answers each SelfSubjectAccessReview: allowed unless its resource is in {@code denied}. */
        private void answerAccessReviews(Set<String> denied) {
            server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
                    .andReply(201, request -> {
                        SelfSubjectAccessReview review = Serialization.unmarshal(request.getUtf8Body(),
                                SelfSubjectAccessReview.class);
                        boolean allowed = !denied.contains(review.getSpec().getResourceAttributes().getResource());
                        review.setStatus(new SubjectAccessReviewStatusBuilder().withAllowed(allowed)
                                .withDenied(!allowed).build());
                        return Serialization.asJson(review);
                    })
                    .always();
        }
    }
}
