package dev.meshwizard.diff;

import java.util.Objects;

/**
 * One line of a unified diff.
 *
 * @param kind what the line is
 * @param text the line without a {@code +}/{@code -}/space prefix; for a {@link Kind#HUNK} the
 *             {@code @@ -a,b +c,d @@} marker
 */
public record DiffLine(Kind kind, String text) {

    /** What a diff line is. */
    public enum Kind {
        /** Only in the new text. */
        ADDED,
        /** Only in the old text. */
        REMOVED,
        /** In both, shown around a change. */
        CONTEXT,
        /** Start of a hunk: {@code @@ -oldStart,oldCount +newStart,newCount @@}. */
        HUNK
    }

    public DiffLine {
        Objects.requireNonNull(kind);
        text = Objects.requireNonNullElse(text, "");
    }

    /** The line as {@code diff -u} prints it: {@code +text}, {@code -text}, {@code  text} or the hunk marker. */
    public String unified() {
        return switch (kind) {
            case ADDED -> "+" + text;
            case REMOVED -> "-" + text;
            case CONTEXT -> " " + text;
            case HUNK -> text;
        };
    }
}
