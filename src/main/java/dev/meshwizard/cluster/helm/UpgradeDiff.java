package dev.meshwizard.cluster.helm;


import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.diff.ObjectChange;
import dev.meshwizard.diff.ObjectDiff;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.render.RenderException;
import dev.meshwizard.render.RenderedRelease;
import dev.meshwizard.render.Renderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an install run would change, per release and per object: the manifest Helm deployed last (from its own
 * record) against a fresh render of the plan. A release Helm has no record of is all additions. Nothing is sent
 * to the cluster but reads. Blocking: call from a background job.
 */
public final class UpgradeDiff {

    /**
     * The changes of one release.
     *
     * @param release          the release name
     * @param deployedRevision the revision the diff starts from, empty when the release is new
     * @param changes          one entry per object, in the new render's order, then the removed ones
     */
    public record ReleaseChanges(String release, Optional<Integer> deployedRevision, List<ObjectChange> changes) {
        public ReleaseChanges {
            changes = List.copyOf(changes);
        }

        /** Objects added, changed or removed. */
        public long changedCount() {
            return changes.stream().filter(c -> c.type() != ObjectChange.Type.UNCHANGED).count();
        }

        /** A one-line summary, e.g. {@code istiod: revision 2 → next, 1 changed, 0 added, 0 removed}. */
        public String summary() {
            return release + ": " + deployedRevision.map(r -> "revision " + r + " → next").orElse("new release")
                    + ", " + count(ObjectChange.Type.CHANGED) + " changed, " + count(ObjectChange.Type.ADDED)
                    + " added, " + count(ObjectChange.Type.REMOVED) + " removed";
        }

        private long count(ObjectChange.Type type) {
            return changes.stream().filter(c -> c.type() == type).count();
        }
    }

    private final HelmInstaller helm;
    private final Renderer renderer;

    /** Compares releases installed through {@code helm} with what {@code renderer} renders for a plan. */
    public UpgradeDiff(HelmInstaller helm, Renderer renderer) {
        this.helm = helm;
        this.renderer = renderer;
    }

    /**
     * The changes of every release of the plan, in install order.
     *
     * @throws RenderException when a release does not render (Helm's message)
     * @throws HelmException   when Helm's records cannot be read
     */
    public List<ReleaseChanges> compute(InstallPlan plan, ChartSource charts) throws RenderException, HelmException {
        List<ReleaseChanges> result = new ArrayList<>();
        for (ChartRelease release : plan.releases()) {
            RenderedRelease rendered = renderer.render(plan, release, charts);
            Optional<HelmInstaller.Deployed> deployed = helm.deployed(release.name(), release.namespace());
            Optional<Integer> revision = deployed.map(HelmInstaller.Deployed::revision);
            List<ObjectChange> changes = ObjectDiff.between(
                    deployed.map(d -> ObjectDiff.fromYaml(d.manifest())).orElse(List.of()),
                    ObjectDiff.fromRendered(rendered.objects()));
            result.add(new ReleaseChanges(release.name(), revision, changes));
        }
        return result;
    }
}
