package dev.meshwizard.ui.sidepanel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.cluster.watch.PodRow;
import dev.meshwizard.cluster.watch.Row;
import dev.meshwizard.job.CoalescingBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bridge from a watch to the side panel's rows. */
class RowBridgeTest {

    private static PodRow pod(String name) {
        return new PodRow("uid-" + name, "shop", name, 1, 1, "Running", 0, Instant.EPOCH, "node-1", true, Map.of(),
                Map.of(), List.of(), List.of("app"));
    }

    @Test
    void rowsReplacedAfterAReconnectRemoveTheRowsOfObjectsThatWentAwayMeanwhile() {
        // Given a bridge that delivered rows of three pods
        List<CoalescingBuffer.Batch<String, Row>> batches = new ArrayList<>();
        RowBridge bridge = RowBridge.on(Runnable::run).create(batches::add, (state, detail) -> { });
        bridge.upserted(pod("a"));
        bridge.upserted(pod("b"));
        bridge.upserted(pod("c"));
        bridge.flushNow();

        // When the watch comes back and hands over the rows there are now
        bridge.replaced(List.of(pod("a"), pod("d")));
        bridge.flushNow();

        // Then the rows of b and c are removed and d is added, so the panel holds exactly a and d
        Map<String, Row> shown = new LinkedHashMap<>();
        for (CoalescingBuffer.Batch<String, Row> batch : batches) {
            batch.removals().forEach(shown::remove);
            shown.putAll(batch.upserts());
        }
        assertThat(shown.keySet()).containsExactlyInAnyOrder("uid-a", "uid-d");
        bridge.close();
    }
}
