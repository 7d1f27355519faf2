package dev.meshwizard.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a chart's {@code Chart.yaml} says about it.
 *
 * @param name       chart name, e.g. {@code istiod}
 * @param version    chart version, e.g. {@code 1.30.3}
 * @param appVersion application version ("" when absent)
 */
record ChartMetadata(String name, String version, String appVersion) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Reads a chart folder's {@code Chart.yaml} or, for a {@code .tgz}, asks Helm for the archive's chart. */
    static ChartMetadata read(Path chart) throws ChartSourceException {
        String text;
        if (Files.isDirectory(chart)) {
            Path file = chart.resolve("Chart.yaml");
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new ChartSourceException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        } else {
            try {
                text = Helm.show(chart.toString()).chart().call();
            } catch (RuntimeException e) {
                throw new ChartSourceException("Helm cannot read the chart archive " + chart + ": " + e.getMessage(),
                        e);
            }
        }
        return parse(text, chart);
    }

    static ChartMetadata parse(String chartYaml, Path from) throws ChartSourceException {
        try {
            JsonNode root = YAML.readTree(chartYaml);
            String name = root == null ? "" : root.path("name").asText("");
            if (name.isEmpty()) {
                throw new ChartSourceException("The Chart.yaml of " + from + " has no name");
            }
            return new ChartMetadata(name, root.path("version").asText(""), root.path("appVersion").asText(""));
        } catch (IOException e) {
            throw new ChartSourceException("The Chart.yaml of " + from + " is not valid YAML: " + e.getMessage(), e);
        }
    }
}
