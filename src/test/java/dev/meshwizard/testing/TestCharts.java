package dev.meshwizard.testing;

import com.marcnuri.helm.Helm;
import dev.meshwizard.plan.Component;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The small Istio-shaped test charts of {@code src/test/resources/charts/} ({@code base}, {@code istiod},
 * {@code gateway}, {@code cni}, {@code ztunnel}), and the other two shapes chart sources take, made from them at run
 * time: an Istio release folder and a folder of chart archives.
 */
public final class TestCharts {

    /** The version in every test chart's {@code Chart.yaml}. */
    public static final String VERSION = "1.30.3";

    private TestCharts() {
    }

    /** The folder holding one folder per test chart, named after the chart. */
    public static Path chartsFolder() {
        URL url = TestCharts.class.getResource("/charts/istiod/Chart.yaml");
        if (url == null) {
            throw new IllegalStateException("The test charts are not on the class path");
        }
        try {
            return Path.of(url.toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folder of one test chart. */
    public static Path chart(Component component) {
        return chartsFolder().resolve(component.chartName());
    }

    /**
     * Lays the test charts out as an Istio release folder, {@code <parent>/istio-1.30.3/manifests/charts/...}
     * ({@code istio-control/istio-discovery} for istiod, {@code istio-cni} for cni, ...).
     *
     * @return the release folder
     */
    public static Path istioReleaseFolder(Path parent) {
        Path release = parent.resolve("istio-" + VERSION);
        for (Component component : Component.values()) {
            copyTree(chart(component), release.resolve(component.releaseFolderPath()));
        }
        return release;
    }

    /** Packages every test chart as {@code <name>-1.30.3.tgz} into {@code folder}, with Helm. */
    public static Path archivesFolder(Path folder) {
        for (Component component : Component.values()) {
            packageChart(component, folder);
        }
        return folder;
    }

    /** Packages one test chart into {@code folder} and returns the archive. */
    public static Path packageChart(Component component, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        new Helm(chart(component)).packageIt().withDestination(folder).call();
        return folder.resolve(component.chartName() + "-" + VERSION + ".tgz");
    }

    /** Copies a folder tree. */
    public static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
