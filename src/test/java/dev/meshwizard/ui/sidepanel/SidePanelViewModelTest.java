package dev.meshwizard.ui.sidepanel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.cluster.watch.PodRow;
import dev.meshwizard.cluster.watch.Row;
import dev.meshwizard.cluster.watch.ServiceRow;
import dev.meshwizard.cluster.watch.WatchState;
import dev.meshwizard.job.CoalescingBuffer.Batch;
import dev.meshwizard.job.SameThreadJobRunner;
import dev.meshwizard.ui.state.AppSettingsFixture;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SidePanelViewModelTest {

    private final SidePanelViewModel model = new SidePanelViewModel(new SameThreadJobRunner(),
            AppSettingsFixture.inMemory(), (batches, states) -> {
                throw new AssertionError("no watch in these tests");
            });

    private static PodRow pod(String uid, String name, String status) {
        return new PodRow(uid, "bookinfo", name, 1, 2, status, 0, Instant.EPOCH, "node-1", status.equals("Running"),
                Map.of("app", name), Map.of(), List.of("Ready=True"), List.of("app example/app:1"));
    }

    private static ServiceRow service(String uid, String name) {
        return new ServiceRow(uid, "bookinfo", name, "ClusterIP", "10.0.0.1", "http 9080→9080", "", Instant.EPOCH,
                Map.of(), Map.of(), Map.of("app", name));
    }

    private static Batch<String, Row> upserts(Row... rows) {
        Map<String, Row> map = new LinkedHashMap<>();
        for (Row row : rows) {
            map.put(row.key(), row);
        }
        return new Batch<>(map, Set.of());
    }

    @Test
    void batchesAddReplaceAndRemoveRowsByKey() {
        model.applyBatch(upserts(pod("1", "ratings-v1", "Pending"), pod("2", "reviews-v1", "Running"),
                service("3", "ratings")));

        model.applyBatch(upserts(pod("1", "ratings-v1", "Running")));
        model.applyBatch(new Batch<>(Map.of(), Set.of("2", "unknown-key")));

        assertThat(model.pods()).extracting(LiveRow::get).extracting(PodRow::name, PodRow::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ratings-v1", "Running"));
        assertThat(model.services()).extracting(LiveRow::get).extracting(ServiceRow::name).containsExactly("ratings");
    }

    @Test
    void theSelectionFollowsUpdatesAndClearsWhenItsObjectGoesAway() {
        model.applyBatch(upserts(pod("1", "ratings-v1", "Pending")));
        model.selectedProperty().set(model.pods().get(0).get());
        assertThat(model.detailsProperty().get()).contains("Status: Pending").contains("app: ratings-v1");

        model.applyBatch(upserts(pod("1", "ratings-v1", "Running")));
        assertThat(model.detailsProperty().get()).contains("Status: Running").contains("Istio sidecar: yes");

        model.applyBatch(new Batch<>(Map.of(), Set.of("1")));
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.detailsProperty().get()).isEmpty();
    }

    @Test
    void anUpdateKeepsTheSameTableLineSoSelectionAndCellsSurvive() {
        model.applyBatch(upserts(pod("1", "ratings-v1", "Pending")));
        LiveRow<PodRow> line = model.pods().get(0);

        model.applyBatch(upserts(pod("1", "ratings-v1", "Running")));

        assertThat(model.pods()).containsExactly(line);
        assertThat(line.get().status()).isEqualTo("Running");
    }

    @Test
    void aFilteredOutPodAppearsWhenAnUpdateMakesItMatch() {
        model.applyBatch(upserts(pod("1", "ratings-v1", "Running"), pod("2", "reviews-v1", "Running")));
        model.filterProperty().set("crashloop");
        assertThat(model.pods()).isEmpty();

        model.applyBatch(upserts(pod("2", "reviews-v1", "CrashLoopBackOff")));

        assertThat(model.pods()).extracting(live -> live.get().name()).containsExactly("reviews-v1");
    }

    @Test
    void everyFilterWordMustMatchNameNamespaceStatusOrNode() {
        model.applyBatch(upserts(pod("1", "ratings-v1", "Running"), pod("2", "reviews-v2", "CrashLoopBackOff"),
                service("3", "reviews")));

        model.filterProperty().set("reviews crashloop");
        assertThat(model.pods()).extracting(live -> live.get().name()).containsExactly("reviews-v2");
        assertThat(model.services()).isEmpty();

        model.filterProperty().set("  ");
        assertThat(model.pods()).hasSize(2);
        assertThat(model.services()).hasSize(1);
    }

    @Test
    void namespacesAreSplitOnCommasAndSpacesAndDefaultToIstioSystem() {
        assertThat(SidePanelViewModel.parseNamespaces("istio-system, bookinfo  default,,")).containsExactly(
                "istio-system", "bookinfo", "default");
        assertThat(SidePanelViewModel.parseNamespaces("")).containsExactly("istio-system");
    }

    @Test
    void aLostWatchSaysTheRowsMayBeStale() {
        model.applyState(WatchState.LOST, "connection reset");

        assertThat(model.statusProperty().get()).startsWith("Watch lost (connection reset)").contains("stale");
        model.applyState(WatchState.WATCHING, "");
        assertThat(model.statusProperty().get()).startsWith("Live");
    }

    @Test
    void aWatchLostAfterItWasLiveSaysHowOldTheRowsAre() {
        // Given a live watch
        model.applyState(WatchState.WATCHING, "");

        // When it is lost
        model.applyState(WatchState.LOST, "connection reset");

        // Then the status says until when the rows were true
        assertThat(model.statusProperty().get()).matches(".*the rows below are as of \\d{2}:\\d{2}(:\\d{2})? and may be "
                + "stale");
    }

    @Test
    void theDetailsFollowTheSelectionWhenTheFilterHidesTheSelectedRow() {
        // Given reviews-v1 selected, its details shown
        model.applyBatch(upserts(pod("1", "ratings-v1", "Running"), pod("2", "reviews-v1", "Running")));
        model.selectedProperty().set(model.pods().get(1).get());
        assertThat(model.detailsProperty().get()).contains("reviews-v1");

        // When the filter hides it
        model.filterProperty().set("ratings");

        // Then no row is selected and no details of a hidden row are shown
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.detailsProperty().get()).isEmpty();
    }
}
