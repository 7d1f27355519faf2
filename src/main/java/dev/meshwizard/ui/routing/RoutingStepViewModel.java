package dev.meshwizard.ui.routing;

import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.mesh.RoutingDocument;
import dev.meshwizard.mesh.RoutingDocuments;
import dev.meshwizard.mesh.RoutingStore;
import dev.meshwizard.mesh.RoutingYamlException;
import dev.meshwizard.mesh.analysis.Finding;
import dev.meshwizard.render.Renderer;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Routing step: the workspace's Gateways, VirtualServices and DestinationRules as YAML documents, saved in the
 * workspace on each change, filled from templates or the cluster, analysed as they are edited, and applied or
 * deleted after a preview.
 */
public final class RoutingStepViewModel {

    /** One document of the list; the entry stays while its text changes. */
    public static final class Entry {
        private final ReadOnlyObjectWrapper<RoutingDocument> document;
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
        private int errorLine;

        Entry(RoutingDocument document) {
            this.document = new ReadOnlyObjectWrapper<>(this, "document", document);
        }

        public RoutingDocument document() {
            return document.get();
        }

        public ReadOnlyObjectProperty<RoutingDocument> documentProperty() {
            return document.getReadOnlyProperty();
        }

        /** The YAML error of the text, "" when it reads. */
        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }

        /** The line of the YAML error, 0 when none or unknown. */
        public int errorLine() {
            return errorLine;
        }
    }

    /** A request to show a line of a document (after selecting a finding). */
    public record Reveal(Entry entry, int line) {
    }

    private final JobRunner jobs;
    private final PlanModel planModel;
    private final SessionModel sessionModel;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<Entry> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "default");
    private final BooleanProperty all = new SimpleBooleanProperty(this, "all", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<Reveal> reveal = new ReadOnlyObjectWrapper<>(this, "reveal");
    private final AtomicReference<List<RoutingDocument>> pendingSave = new AtomicReference<>();
    private final RoutingAnalysisViewModel analysis;
    private final RoutingApplyViewModel applying;
    private final RoutingTemplates templates;
    private final RoutingFormViewModel forms;

    public RoutingStepViewModel(JobRunner jobs, PlanModel planModel, SessionModel sessionModel, Renderer renderer) {
        this.jobs = jobs;
        this.planModel = planModel;
        this.sessionModel = sessionModel;
        this.analysis = new RoutingAnalysisViewModel(jobs, planModel, sessionModel, renderer);
        this.applying = new RoutingApplyViewModel(jobs, sessionModel, this::targets);
        this.templates = new RoutingTemplates(this, planModel, applying);
        selected.addListener((obs, old, now) -> applying.invalidate());
        all.addListener((obs, old, now) -> applying.invalidate());
        planModel.workspaceProperty().addListener((obs, old, now) -> load(now));
        planModel.planProperty().addListener((obs, old, now) -> analyze());
        sessionModel.sessionProperty().addListener((obs, old, now) -> analyze());
        sessionModel.onReconnect(this::analyze);
        load(planModel.workspaceProperty().get());
        this.forms = new RoutingFormViewModel(this);
    }

    private void load(Path workspace) {
        if (workspace == null) {
            analyze();
            return;
        }
        Job.of("Reading the routing documents", () -> RoutingStore.load(workspace)).onSuccess(documents -> {
            entries.setAll(documents.stream().map(this::entry).toList());
            selected.set(entries.isEmpty() ? null : entries.get(0));
            status.set(documents.isEmpty() ? "No routing documents yet: start from a template."
                    : "Read " + documents.size() + " document(s) from " + workspace.resolve(RoutingStore.FOLDER));
            analyze();
        }).onFailure(e -> status.set("Cannot read the routing documents: " + e.getMessage())).runWith(jobs);
    }

    private Entry entry(RoutingDocument document) {
        Entry entry = new Entry(document);
        check(entry, document.yaml());
        return entry;
    }

    /** The selected document's text was edited: read it, save the workspace, analyse again. */
    public void edit(String text) {
        Entry entry = selected.get();
        if (entry == null || text.equals(entry.document().yaml())) {
            return;
        }
        RoutingDocument read = check(entry, text);
        entry.document.set(read != null ? read : entry.document().withYaml(text));
        changed();
    }

    private RoutingDocument check(Entry entry, String text) {
        try {
            RoutingDocument read = RoutingDocuments.read(text);
            entry.error.set("");
            entry.errorLine = 0;
            return read;
        } catch (RoutingYamlException e) {
            entry.errorLine = e.line();
            entry.error.set(e.getMessage());
            return null;
        }
    }

    /** Replaces an entry's document with one written from its form. */
    void replace(Entry entry, RoutingDocument document, String what) {
        check(entry, document.yaml());
        entry.document.set(document);
        status.set(what);
        changed();
    }

    private void changed() {
        applying.invalidate();
        save();
        analyze();
    }

    /** Analyses the documents (in the background). */
    public void analyze() {
        analysis.analyze(documents());
    }

    /** Shows the document a finding is about, at the finding's line; false when it is not a workspace document. */
    public boolean open(Finding finding) {
        for (Entry entry : entries) {
            RoutingDocument document = entry.document();
            if (document.is(finding.object().kind(), finding.object().namespace(), finding.object().name())) {
                selected.set(entry);
                reveal.set(new Reveal(entry, RoutingDocuments.lineOf(document, finding.path())));
                return true;
            }
        }
        status.set(finding.object() + " is not a workspace document (it is in the cluster).");
        return false;
    }

    /** Adds documents, each replacing the document of the same file; selects the first. */
    public void add(List<RoutingDocument> documents, String what) {
        Entry first = null;
        for (RoutingDocument document : documents) {
            Entry entry = entries.stream().filter(e -> e.document().fileName().equals(document.fileName()))
                    .findFirst().orElse(null);
            if (entry == null) {
                entry = entry(document);
                entries.add(entry);
            } else {
                entry.document.set(document);
                check(entry, document.yaml());
            }
            first = first == null ? entry : first;
        }
        selected.set(first);
        reveal.set(first == null ? null : new Reveal(first, 1));
        status.set(what);
        changed();
    }

    /** Removes the selected document from the workspace (not from the cluster). */
    public void removeSelected() {
        Entry entry = selected.get();
        if (entry != null) {
            entries.remove(entry);
            selected.set(entries.isEmpty() ? null : entries.get(0));
            status.set("Removed " + entry.document().title() + " from the workspace.");
            changed();
        }
    }

    /** Adds the cluster's Gateways, VirtualServices and DestinationRules to the workspace. */
    public void loadFromCluster() {
        ClusterSession session = sessionModel.session();
        if (session == null) {
            status.set("Loading from the cluster needs a connection.");
            return;
        }
        Job.of("Reading the cluster's routing", () -> RoutingDocuments.fromSnapshot(session.meshSnapshot()))
                .onSuccess(documents -> add(documents, documents.isEmpty() ? "The cluster has no routing objects."
                        : "Loaded " + documents.size() + " object(s) from the cluster."))
                .onFailure(e -> status.set("Cannot read the cluster: " + e.getMessage())).runWith(jobs);
    }

    private void save() {
        Path workspace = planModel.workspaceProperty().get();
        if (workspace == null) {
            return;
        }
        if (pendingSave.getAndSet(documents()) != null) {
            return;
        }
        Job.of("Saving the routing documents", () -> {
            List<RoutingDocument> toSave;
            while ((toSave = pendingSave.get()) != null) {
                RoutingStore.save(workspace, toSave);
                if (pendingSave.compareAndSet(toSave, null)) {
                    break;
                }
            }
            return workspace.resolve(RoutingStore.FOLDER);
        }).onFailure(e -> {
            pendingSave.set(null);
            status.set("Saving the routing documents failed: " + e.getMessage() + " (they are kept in memory)");
        }).runWith(jobs);
    }

    private List<RoutingDocument> targets() {
        if (all.get()) {
            return documents();
        }
        return selected.get() == null ? List.of() : List.of(selected.get().document());
    }

    public List<RoutingDocument> documents() {
        return entries.stream().map(Entry::document).toList();
    }

    String ns() {
        return namespace.get() == null || namespace.get().isBlank() ? "default" : namespace.get().trim();
    }

    public ObservableList<Entry> entries() {
        return entries;
    }

    public ObjectProperty<Entry> selectedProperty() {
        return selected;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    /** Whether Preview, Apply and Delete act on all documents rather than the selected one. */
    public BooleanProperty allProperty() {
        return all;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Reveal> revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    public RoutingTemplates templates() {
        return templates;
    }

    public RoutingFormViewModel forms() {
        return forms;
    }

    public RoutingAnalysisViewModel analysis() {
        return analysis;
    }

    public RoutingApplyViewModel applying() {
        return applying;
    }
}
