package dev.meshwizard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lists on the simulated API as a real server answers them: set-based label selectors, chunks. */
class SimulatedListsTest {

    private SimulatedCluster cluster;
    private KubernetesClient client;

    @BeforeEach
    void startCluster() {
        cluster = SimulatedCluster.start().createNamespaces("shop");
        client = cluster.client();
        for (String[] object : List.of(new String[] {"a", "v1"}, new String[] {"b", "v2"}, new String[] {"c", "v3"},
                new String[] {"d", ""}, new String[] {"e", "v1"})) {
            ConfigMapBuilder map = new ConfigMapBuilder().withNewMetadata().withName(object[0]).withNamespace("shop")
                    .addToLabels("app", "reviews").endMetadata();
            if (!object[1].isEmpty()) {
                map.editMetadata().addToLabels("version", object[1]).endMetadata();
            }
            client.configMaps().inNamespace("shop").resource(map.build()).create();
        }
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    private List<String> names(String selector) {
        return client.configMaps().inNamespace("shop").list(new ListOptionsBuilder().withLabelSelector(selector)
                .build()).getItems().stream().map(c -> c.getMetadata().getName()).sorted().toList();
    }

    @Test
    void setBasedSelectorsChooseAsAServerDoes() {
        assertThat(names("version in (v1,v2)")).containsExactly("a", "b", "e");
        assertThat(names("version notin (v1,v2)")).containsExactly("c", "d");
        assertThat(names("!version")).containsExactly("d");
        assertThat(names("version")).containsExactly("a", "b", "c", "e");
        assertThat(names("app=reviews,version!=v1")).containsExactly("b", "c", "d");
        assertThat(names("app=reviews,version in (v3)")).containsExactly("c");
    }

    @Test
    void aLimitedListComesInChunksJoinedByTheContinueToken() {
        // When the config maps are listed two at a time
        List<String> seen = new ArrayList<>();
        List<Integer> chunks = new ArrayList<>();
        String next = null;
        do {
            ConfigMapList chunk = client.configMaps().inNamespace("shop").list(new ListOptionsBuilder()
                    .withLimit(2L).withContinue(next).build());
            chunks.add(chunk.getItems().size());
            chunk.getItems().stream().map(ConfigMap::getMetadata).forEach(m -> seen.add(m.getName()));
            next = chunk.getMetadata().getContinue();
        } while (next != null && !next.isEmpty());

        // Then each chunk holds at most two, and together they are every object once
        assertThat(chunks).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
    }
}
