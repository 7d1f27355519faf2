package dev.meshwizard.render;

import java.util.List;
import java.util.Optional;

/**
 * What a whole plan renders to: one {@link RenderedRelease} per release, in the plan's install order.
 *
 * @param releases the rendered releases, in install order
 */
public record RenderedManifests(List<RenderedRelease> releases) {

    public RenderedManifests {
        releases = List.copyOf(releases);
    }

    /** The rendered release of this name. */
    public Optional<RenderedRelease> release(String name) {
        return releases.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Every object of every release, in install order. */
    public List<RenderedObject> objects() {
        return releases.stream().flatMap(r -> r.objects().stream()).toList();
    }

    /** How many objects the plan renders. */
    public int objectCount() {
        return releases.stream().mapToInt(r -> r.objects().size()).sum();
    }
}
