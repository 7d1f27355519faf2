package dev.meshwizard.render;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The plan's values and {@code --set} items of a release as a values file, so that an export's {@code install.sh}
 * can pass them with {@code -f} instead of on the command line (where shell history and process lists would show
 * them). Helm itself does the conversion: a one-template chart prints {@code .Values} as YAML after Helm has read
 * the items exactly as the renderer gives them, so the file means to Helm what the items meant to the render
 * (types, list indexes, dotted keys, commas).
 */
final class SetValues {

    private static Path chart;

    private SetValues() {
    }

    /**
     * The items as YAML, or "" when there are none. An item with a list index ({@code ports[0].port=8080}) edits
     * one element of the values file's list, where a list in a later {@code -f} file replaces the whole list: then
     * the release's values are read first and the result holds them merged with the items, so that
     * {@code -f values.yaml -f set.yaml} gives Helm the same values as the render had.
     *
     * @param valuesYaml the release's values text, read first when an item has a list index
     */
    static String yaml(String valuesYaml, Map<String, String> items) throws IOException {
        if (items.isEmpty()) {
            return "";
        }
        TemplateCommand command = Helm.template(chart().toString()).withName("values");
        Path valuesFile = null;
        try {
            if (items.keySet().stream().anyMatch(key -> key.contains("["))) {
                valuesFile = ValuesFiles.write(valuesYaml);
                command.withValuesFile(valuesFile);
            }
            items.forEach(command::set);
            String output = command.call();
            int start = output.indexOf('\n', output.indexOf("# Source:"));
            return output.substring(start + 1).stripTrailing() + "\n";
        } finally {
            if (valuesFile != null) {
                Files.deleteIfExists(valuesFile);
            }
        }
    }

    private static synchronized Path chart() throws IOException {
        if (chart == null || !Files.isRegularFile(chart.resolve("templates/values.yaml"))) {
            Path folder = ValuesFiles.privateFolder();
            Files.createDirectories(folder.resolve("templates"));
            Files.writeString(folder.resolve("Chart.yaml"), "apiVersion: v2\nname: set-values\nversion: 0.1.0\n");
            Files.writeString(folder.resolve("templates/values.yaml"), "{{ toYaml .Values }}\n");
            for (String path : new String[] {"templates", "Chart.yaml", "templates/values.yaml"}) {
                folder.resolve(path).toFile().deleteOnExit();
            }
            chart = folder;
        }
        return chart;
    }
}
