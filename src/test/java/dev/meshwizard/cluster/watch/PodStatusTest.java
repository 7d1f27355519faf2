package dev.meshwizard.cluster.watch;

import static dev.meshwizard.testing.TestPods.pod;
import static dev.meshwizard.testing.TestPods.running;
import static dev.meshwizard.testing.TestPods.terminated;
import static dev.meshwizard.testing.TestPods.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.testing.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

class PodStatusTest {

    private static final String APP = "docker.io/istio/examples-bookinfo-ratings-v1:1.20.2";
    private static final String PROXY = "docker.io/istio/proxyv2:1.24.0";

    private static TestPods.Builder app() {
        return pod("bookinfo", "ratings-v1-7d9d8b6f4-abcde").container("ratings", APP);
    }

    @Test
    void runningPodWithReadyContainerIsRunningOneOfOne() {
        Pod pod = app().phase("Running").statuses(running("ratings", true, 0)).scheduledConditions(true).build();

        assertThat(PodStatus.summarize(pod)).isEqualTo(new PodStatus.Summary(1, 1, "Running", 0));
    }

    @Test
    void runningContainerThatFailsItsReadinessProbeStaysRunningWithZeroReady() {
        Pod pod = app().phase("Running").statuses(running("ratings", false, 0)).scheduledConditions(false).build();

        assertThat(PodStatus.summarize(pod)).isEqualTo(new PodStatus.Summary(0, 1, "Running", 0));
    }

    @Test
    void unscheduledPodIsPending() {
        Pod pod = app().condition("PodScheduled", false, "Unschedulable", "0/3 nodes are available").build();

        assertThat(PodStatus.summarize(pod)).isEqualTo(new PodStatus.Summary(0, 1, "Pending", 0));
    }

    @Test
    void schedulingGatedPodSaysSo() {
        Pod pod = app().condition("PodScheduled", false, "SchedulingGated", "Scheduling is blocked").build();

        assertThat(PodStatus.status(pod)).isEqualTo("SchedulingGated");
    }

    @Test
    void waitingReasonsOfContainersBecomeTheStatus() {
        for (String reason : new String[] {"ContainerCreating", "CrashLoopBackOff", "ImagePullBackOff",
                "ErrImagePull", "CreateContainerConfigError"}) {
            Pod pod = app().phase(reason.equals("CrashLoopBackOff") ? "Running" : "Pending")
                    .statuses(waiting("ratings", reason, 0)).build();

            assertThat(PodStatus.status(pod)).as(reason).isEqualTo(reason);
        }
    }

    @Test
    void crashLoopingContainerCountsItsRestarts() {
        Pod pod = app().istioProxy().phase("Running")
                .statuses(waiting("ratings", "CrashLoopBackOff", 7), running("istio-proxy", true, 1))
                .scheduledConditions(false).build();

        assertThat(PodStatus.summarize(pod)).isEqualTo(new PodStatus.Summary(1, 2, "CrashLoopBackOff", 8));
    }

    @Test
    void succeededPodIsCompleted() {
        Pod pod = app().phase("Succeeded").statuses(terminated("ratings", 0, "Completed", 0)).build();

        assertThat(PodStatus.summarize(pod)).isEqualTo(new PodStatus.Summary(0, 1, "Completed", 0));
    }

    @Test
    void failedContainerShowsItsTerminationReasonOrExitCode() {
        Pod error = app().phase("Failed").statuses(terminated("ratings", 1, "Error", 0)).build();
        Pod bare = app().phase("Failed").statuses(terminated("ratings", 137, null, 0)).build();

        assertThat(PodStatus.status(error)).isEqualTo("Error");
        assertThat(PodStatus.status(bare)).isEqualTo("ExitCode:137");
    }

    @Test
    void podBeingDeletedIsTerminatingUnlessItAlreadyFinished() {
        Pod running = app().phase("Running").statuses(running("ratings", true, 0)).deleting().build();
        Pod finished = app().phase("Succeeded").statuses(terminated("ratings", 0, "Completed", 0)).deleting().build();
        Pod nodeLost = app().phase("Running").reason("NodeLost").deleting().build();

        assertThat(PodStatus.status(running)).isEqualTo("Terminating");
        assertThat(PodStatus.status(finished)).isEqualTo("Completed");
        assertThat(PodStatus.status(nodeLost)).isEqualTo("Unknown");
    }

    @Test
    void podWaitingForItsFirstOfTwoInitContainersIsInitZeroOfTwo() {
        Pod pod = app().initContainer("migrate", APP).initContainer("warm-cache", APP)
                .initStatuses(running("migrate", false, 0), waiting("warm-cache", "PodInitializing", 0))
                .statuses(waiting("ratings", "PodInitializing", 0)).build();

        assertThat(PodStatus.summarize(pod)).isEqualTo(new PodStatus.Summary(0, 1, "Init:0/2", 0));
    }

    @Test
    void crashingInitContainerIsInitCrashLoopBackOffWithItsRestarts() {
        Pod pod = app().initContainer("istio-init", PROXY)
                .initStatuses(waiting("istio-init", "CrashLoopBackOff", 4))
                .statuses(waiting("ratings", "PodInitializing", 0)).build();

        assertThat(PodStatus.summarize(pod)).isEqualTo(new PodStatus.Summary(0, 1, "Init:CrashLoopBackOff", 4));
    }

    @Test
    void failedInitContainerIsInitError() {
        Pod pod = app().initContainer("istio-init", PROXY).phase("Failed")
                .initStatuses(terminated("istio-init", 1, "Error", 0)).build();

        assertThat(PodStatus.status(pod)).isEqualTo("Init:Error");
    }

    @Test
    void podWhoseInitContainersFinishedButContainersWaitIsPodInitializing() {
        Pod pod = app().initContainer("istio-init", PROXY)
                .initStatuses(terminated("istio-init", 0, "Completed", 0))
                .statuses(waiting("ratings", "PodInitializing", 0)).condition("Initialized", true).build();

        assertThat(PodStatus.status(pod)).isEqualTo("PodInitializing");
    }

    @Test
    void evictedPodShowsTheReasonOfItsStatus() {
        Pod pod = app().phase("Failed").reason("Evicted").build();

        assertThat(PodStatus.status(pod)).isEqualTo("Evicted");
    }

    @Test
    void podWithACompletedAndARunningContainerIsNotReadyWithoutTheReadyCondition() {
        Pod notReady = app().container("job-helper", APP).phase("Running")
                .statuses(running("ratings", true, 0), terminated("job-helper", 0, "Completed", 0))
                .scheduledConditions(false).build();
        Pod ready = app().container("job-helper", APP).phase("Running")
                .statuses(running("ratings", true, 0), terminated("job-helper", 0, "Completed", 0))
                .scheduledConditions(true).build();

        assertThat(PodStatus.summarize(notReady)).isEqualTo(new PodStatus.Summary(1, 2, "NotReady", 0));
        assertThat(PodStatus.status(ready)).isEqualTo("Running");
    }

    @Test
    void nativeSidecarCountsAsAContainerOnceStarted() {
        Pod pod = app().nativeSidecar("istio-proxy", PROXY).phase("Running")
                .initStatuses(running("istio-proxy", true, 2)).statuses(running("ratings", true, 1))
                .scheduledConditions(true).build();

        assertThat(PodStatus.summarize(pod)).isEqualTo(new PodStatus.Summary(2, 2, "Running", 3));
        assertThat(PodStatus.hasIstioSidecar(pod)).isTrue();
    }

    @Test
    void nativeSidecarThatHasNotStartedHoldsThePodInInit() {
        Pod pod = app().nativeSidecar("istio-proxy", PROXY)
                .initStatuses(waiting("istio-proxy", "PodInitializing", 0))
                .statuses(waiting("ratings", "PodInitializing", 0)).build();

        assertThat(PodStatus.summarize(pod)).isEqualTo(new PodStatus.Summary(0, 2, "Init:0/1", 0));
    }

    @Test
    void injectedSidecarContainerIsDetectedAndCounted() {
        Pod pod = app().istioProxy().phase("Running")
                .statuses(running("ratings", true, 0), running("istio-proxy", true, 0)).scheduledConditions(true)
                .build();

        assertThat(PodStatus.summarize(pod)).isEqualTo(new PodStatus.Summary(2, 2, "Running", 0));
        assertThat(PodStatus.hasIstioSidecar(pod)).isTrue();
    }

    @Test
    void plainInitContainerNamedIstioProxyIsNoSidecarAndPodsWithoutOneHaveNone() {
        Pod initOnly = app().initContainer("istio-proxy", PROXY).build();

        assertThat(PodStatus.hasIstioSidecar(initOnly)).isFalse();
        assertThat(PodStatus.hasIstioSidecar(app().build())).isFalse();
    }

    @Test
    void podWithoutSpecOrStatusGivesEmptyColumns() {
        assertThat(PodStatus.summarize(new Pod())).isEqualTo(new PodStatus.Summary(0, 0, "", 0));
    }
}
