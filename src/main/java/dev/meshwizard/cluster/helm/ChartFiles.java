package dev.meshwizard.cluster.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the chart stored in a Helm release record back to a chart folder: {@code Chart.yaml} from its metadata,
 * {@code values.yaml}, {@code values.schema.json}, and every template and file. Helm's record does not keep
 * subcharts, so a chart that had any cannot be restored this way (the Istio charts have none).
 */
final class ChartFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ChartFiles.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private ChartFiles() {
    }

    static void write(JsonNode chart, Path dir) throws IOException {
        if (chart == null || !chart.has("metadata")) {
            throw new IOException("the record holds no chart");
        }
        ObjectNode metadata = chart.get("metadata").deepCopy();
        metadata.remove("dependencies");
        Files.writeString(dir.resolve("Chart.yaml"), YAML.writeValueAsString(metadata));
        Files.writeString(dir.resolve("values.yaml"), yaml(HelmRecords.asMap(chart.get("values"))));
        JsonNode schema = chart.get("schema");
        if (schema != null && schema.isTextual() && !schema.asText().isEmpty()) {
            Files.write(dir.resolve("values.schema.json"), Base64.getDecoder().decode(schema.asText()));
        }
        for (String list : new String[] {"templates", "files"}) {
            for (JsonNode file : chart.path(list)) {
                Path target = dir.resolve(file.path("name").asText()).normalize();
                if (!target.startsWith(dir) || target.equals(dir)) {
                    throw new IOException("the record names a file outside the chart: " + file.path("name"));
                }
                Files.createDirectories(target.getParent());
                Files.write(target, Base64.getDecoder().decode(file.path("data").asText("")));
            }
        }
    }

    static String yaml(Map<String, Object> values) throws IOException {
        return values.isEmpty() ? "{}\n" : YAML.writeValueAsString(values);
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Cannot delete the temporary chart folder {}: {}", dir, e.getMessage());
        }
    }
}
