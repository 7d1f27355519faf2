package dev.meshwizard.plan;

/**
 * A values text that cannot be read or edited: a YAML syntax error, a key set twice, a document that is not a
 * mapping, or an edit through a path that does not fit the document (e.g. a key below a plain value).
 */
public class ValuesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String path;

    /**
     * @param message what is wrong, in words a user understands
     * @param line    1-based line, 0 when unknown
     * @param column  1-based column, 0 when unknown
     * @param path    the values path concerned ("" when none)
     */
    public ValuesException(String message, int line, int column, String path) {
        super(message);
        this.line = line;
        this.column = column;
        this.path = path == null ? "" : path;
    }

    /** The 1-based line of the problem, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem, 0 when unknown. */
    public int column() {
        return column;
    }

    /** The values path concerned, "" when none. */
    public String path() {
        return path;
    }
}
