package dev.meshwizard.charts;

import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.UserFolders;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the Istio charts of a plan come from, resolved to files Helm can read: a chart folder or a {@code .tgz}
 * archive per {@link Component}.
 * <ul>
 *   <li>an Istio release folder ({@code istio-1.x.y/}): the charts under {@code manifests/charts/};</li>
 *   <li>a folder of charts: chart folders and {@code .tgz} archives, found by the name in their
 *       {@code Chart.yaml};</li>
 *   <li>a Helm repository at a version: each chart is downloaded once into
 *       {@code <cacheDir>/<host>/<version>/} and read from there afterwards, also without the network.</li>
 * </ul>
 * Opening a source checks that it can work; charts are looked up on first use and remembered. Thread-safe.
 */
public final class ChartSource {

    /** System property that overrides the chart cache folder. */
    public static final String CACHE_DIR_PROPERTY = UserFolders.CACHE_PROPERTY;

    private static final Pattern RELEASE_FOLDER = Pattern.compile("istio-(\\d+\\.\\d+\\.\\d+[0-9A-Za-z.+-]*)");

    private final ChartSourceSpec spec;
    private final String version;
    private final Map<String, List<Path>> folderCharts;
    private final HelmRepoCharts repo;
    private final Map<Component, Path> resolved = new EnumMap<>(Component.class);
    private final Map<Path, ChartMetadata> metadata = new HashMap<>();

    private ChartSource(ChartSourceSpec spec, String version, Map<String, List<Path>> folderCharts,
                        HelmRepoCharts repo, Map<Path, ChartMetadata> known) {
        this.spec = spec;
        this.version = version;
        this.folderCharts = folderCharts;
        this.repo = repo;
        this.metadata.putAll(known);
    }

    /** Opens a source with the {@linkplain #defaultCacheDir() default cache folder}. */
    public static ChartSource open(ChartSourceSpec spec) throws ChartSourceException {
        return open(spec, defaultCacheDir());
    }

    /**
     * Opens a source: checks the folder is there and holds charts, or that the repository URL is usable. Does not
     * touch the network.
     *
     * @param spec     where the charts are
     * @param cacheDir where charts downloaded from a Helm repository are kept
     * @throws ChartSourceException when the folder is missing or holds no charts, or the URL is not http(s)
     */
    public static ChartSource open(ChartSourceSpec spec, Path cacheDir) throws ChartSourceException {
        return switch (spec.kind()) {
            case ISTIO_RELEASE -> openReleaseFolder(spec);
            case CHARTS_FOLDER -> openChartsFolder(spec);
            case HELM_REPO -> new ChartSource(spec, spec.version(), Map.of(),
                    new HelmRepoCharts(repoUri(spec.repoUrl()), spec.version(), cacheDir), Map.of());
        };
    }

    /**
     * The folder for downloaded charts: the {@value #CACHE_DIR_PROPERTY} system property, else
     * {@code $XDG_CACHE_HOME/mesh-wizard/charts}, else {@code $HOME/.cache/mesh-wizard/charts} ({@link UserFolders}).
     */
    public static Path defaultCacheDir() {
        return UserFolders.ofThisProcess().chartsCache();
    }

    /** What this source was opened from. */
    public ChartSourceSpec spec() {
        return spec;
    }

    /**
     * The Istio version of these charts: from the release folder's name ({@code istio-1.30.3}), the repository
     * version, or the charts' {@code Chart.yaml}.
     */
    public String version() {
        return version;
    }

    /**
     * The chart of a component, as a chart folder or a {@code .tgz} archive. For a Helm repository this downloads
     * the chart on first use unless the cache has it.
     *
     * @throws ChartSourceException when the chart is not there or cannot be downloaded; the message says what to do
     */
    public synchronized Path chart(Component component) throws ChartSourceException {
        Path known = resolved.get(component);
        if (known != null) {
            return known;
        }
        Path chart = switch (spec.kind()) {
            case ISTIO_RELEASE -> releaseFolderChart(component);
            case CHARTS_FOLDER -> folderChart(component);
            case HELM_REPO -> repo.chart(component.chartName());
        };
        resolved.put(component, chart);
        return chart;
    }

    /**
     * The text of the component chart's {@code values.schema.json}, empty when the chart has none (of Istio's
     * charts, only the gateway chart has one).
     *
     * @throws ChartSourceException when the chart cannot be had or its schema cannot be read
     */
    public Optional<String> valuesSchema(Component component) throws ChartSourceException {
        Path chart = chart(component);
        try {
            if (Files.isDirectory(chart)) {
                Path file = chart.resolve("values.schema.json");
                return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
            }
            return ChartArchive.read(chart, "values.schema.json");
        } catch (IOException e) {
            throw new ChartSourceException("Cannot read the values.schema.json of " + chart + ": " + e.getMessage(),
                    e);
        }
    }

    /** The version in the component chart's {@code Chart.yaml} (the repository version for a Helm repository). */
    public synchronized String chartVersion(Component component) throws ChartSourceException {
        if (spec.kind() == ChartSourceSpec.Kind.HELM_REPO) {
            return spec.version();
        }
        Path chart = chart(component);
        ChartMetadata meta = metadata.get(chart);
        if (meta == null) {
            meta = ChartMetadata.read(chart);
            metadata.put(chart, meta);
        }
        return meta.version();
    }

    private static ChartSource openReleaseFolder(ChartSourceSpec spec) throws ChartSourceException {
        Path folder = spec.folder();
        if (!Files.isDirectory(folder)) {
            throw new ChartSourceException("The Istio release folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder.resolve("manifests").resolve("charts"))) {
            throw new ChartSourceException(folder + " is not an Istio release folder: it has no manifests/charts."
                    + " Choose the folder unpacked from the Istio release archive (istio-1.x.y, holding bin/,"
                    + " manifests/ and samples/).");
        }
        Path name = folder.toAbsolutePath().normalize().getFileName();
        Matcher matcher = RELEASE_FOLDER.matcher(name == null ? "" : name.toString());
        if (matcher.matches()) {
            return new ChartSource(spec, matcher.group(1), Map.of(), null, Map.of());
        }
        for (Component component : Component.values()) {
            Path chart = folder.resolve(component.releaseFolderPath());
            if (Files.isRegularFile(chart.resolve("Chart.yaml"))) {
                ChartMetadata meta = ChartMetadata.read(chart);
                return new ChartSource(spec, meta.version(), Map.of(), null, Map.of(chart, meta));
            }
        }
        throw new ChartSourceException("The Istio release folder " + folder + " holds none of the Istio charts");
    }

    private Path releaseFolderChart(Component component) throws ChartSourceException {
        Path chart = spec.folder().resolve(component.releaseFolderPath());
        if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
            throw new ChartSourceException("The Istio release folder " + spec.folder() + " has no "
                    + component.chartName() + " chart at " + component.releaseFolderPath());
        }
        return chart;
    }

    private static ChartSource openChartsFolder(ChartSourceSpec spec) throws ChartSourceException {
        Path folder = spec.folder();
        if (!Files.isDirectory(folder)) {
            throw new ChartSourceException("The charts folder " + folder + " does not exist");
        }
        Map<String, List<Path>> byName = new TreeMap<>();
        Map<Path, ChartMetadata> known = new HashMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                boolean chartFolder = Files.isRegularFile(entry.resolve("Chart.yaml"));
                boolean archive = Files.isRegularFile(entry)
                        && entry.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tgz");
                if (chartFolder || archive) {
                    ChartMetadata meta = ChartMetadata.read(entry);
                    known.put(entry, meta);
                    byName.computeIfAbsent(meta.name(), n -> new ArrayList<>()).add(entry);
                }
            }
        } catch (IOException e) {
            throw new ChartSourceException("Cannot list the charts folder " + folder + ": " + e.getMessage(), e);
        }
        if (byName.isEmpty()) {
            throw new ChartSourceException("The folder " + folder + " holds no charts: expected chart folders"
                    + " (with a Chart.yaml) or chart archives (.tgz) such as base, istiod and gateway");
        }
        String version = "";
        for (Component component : Component.values()) {
            List<Path> candidates = byName.get(component.chartName());
            if (candidates != null) {
                version = known.get(candidates.get(0)).version();
                break;
            }
        }
        return new ChartSource(spec, version, byName, null, known);
    }

    private Path folderChart(Component component) throws ChartSourceException {
        List<Path> candidates = folderCharts.getOrDefault(component.chartName(), List.of());
        if (candidates.isEmpty()) {
            throw new ChartSourceException("The folder " + spec.folder() + " has no chart named "
                    + component.chartName() + "; it has " + String.join(", ", folderCharts.keySet()));
        }
        if (candidates.size() > 1) {
            List<String> names = candidates.stream().map(p -> p.getFileName().toString()).toList();
            throw new ChartSourceException("The folder " + spec.folder() + " has several charts named "
                    + component.chartName() + " (" + String.join(", ", names) + "); keep one of them");
        }
        return candidates.get(0);
    }

    private static URI repoUri(String url) throws ChartSourceException {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new ChartSourceException("Not a repository URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new ChartSourceException("A Helm repository URL starts with https:// or http:// and names a host,"
                    + " e.g. " + ChartSourceSpec.ISTIO_REPO + "; got " + url);
        }
        return uri;
    }
}
