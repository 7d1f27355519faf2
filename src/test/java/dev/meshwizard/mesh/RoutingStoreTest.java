package dev.meshwizard.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing documents of a workspace folder. */
class RoutingStoreTest {

    @TempDir
    Path workspace;

    @Test
    void savedDocumentsLoadBackAsWritten() throws Exception {
        List<RoutingDocument> documents = RoutingDocuments.bookinfoDestinationRules("default");

        RoutingStore.save(workspace, documents);

        assertThat(RoutingStore.load(workspace)).containsExactlyInAnyOrderElementsOf(documents);
        assertThat(workspace.resolve("routing/destinationrule-reviews.yaml")).exists();
    }

    @Test
    void aDocumentNoLongerInTheWorkspaceLosesItsFile() throws Exception {
        RoutingStore.save(workspace, RoutingDocuments.bookinfoAllV1("default"));

        RoutingStore.save(workspace, List.of(RoutingDocuments.reviewsForJason("default")));

        try (var files = Files.list(workspace.resolve("routing"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("virtualservice-reviews.yaml");
        }
    }

    @Test
    void aFileThatIsNotValidYamlIsKeptWithTheNameItsFileGives() throws Exception {
        Files.createDirectories(workspace.resolve("routing"));
        Files.writeString(workspace.resolve("routing/virtualservice-reviews.yaml"), "spec: [unclosed\n");

        List<RoutingDocument> loaded = RoutingStore.load(workspace);

        assertThat(loaded).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo("VirtualService");
            assertThat(d.name()).isEqualTo("reviews");
            assertThat(d.yaml()).isEqualTo("spec: [unclosed\n");
        });
    }
}
