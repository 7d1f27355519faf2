package dev.meshwizard.render;

import java.util.Objects;

/**
 * One document of a multi-document YAML text, with where it starts.
 *
 * @param line   the 1-based line of the document's first line after its {@code ---} separator (and after Helm's
 *               {@code # Source:} comment)
 * @param object the object's identifying fields and its YAML text
 */
public record ManifestDocument(int line, RenderedObject object) {

    public ManifestDocument {
        Objects.requireNonNull(object, "object");
    }
}
