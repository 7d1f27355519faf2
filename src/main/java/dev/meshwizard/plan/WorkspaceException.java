package dev.meshwizard.plan;

import java.io.IOException;
import java.nio.file.Path;

/** A workspace file that cannot be read as a plan, with the file, line and field at fault. */
public class WorkspaceException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String field;

    /**
     * @param file    the file at fault
     * @param line    1-based line in it, 0 when the problem has no line
     * @param field   the field at fault, e.g. {@code releases[1].component}; "" for the whole file
     * @param problem what is wrong
     */
    public WorkspaceException(Path file, int line, String field, String problem) {
        super(describe(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field == null ? "" : field;
    }

    private static String describe(Path file, int line, String field, String problem) {
        StringBuilder out = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            out.append(", line ").append(line);
        }
        if (field != null && !field.isEmpty()) {
            out.append(", ").append(field);
        }
        return out.append(": ").append(problem).toString();
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** The 1-based line, 0 when the problem has no line. */
    public int line() {
        return line;
    }

    /** The field at fault, "" for the whole file. */
    public String field() {
        return field;
    }
}
