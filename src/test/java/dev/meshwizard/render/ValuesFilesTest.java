package dev.meshwizard.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary values files: private to the owner, and what a killed process left is cleaned up at the next start. */
class ValuesFilesTest {

    @TempDir
    Path temp;

    @Test
    void valuesFilesAndTheirFolderAreReadableByTheOwnerOnly() throws Exception {
        Path file = ValuesFiles.write("token: abc\n");
        try {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                    .isEqualTo("rwx------");
            assertThat(file.getParent().getFileName().toString())
                    .startsWith("mesh-wizard-render-" + ProcessHandle.current().pid() + "-");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theFolderOfAProcessThatIsGoneIsDeletedAndThoseOfLiveProcessesKept() throws Exception {
        // Given the folder of a process that ended, and one of this (live) process
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path left = Files.createDirectories(temp.resolve("mesh-wizard-render-" + ended.pid() + "-123"));
        Files.writeString(left.resolve("values-1.yaml"), "password: x\n");
        Path live = Files.createDirectories(temp.resolve("mesh-wizard-render-" + ProcessHandle.current().pid()
                + "-456"));

        // When leftovers are removed
        ValuesFiles.removeLeftovers(temp, Files.getOwner(temp));

        // Then the ended process's folder is gone
        assertThat(left).doesNotExist();
        assertThat(live).exists();
    }
}
