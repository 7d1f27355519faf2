package dev.meshwizard.mesh;

import java.util.List;
import java.util.stream.Collectors;

/** A form that cannot be written into its document: its {@link #problems()} say which fields and why. */
public final class RoutingFormException extends IllegalArgumentException {

    private final transient List<FormProblem> problems;

    RoutingFormException(List<FormProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** The problems, one a field. */
    public List<FormProblem> problems() {
        return problems;
    }
}
