package dev.meshwizard.render;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The chart archives an export carries when its charts came from a folder (an Istio release or a folder of charts):
 * {@code charts/<chart>-<version>.tgz}, copied from an archive or packaged by Helm from a chart folder, so that the
 * export installs on a machine without that folder, and without a network.
 */
final class ChartArchives {

    /** The folder of the chart archives inside an export. */
    static final String FOLDER = "charts";

    private ChartArchives() {
    }

    /** The archive's path inside the export, relative to the export folder. */
    static String fileName(RenderedRelease release) {
        return FOLDER + "/" + release.chart() + "-" + release.chartVersion() + ".tgz";
    }

    /** The archive of the chart the release was rendered from. */
    static byte[] archive(RenderedRelease release) throws IOException {
        Path chart = release.chartPath();
        if (Files.isRegularFile(chart)) {
            return Files.readAllBytes(chart);
        }
        Path destination = ValuesFiles.privateFolder();
        try {
            new Helm(chart).packageIt().withDestination(destination).call();
            try (Stream<Path> files = Files.list(destination)) {
                List<Path> archives = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).toList();
                if (archives.size() != 1) {
                    throw new IOException("Helm did not package " + chart + " into one archive: " + archives);
                }
                return Files.readAllBytes(archives.get(0));
            }
        } catch (RuntimeException e) {
            throw new IOException("Cannot package the chart " + chart + ": " + e.getMessage(), e);
        } finally {
            try (Stream<Path> paths = Files.walk(destination)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
