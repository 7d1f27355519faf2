package dev.meshwizard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentWorkspacesTest {

    @TempDir
    Path config;

    @Test
    void keepsTheTenNewestWorkspacesNewestFirst() throws IOException {
        // Given
        RecentWorkspaces recent = new RecentWorkspaces(config.resolve("mesh-wizard"));

        // When
        for (int i = 1; i <= 12; i++) {
            recent.add(Path.of("/work/ws" + i));
        }

        // Then
        List<Path> expected = IntStream.iterate(12, i -> i - 1).limit(10).mapToObj(i -> Path.of("/work/ws" + i))
                .toList();
        assertThat(new RecentWorkspaces(config.resolve("mesh-wizard")).list()).isEqualTo(expected);
    }

    @Test
    void openingAListedWorkspaceAgainMovesItToTheFront() throws IOException {
        // Given
        RecentWorkspaces recent = new RecentWorkspaces(config);
        recent.add(Path.of("/a"));
        recent.add(Path.of("/b"));

        // When
        List<Path> list = recent.add(Path.of("/x/../a"));

        // Then
        assertThat(list).containsExactly(Path.of("/a"), Path.of("/b"));
        assertThat(recent.remove(Path.of("/b"))).containsExactly(Path.of("/a"));
        assertThat(recent.list()).containsExactly(Path.of("/a"));
    }

    @Test
    void aMissingOrBrokenFileReadsAsAnEmptyList() throws IOException {
        // Given
        RecentWorkspaces recent = new RecentWorkspaces(config);

        // Then
        assertThat(recent.list()).isEmpty();
        Files.writeString(config.resolve(RecentWorkspaces.FILE), "workspace.1=\\u00zz\n");
        assertThat(recent.list()).isEmpty();
    }
}
