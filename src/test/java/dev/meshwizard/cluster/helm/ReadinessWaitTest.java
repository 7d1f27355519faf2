package dev.meshwizard.cluster.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

/** How a not-ready pod is explained, and when a Deployment counts as available. */
class ReadinessWaitTest {

    @Test
    void anUnschedulablePodIsExplainedWithTheSchedulersMessage() {
        Pod pod = new PodBuilder().withNewMetadata().withName("istiod-5f7c-abcde").endMetadata()
                .withNewSpec().addNewContainer().withName("discovery").endContainer().endSpec()
                .withNewStatus().withPhase("Pending").addNewCondition().withType("PodScheduled").withStatus("False")
                .withReason("Unschedulable").withMessage("0/3 nodes are available: 3 Insufficient cpu.")
                .endCondition().endStatus().build();

        assertThat(ReadinessWait.why(pod))
                .isEqualTo("istiod-5f7c-abcde Pending (Unschedulable: 0/3 nodes are available: 3 Insufficient cpu.)");
    }

    @Test
    void aPodWhoseContainerCannotPullItsImageIsExplainedByTheWaitingReason() {
        Pod pod = new PodBuilder().withNewMetadata().withName("istiod-5f7c-abcde").endMetadata()
                .withNewSpec().addNewContainer().withName("discovery").endContainer().endSpec()
                .withNewStatus().withPhase("Pending").addNewContainerStatus().withName("discovery")
                .withNewState().withNewWaiting().withReason("ErrImagePull")
                .withMessage("rpc error: not found").endWaiting().endState().endContainerStatus()
                .endStatus().build();

        assertThat(ReadinessWait.why(pod))
                .isEqualTo("istiod-5f7c-abcde ErrImagePull (ErrImagePull: rpc error: not found)");
    }

    @Test
    void aDeploymentIsAvailableOnlyWhenItsCurrentGenerationWasObservedWithEveryReplica() {
        DeploymentBuilder deployment = new DeploymentBuilder().withNewMetadata().withName("istiod")
                .withGeneration(2L).endMetadata().withNewSpec().withReplicas(2).endSpec()
                .withNewStatus().withObservedGeneration(1L).withAvailableReplicas(2).withUpdatedReplicas(2)
                .addNewCondition().withType("Available").withStatus("True").endCondition().endStatus();
        Deployment old = deployment.build();
        Deployment current = deployment.editStatus().withObservedGeneration(2L).endStatus().build();
        Deployment short1 = new DeploymentBuilder(current).editStatus().withAvailableReplicas(1).endStatus().build();

        assertThat(ReadinessWait.available(old)).isFalse();
        assertThat(ReadinessWait.available(current)).isTrue();
        assertThat(ReadinessWait.available(short1)).isFalse();
    }
}
