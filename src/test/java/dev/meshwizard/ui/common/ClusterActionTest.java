package dev.meshwizard.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which contexts count as local (their confirmation may be turned off) and how an action is worded. */
class ClusterActionTest {

    @Test
    void kindK3dMinikubeAndLoopbackServersAreLocalAndACloudContextIsNot() {
        assertThat(ClusterAction.isLocal("kind-mesh", "https://10.0.0.5:6443")).isTrue();
        assertThat(ClusterAction.isLocal("k3d-dev", "https://0.0.0.0:41234")).isTrue();
        assertThat(ClusterAction.isLocal("minikube", "https://192.168.49.2:8443")).isTrue();
        assertThat(ClusterAction.isLocal("lab", "https://127.0.0.1:6443")).isTrue();
        assertThat(ClusterAction.isLocal("prod-eu", "https://ABC.gr7.eu-west-1.eks.amazonaws.com")).isFalse();
        assertThat(ClusterAction.isLocal("kind-looking", "not a url")).isTrue();
        assertThat(ClusterAction.isLocal("prod", "not a url")).isFalse();
    }

    @Test
    void theButtonNamesTheActionAndTheContextAndTheQuestionNamesServerAndNamespace() {
        ClusterAction action = new ClusterAction("Roll back istiod to revision 1", "prod-eu",
                "https://api.prod.example:6443", "istio-system", "1 release changes.", "helm rollback istiod 1",
                false);

        assertThat(action.buttonText()).isEqualTo("Roll back istiod to revision 1 on context prod-eu");
        assertThat(action.question()).isEqualTo("Roll back istiod to revision 1?\nContext prod-eu, API server "
                + "https://api.prod.example:6443, namespace istio-system.\n1 release changes.");
    }
}
