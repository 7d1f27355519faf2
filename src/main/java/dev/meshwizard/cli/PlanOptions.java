package dev.meshwizard.cli;

import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.charts.ChartSourceException;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.plan.KubeNames;
import dev.meshwizard.plan.Plans;
import dev.meshwizard.plan.Profile;
import dev.meshwizard.plan.SetItems;
import dev.meshwizard.plan.ValuesProblem;
import dev.meshwizard.plan.ValuesSchema;
import dev.meshwizard.plan.ValuesValidator;
import dev.meshwizard.plan.Workspace;
import dev.meshwizard.plan.YamlText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options that describe an install plan on the command line, shared by {@code render} and {@code install}:
 * where the charts are, profile, platform, revision, values files and {@code --set} items, or a workspace.
 */
final class PlanOptions {

    @ArgGroup(exclusive = true)
    private Source source;

    @Option(names = "--version", paramLabel = "V", description = "Chart version in the Helm repository.")
    private String version;

    @Option(names = "--profile", paramLabel = "P", description = "Istio profile (default: ${DEFAULT-VALUE}).",
            defaultValue = "default")
    private String profile;

    @Option(names = "--platform", paramLabel = "X", description = "gke, k3d, k3s, microk8s, minikube, openshift.")
    private String platform;

    @Option(names = "--revision", paramLabel = "R", description = "Istio revision, e.g. 1-30-3.")
    private String revision;

    @Option(names = "--values", paramLabel = "RELEASE=FILE", description = "A values file for a release.")
    private Map<String, Path> valuesFiles = new TreeMap<>();

    @Option(names = "--set", paramLabel = "RELEASE.key=value", description = "One value for a release.")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--workspace", paramLabel = "DIR", description = "Start from the plan saved in a workspace.")
    private Path workspace;

    /** Exactly one way to get charts. */
    static final class Source {
        @Option(names = "--istio-dir", paramLabel = "DIR", description = "An Istio release folder (istio-1.x.y).")
        Path istioDir;

        @Option(names = "--charts", paramLabel = "DIR", description = "A folder of chart archives or folders.")
        Path chartsDir;

        @Option(names = "--repo", paramLabel = "URL", description = "A Helm repository, with --version.")
        String repo;
    }

    /** Release names after the revision renamed istiod, to the names --values used. */
    private final Map<String, String> namedBefore = new HashMap<>();

    /** Builds the plan, or says what to fix (naming the option, file, line or key). */
    InstallPlan plan() throws BadInput {
        Optional<String> badRevision = revision == null ? Optional.empty() : KubeNames.revisionProblem(revision);
        if (badRevision.isPresent()) {
            throw new BadInput("--revision " + revision + ": " + badRevision.get());
        }
        Optional<String> badPlatform = platform == null ? Optional.empty() : Plans.platformProblem(platform);
        if (badPlatform.isPresent()) {
            throw new BadInput("--platform " + platform + ": " + badPlatform.get());
        }
        InstallPlan plan = basePlan();
        List<String> problems = new ArrayList<>(Plans.problems(plan));
        Profile chosen = Profile.byId(plan.profile()).orElseThrow();
        ValuesValidator validator = new ValuesValidator();
        for (ChartRelease release : plan.releases()) {
            for (ValuesProblem problem : validator.validate(release.component(), release.valuesYaml(), chosen)) {
                if (problem.severity() == ValuesProblem.Severity.ERROR) {
                    problems.add(located(release, problem));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInput(String.join(System.lineSeparator(), problems));
        }
        return plan;
    }

    /**
     * Checks each release's values against its chart's {@code values.schema.json} (unknown keys, wrong types),
     * naming file, line, column and key path; Helm checks again when it renders.
     *
     * @throws BadInput listing every value a schema rejects
     * @throws ChartSourceException when a chart or its schema cannot be read
     */
    void checkSchemas(InstallPlan plan, ChartSource charts) throws BadInput, ChartSourceException {
        List<String> problems = new ArrayList<>();
        Map<Component, Optional<ValuesSchema>> schemas = new EnumMap<>(Component.class);
        for (ChartRelease release : plan.releases()) {
            Optional<ValuesSchema> schema = schemas.get(release.component());
            if (schema == null) {
                Optional<String> text = charts.valuesSchema(release.component());
                try {
                    schema = text.map(ValuesSchema::parse);
                } catch (IllegalArgumentException e) {
                    throw new ChartSourceException("the " + release.component().chartName() + " chart's "
                            + e.getMessage(), e);
                }
                schemas.put(release.component(), schema);
            }
            if (schema.isPresent()) {
                for (ValuesProblem problem : schema.get().check(release.valuesYaml())) {
                    problems.add(located(release, problem));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInput(String.join(System.lineSeparator(), problems));
        }
    }

    private String located(ChartRelease release, ValuesProblem problem) {
        return valuesName(release) + ":" + problem.line() + ":" + problem.column() + ": " + problem.message()
                + (problem.fix().isBlank() ? "" : " (" + problem.fix() + ")");
    }

    private String valuesName(ChartRelease release) {
        Path file = valuesFiles.get(namedBefore.getOrDefault(release.name(), release.name()));
        return file != null ? file.toString() : "values/" + release.name() + ".yaml";
    }

    private InstallPlan basePlan() throws BadInput {
        InstallPlan plan;
        if (workspace != null) {
            try {
                plan = Workspace.open(workspace).load();
            } catch (Exception e) {
                throw new BadInput(e.getMessage());
            }
            if (source != null) {
                plan = new InstallPlan(plan.profile(), plan.platform(), plan.revision(), plan.istioVersion(),
                        sourceSpec(), plan.releases());
            }
        } else {
            Profile chosen = Profile.byId(profile).orElseThrow(() -> new BadInput("unknown profile \"" + profile
                    + "\" (known: " + java.util.Arrays.stream(Profile.values()).map(Profile::id)
                    .collect(Collectors.joining(", ")) + ")"));
            if (source == null) {
                throw new BadInput("say where the charts are: --istio-dir DIR, --charts DIR, or --repo URL --version V");
            }
            ChartSourceSpec spec = sourceSpec();
            plan = Plans.forProfile(chosen, spec, version == null ? "" : version);
        }
        if (platform != null) {
            plan = new InstallPlan(plan.profile(), platform, plan.revision(), plan.istioVersion(), plan.source(),
                    plan.releases());
        }
        // --values and --set name the releases as the plan had them; the revision then renames istiod
        InstallPlan withValues = applySets(applyValues(plan));
        if (revision == null) {
            return withValues;
        }
        InstallPlan revised = withValues.withRevision(revision);
        for (int i = 0; i < revised.releases().size(); i++) {
            namedBefore.put(revised.releases().get(i).name(), withValues.releases().get(i).name());
        }
        return revised;
    }

    private ChartSourceSpec sourceSpec() throws BadInput {
        if (source.istioDir != null) {
            return ChartSourceSpec.istioRelease(existingFolder(source.istioDir, "--istio-dir"));
        }
        if (source.chartsDir != null) {
            return ChartSourceSpec.chartsFolder(existingFolder(source.chartsDir, "--charts"));
        }
        if (version == null || version.isBlank()) {
            throw new BadInput("--repo needs --version (the chart version, e.g. 1.30.3)");
        }
        return ChartSourceSpec.helmRepo(source.repo, version);
    }

    private static Path existingFolder(Path folder, String option) throws BadInput {
        if (!Files.isDirectory(folder)) {
            throw new BadInput(option + " " + folder + ": no such folder");
        }
        return folder;
    }

    private InstallPlan applyValues(InstallPlan plan) throws BadInput {
        List<ChartRelease> releases = new ArrayList<>(plan.releases());
        for (Map.Entry<String, Path> entry : valuesFiles.entrySet()) {
            int index = indexOf(releases, entry.getKey(), "--values " + entry.getKey() + "=" + entry.getValue());
            try {
                releases.set(index, releases.get(index).withValues(YamlText.read(entry.getValue())));
            } catch (IOException e) {
                throw new BadInput("--values " + entry.getKey() + "=" + entry.getValue() + ": " + e.getMessage());
            }
        }
        return plan.withReleases(releases);
    }

    private InstallPlan applySets(InstallPlan plan) throws BadInput {
        List<ChartRelease> releases = new ArrayList<>(plan.releases());
        for (String set : sets) {
            int dot = set.indexOf('.');
            int equals = set.indexOf('=');
            if (dot <= 0 || equals < dot + 2) {
                throw new BadInput("--set " + set + ": expected RELEASE.key=value, e.g. istiod.pilot.traceSampling=10");
            }
            int index = indexOf(releases, set.substring(0, dot), "--set " + set);
            Optional<String> syntax = SetItems.problem(set.substring(dot + 1));
            if (syntax.isPresent()) {
                throw new BadInput("--set " + set + ": " + syntax.get());
            }
            ChartRelease release = releases.get(index);
            List<String> newSets = new ArrayList<>(release.sets());
            newSets.add(set.substring(dot + 1));
            releases.set(index, new ChartRelease(release.name(), release.namespace(), release.component(),
                    release.valuesYaml(), newSets));
        }
        return plan.withReleases(releases);
    }

    private static int indexOf(List<ChartRelease> releases, String name, String where) throws BadInput {
        for (int i = 0; i < releases.size(); i++) {
            if (releases.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new BadInput(where + ": the plan has no release \"" + name + "\" (releases: "
                + releases.stream().map(ChartRelease::name).collect(Collectors.joining(", ")) + ")");
    }

    /** Input the user must fix; the message names the option, file, line or key. */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }
}
