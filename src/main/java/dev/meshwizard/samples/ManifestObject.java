package dev.meshwizard.samples;

import dev.meshwizard.mesh.YamlLocator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * One object read from a manifest file, with where it stands in the file.
 *
 * @param object the object, typed by its kind (Istio kinds as istio-client types; unknown kinds generic)
 * @param source the file (or other source name) it came from
 * @param line   the 1-based line its document starts on
 * @param yaml   the document's YAML text, whose line 1 is {@code line} in the file ("" for an item of a
 *               {@code kind: List} document)
 */
public record ManifestObject(HasMetadata object, String source, int line, String yaml) {

    public ManifestObject {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(yaml, "yaml");
    }

    /**
     * The line in the file of a field in this object, e.g. {@code spec.http[0].route}, or of its nearest existing
     * parent; for an item of a List document, the List's first line.
     */
    public int lineOf(String path) {
        int inDocument = YamlLocator.line(yaml, path);
        return inDocument == 0 ? line : line + inDocument - 1;
    }
}
