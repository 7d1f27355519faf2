package dev.meshwizard.ui.values;

import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.plan.AwsNlbOptions;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.GatewayPresets;
import dev.meshwizard.plan.HealthCheck;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.plan.ValuesDocument;
import dev.meshwizard.plan.ValuesException;
import dev.meshwizard.plan.ValuesPath;
import dev.meshwizard.plan.ValuesProblem;
import dev.meshwizard.plan.ValuesSchema;
import dev.meshwizard.plan.ValuesValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The values of one release: the YAML text as the user wrote it, its problems, and form fields for the keys
 * people change most. Form edits are splices into the text (comments and order kept); text edits refresh the
 * form once they parse.
 */
public final class ReleaseValuesViewModel {

    /** A form field: its values path and its text. */
    public record Field(String path, String label, StringProperty value) {
    }

    /** One port of the gateway Service, as the chart's {@code service.ports} items have them. */
    public record PortLine(String name, String port, String targetPort, String protocol) {
    }

    /** One annotation of the gateway Service. */
    public record Annotation(String key, String value) {
    }

    /** The gateway chart's own Service ports, used as the start when the user customises the ports. */
    public static final List<PortLine> CHART_PORTS = List.of(new PortLine("status-port", "15021", "15021", "TCP"),
            new PortLine("http2", "80", "80", "TCP"), new PortLine("https", "443", "443", "TCP"));

    private final JobRunner jobs;
    private final String releaseName;
    private final Component component;
    private final Consumer<String> publish;
    private final Function<String, Callable<Optional<String>>> schemaCheck;
    private final Supplier<Callable<ValuesSchema>> schema;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObservableList<ValuesProblem> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ObjectProperty<HealthCheck> healthCheck = new SimpleObjectProperty<>(this, "healthCheck");
    private final List<Field> fields = new ArrayList<>();
    private final ObservableList<PortLine> ports = FXCollections.observableArrayList();
    private final ObservableList<Annotation> annotations = FXCollections.observableArrayList();
    private Profile profile = Profile.DEFAULT;
    private boolean refreshing;
    private long generation;

    /**
     * @param publish     receives every edited text at once (the plan, and so the workspace, always holds what
     *                    the user wrote, even while it has errors)
     * @param schemaCheck given a candidate text on the FX thread, returns the work (run in the background) that
     *                    renders the release with it and returns Helm's message when the chart rejects it
     */
    ReleaseValuesViewModel(JobRunner jobs, ChartRelease release, Consumer<String> publish,
                       Function<String, Callable<Optional<String>>> schemaCheck) {
        this(jobs, release, publish, schemaCheck, () -> () -> null);
    }

    /**
     * @param schema asked on the FX thread, gives the work (run in the background) that reads the chart's
     *               values.schema.json, returning null when the chart has none or cannot be had; what the schema
     *               rejects is marked at its key
     */
    ReleaseValuesViewModel(JobRunner jobs, ChartRelease release, Consumer<String> publish,
                       Function<String, Callable<Optional<String>>> schemaCheck,
                       Supplier<Callable<ValuesSchema>> schema) {
        this.schema = schema;
        this.jobs = jobs;
        this.releaseName = release.name();
        this.component = release.component();
        this.publish = publish;
        this.schemaCheck = schemaCheck;
        for (String[] field : ValuesForm.fieldsFor(component)) {
            Field f = new Field(field[0], field[1], new SimpleStringProperty(this, field[0], ""));
            f.value().addListener((obs, old, now) -> {
                if (!refreshing) {
                    edit(doc -> now == null || now.isBlank() ? doc.remove(f.path()) : doc.set(f.path(), ValuesForm.typed(now)));
                }
            });
            fields.add(f);
        }
        healthCheck.addListener((obs, old, now) -> {
            if (!refreshing && now != null) {
                chooseHealthCheck(now);
            }
        });
        text.set(release.valuesYaml());
        refreshForm(release.valuesYaml());
    }

    /** The user typed in the editor: kept in the plan at once, checked in the background. */
    public void textEdited(String newText) {
        text.set(newText);
        publish.accept(newText);
        validate(newText);
    }

    /** Sets the gateway Service's ports (replacing the chart's own list, as Helm does with a list value). */
    public void setPorts(List<PortLine> newPorts) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (PortLine line : newPorts) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", line.name().trim());
            item.put("port", ValuesForm.typed(line.port()));
            item.put("targetPort", ValuesForm.typed(line.targetPort()));
            if (line.protocol() != null && !line.protocol().isBlank()) {
                item.put("protocol", line.protocol().trim());
            }
            items.add(item);
        }
        edit(doc -> items.isEmpty() ? doc.remove("service.ports") : doc.set("service.ports", items));
    }

    /** Sets or, with an empty value, removes one annotation of the gateway Service. */
    public void setAnnotation(String key, String value) {
        if (key == null || key.isBlank()) {
            return;
        }
        ValuesPath path = ValuesPath.of("service", "annotations", key.trim());
        edit(doc -> value == null || value.isEmpty() ? doc.remove(path) : doc.set(path, value));
    }

    /**
     * Applies a health-check choice. When the text sets health-check annotations twice (two choices mixed by
     * hand), their lines are dropped first and the choice writes its own set.
     */
    private void chooseHealthCheck(HealthCheck choice) {
        String current = text.get();
        try {
            ValuesDocument.parse(current);
        } catch (ValuesException e) {
            String cleaned = current.lines().filter(line -> !line.contains("aws-load-balancer-healthcheck-"))
                    .collect(java.util.stream.Collectors.joining("\n", "", current.endsWith("\n") ? "\n" : ""));
            text.set(cleaned);
        }
        edit(GatewayPresets.healthCheck(choice));
    }

    /** Applies the AWS NLB preset to the values (gateway releases). */
    public void applyAwsNlb(AwsNlbOptions options) {
        edit(GatewayPresets.awsNlb(options));
    }

    /** The plan changed from elsewhere (e.g. a workspace was opened): show its values if they differ. */
    void planChanged(String values) {
        if (!values.equals(text.get())) {
            text.set(values);
            refreshForm(values);
            validate(values);
        }
    }

    void profileChanged(Profile newProfile) {
        profile = newProfile;
        validate(text.get());
    }

    private void edit(UnaryOperator<ValuesDocument> change) {
        ValuesDocument doc;
        try {
            doc = ValuesDocument.parse(text.get());
        } catch (ValuesException e) {
            formError.set("Fix the YAML first (line " + e.line() + "): " + e.getMessage());
            refreshForm(text.get());
            return;
        }
        try {
            String edited = change.apply(doc).text();
            formError.set("");
            text.set(edited);
            refreshForm(edited);
            publish.accept(edited);
            validate(edited);
        } catch (ValuesException | IllegalArgumentException e) {
            formError.set(e.getMessage());
        }
    }

    private void validate(String candidate) {
        long mine = ++generation;
        Profile current = profile;
        Callable<Optional<String>> helm = schemaCheck.apply(candidate);
        Callable<ValuesSchema> chartSchema = schema.get();
        Job.of("Checking " + releaseName + " values", () -> {
            List<ValuesProblem> found = new ArrayList<>(new ValuesValidator().validate(component, candidate, current,
                    chartSchema.call()));
            if (found.stream().noneMatch(p -> p.severity() == ValuesProblem.Severity.ERROR)) {
                helm.call().ifPresent(message -> found.add(new ValuesProblem(
                        ValuesProblem.Severity.ERROR, HelmMessages.lineOf(message, candidate), 1, "",
                        "Helm: " + message, "")));
            }
            return found;
        }).onSuccess(found -> {
            if (mine != generation) {
                return;
            }
            problems.setAll(found);
            if (found.stream().noneMatch(p -> p.severity() == ValuesProblem.Severity.ERROR)) {
                refreshForm(candidate);
            }
        }).runWith(jobs);
    }

    private void refreshForm(String source) {
        ValuesDocument doc;
        try {
            doc = ValuesDocument.parse(source);
        } catch (ValuesException e) {
            return;
        }
        refreshing = true;
        try {
            for (Field field : fields) {
                field.value().set(doc.get(field.path()).map(String::valueOf).orElse(""));
            }
            if (component == Component.GATEWAY) {
                healthCheck.set(GatewayPresets.current(doc).orElse(null));
                ports.setAll(ValuesForm.portsOf(doc));
                annotations.setAll(ValuesForm.annotationsOf(doc));
            }
        } finally {
            refreshing = false;
        }
    }

    /** The gateway Service's ports in the file; empty when the chart's own ports apply. */
    public ObservableList<PortLine> ports() {
        return ports;
    }

    public ObservableList<Annotation> annotations() {
        return annotations;
    }

    /** Problems by line (1-based) for the editor's markers. */
    public Map<Integer, String> problemsByLine() {
        Map<Integer, String> byLine = new LinkedHashMap<>();
        for (ValuesProblem problem : problems) {
            byLine.merge(Math.max(1, problem.line()), problem.message()
                    + (problem.fix().isBlank() ? "" : " — " + problem.fix()), (a, b) -> a + "\n" + b);
        }
        return byLine;
    }

    public String releaseName() {
        return releaseName;
    }

    public Component component() {
        return component;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<ValuesProblem> problems() {
        return problems;
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public List<Field> fields() {
        return fields;
    }

    public Optional<Field> field(String path) {
        return fields.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    public ObjectProperty<HealthCheck> healthCheckProperty() {
        return healthCheck;
    }
}
