package dev.meshwizard.render;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.charts.ChartSourceException;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders an {@link InstallPlan} offline with Helm's {@code template} (through helm-java), release by release in
 * install order. Each release gets its values file, then the {@linkplain PlanValues plan's values}, then its own
 * {@code --set} items, as {@code helm upgrade --install -f … --set …} would.
 *
 * <p>Helm's native library is loaded once per JVM (about half a second); a render after that costs a few
 * milliseconds a release. A release whose inputs (chart path and modification time, name, namespace, values,
 * {@code --set} items) are the same as in an earlier render of this renderer is not rendered again, so editing one
 * release's values re-renders only that release; use a new renderer after changing a chart in place.
 * Thread-safe.
 */
public final class Renderer {

    private static final Logger LOG = LoggerFactory.getLogger(Renderer.class);
    private static final int REMEMBERED = 64;
    private static final String DEBUG_HINT = "Use --debug flag to render out invalid YAML";

    private final Map<Inputs, RenderedRelease> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Inputs, RenderedRelease> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Everything a release's rendering depends on. */
    private record Inputs(Path chart, long chartModified, String release, String namespace, String values,
                          Map<String, String> sets) {
    }

    /**
     * Renders every release of the plan, in order.
     *
     * @throws RenderException for the first release that fails, with Helm's message
     */
    public RenderedManifests render(InstallPlan plan, ChartSource charts) throws RenderException {
        List<RenderedRelease> releases = new ArrayList<>(plan.releases().size());
        for (ChartRelease release : plan.releases()) {
            releases.add(render(plan, release, charts));
        }
        return new RenderedManifests(releases);
    }

    /**
     * Renders one release of the plan.
     *
     * @throws RenderException when the chart cannot be found or Helm rejects the values or fails
     */
    public RenderedRelease render(InstallPlan plan, ChartRelease release, ChartSource charts) throws RenderException {
        Component component = release.component();
        Path chart;
        String chartVersion;
        try {
            chart = charts.chart(component);
            chartVersion = charts.chartVersion(component);
        } catch (ChartSourceException e) {
            throw new RenderException(release.name(), e.getMessage(), e);
        }
        Map<String, String> sets;
        try {
            sets = PlanValues.forRelease(plan, release);
        } catch (IllegalArgumentException e) {
            throw new RenderException(release.name(), e.getMessage(), e);
        }
        Inputs inputs = new Inputs(chart, lastModified(chart), release.name(), release.namespace(),
                release.valuesYaml(), Map.copyOf(sets));
        synchronized (recent) {
            RenderedRelease remembered = recent.get(inputs);
            if (remembered != null) {
                return remembered;
            }
        }
        long start = System.nanoTime();
        String output = template(chart, release, sets);
        RenderedRelease rendered = new RenderedRelease(release.name(), release.namespace(), component,
                component.chartName(), chartVersion, chart, ManifestParser.parse(output));
        LOG.debug("Rendered {} ({} {}) in {} ms: {} objects", release.name(), component.chartName(), chartVersion,
                (System.nanoTime() - start) / 1_000_000, rendered.objects().size());
        synchronized (recent) {
            recent.put(inputs, rendered);
        }
        return rendered;
    }

    private static String template(Path chart, ChartRelease release, Map<String, String> sets)
            throws RenderException {
        TemplateCommand command = Helm.template(chart.toString())
                .withName(release.name())
                .withNamespace(release.namespace());
        Path valuesFile = null;
        try {
            if (!release.valuesYaml().isBlank()) {
                valuesFile = ValuesFiles.write(release.valuesYaml());
                command.withValuesFile(valuesFile);
            }
            sets.forEach(command::set);
            return command.call();
        } catch (IOException e) {
            throw new RenderException(release.name(), "Cannot write a temporary values file: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new RenderException(release.name(), helmMessage(e, valuesFile, release.name()), e);
        } finally {
            deleteQuietly(valuesFile);
        }
    }

    /** Helm's message, naming the release's values instead of the temporary file, without helm-java's CLI hint. */
    public static String helmMessage(RuntimeException e, Path valuesFile, String release) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (valuesFile != null) {
            message = message.replace(valuesFile.toString(), "the values of " + release);
        }
        int hint = message.indexOf(DEBUG_HINT);
        if (hint >= 0) {
            message = message.substring(0, hint);
        }
        return message.strip();
    }

    private static long lastModified(Path chart) {
        try {
            return Files.getLastModifiedTime(chart).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete the temporary values file {}: {}", file, e.getMessage());
        }
    }
}
