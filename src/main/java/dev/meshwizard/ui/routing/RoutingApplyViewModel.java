package dev.meshwizard.ui.routing;

import dev.meshwizard.ui.changes.ObjectChangesViewModel;

import dev.meshwizard.cluster.apply.ApplyResult;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.diff.ObjectChange;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.mesh.RoutingDocument;
import dev.meshwizard.mesh.RoutingDocuments;
import dev.meshwizard.mesh.TlsSecret;
import dev.meshwizard.render.ClusterCommands;
import dev.meshwizard.ui.state.SessionModel;
import dev.meshwizard.ui.common.ClusterAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Applying and deleting routing documents on the connected cluster: a preview of the changes first (Apply is
 * enabled once the documents were previewed as they are), then server-side apply. TLS Secrets are read from their
 * PEM files only while applying and go to the API server alone.
 */
public final class RoutingApplyViewModel {

    /** Where a Gateway's TLS Secret comes from; only file names, never their content. */
    public record SecretFiles(String secretName, String namespace, Path certificate, Path key) {
    }

    private final JobRunner jobs;
    private final SessionModel sessionModel;
    private final Supplier<List<RoutingDocument>> targets;
    private final ObjectChangesViewModel changes = new ObjectChangesViewModel();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper previewed = new ReadOnlyBooleanWrapper(this, "previewed");
    private final Map<String, SecretFiles> secrets = new HashMap<>();
    private final BooleanBinding canPreview;
    private final BooleanBinding canApply;

    /** @param targets the documents Preview, Apply and Delete act on (the selected one, or all) */
    public RoutingApplyViewModel(JobRunner jobs, SessionModel sessionModel, Supplier<List<RoutingDocument>> targets) {
        this.jobs = jobs;
        this.sessionModel = sessionModel;
        this.targets = targets;
        this.canPreview = sessionModel.sessionProperty().isNotNull().and(busy.not());
        this.canApply = canPreview.and(previewed);
        sessionModel.sessionProperty().addListener((obs, old, now) -> invalidate());
        sessionModel.onReconnect(this::invalidate);
    }

    /** Remembers the PEM files of the Secret a Gateway document names (by the document's file name). */
    public void secretFor(String documentFile, SecretFiles files) {
        secrets.put(documentFile, files);
    }

    /** The documents changed or another set was chosen: the preview no longer holds. */
    public void invalidate() {
        previewed.set(false);
        changes.clear();
    }

    /** Shows what applying the documents would change. */
    public void preview() {
        List<RoutingDocument> documents = targets.get();
        run("Previewing routing changes", documents,
                session -> session.applier().plan(RoutingDocuments.joined(documents)),
                result -> {
                    status.set(changes.show(result) + secretNote(documents));
                    previewed.set(true);
                });
    }

    /** Applies the documents, each Gateway's TLS Secret first. */
    public void apply() {
        List<RoutingDocument> documents = targets.get();
        List<SecretFiles> needed = documents.stream().map(d -> secrets.get(d.fileName()))
                .filter(java.util.Objects::nonNull).toList();
        run("Applying routing", documents, session -> {
            List<ApplyResult> results = new ArrayList<>();
            for (SecretFiles files : needed) {
                results.add(session.applier().apply(TlsSecret.fromPemFiles(files.secretName(), files.namespace(),
                        files.certificate(), files.key())));
            }
            results.addAll(session.applier().apply(RoutingDocuments.joined(documents)));
            return results;
        }, results -> done("Applied", results));
    }

    /** The question asked before {@link #apply()} ({@code apply} true) or {@link #delete()}. */
    public ClusterAction action(boolean apply) {
        List<RoutingDocument> documents = targets.get();
        String yaml = RoutingDocuments.joined(documents);
        long objects = java.util.regex.Pattern.compile("(?m)^kind:").matcher(yaml).results().count();
        long changed = changes.rows().stream().filter(r -> r.type() != ObjectChange.Type.UNCHANGED).count();
        String namespaces = documents.stream().map(RoutingDocument::namespace).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        String context = sessionModel.session().context().name();
        return apply ? ClusterAction.on(sessionModel.session(), "Apply " + objects + " routing object(s)", namespaces,
                changed + " of " + changes.rows().size() + " object(s) created or changed (see Changes)"
                        + secretNote(documents), ClusterCommands.apply(yaml, context))
                : ClusterAction.on(sessionModel.session(), "Delete " + objects + " routing object(s)", namespaces,
                objects + " object(s) deleted from the cluster where they exist; the documents stay in the workspace.",
                ClusterCommands.delete(yaml, context));
    }

    /** Deletes the documents' objects from the cluster (they stay in the workspace; TLS Secrets stay too). */
    public void delete() {
        List<RoutingDocument> documents = targets.get();
        run("Deleting routing", documents, session -> session.applier().delete(RoutingDocuments.joined(documents)),
                results -> done("Deleted", results));
    }

    private String secretNote(List<RoutingDocument> documents) {
        List<String> names = documents.stream().map(d -> secrets.get(d.fileName())).filter(java.util.Objects::nonNull)
                .map(s -> s.secretName() + " from " + s.certificate().getFileName() + " and " + s.key().getFileName())
                .toList();
        return names.isEmpty() ? "" : " Apply also creates TLS Secret " + String.join(", ", names)
                + " (not shown).";
    }

    private void done(String what, List<ApplyResult> results) {
        log.addAll(ObjectChangesViewModel.describe(results));
        long failed = results.stream().filter(r -> !r.succeeded()).count();
        status.set(what + " " + (results.size() - failed) + " object(s)" + (failed == 0 ? "." : "; " + failed
                + " refused: " + results.stream().filter(r -> !r.succeeded()).map(ApplyResult::message)
                .findFirst().orElse("")));
        invalidate();
    }

    private <T> void run(String title, List<RoutingDocument> documents, Work<T> work,
                         java.util.function.Consumer<T> onSuccess) {
        ClusterSession session = sessionModel.session();
        if (session == null || busy.get()) {
            return;
        }
        if (documents.isEmpty()) {
            status.set("No routing documents: add one from the templates or load them from the cluster.");
            return;
        }
        busy.set(true);
        status.set(title + "…");
        Job.of(title, () -> work.run(session)).onSuccess(result -> {
            busy.set(false);
            onSuccess.accept(result);
        }).onFailure(e -> {
            busy.set(false);
            status.set(title + " failed: " + e.getMessage());
        }).runWith(jobs);
    }

    /** Work on the connected cluster. */
    private interface Work<T> {
        T run(ClusterSession session) throws Exception;
    }

    public ObjectChangesViewModel changes() {
        return changes;
    }

    public ObservableList<String> log() {
        return log;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canPreviewProperty() {
        return canPreview;
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }
}
