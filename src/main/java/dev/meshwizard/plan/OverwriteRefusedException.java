package dev.meshwizard.plan;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;

/**
 * A write that would replace or mix with files the user made or changed, refused: Mesh Wizard replaces only files
 * it wrote itself and that are unchanged since, unless told to ({@code --force}, or a confirmation in the window).
 */
public final class OverwriteRefusedException extends FileAlreadyExistsException {

    private final transient Path target;
    private final List<String> conflicts;

    /**
     * @param target    the file or folder written to
     * @param conflicts what is in the way, relative to {@code target} for a folder (a folder ends in {@code /})
     * @param reason    one line saying why these are in the way
     */
    public OverwriteRefusedException(Path target, List<String> conflicts, String reason) {
        super(target.toString(), null, reason);
        this.target = target;
        this.conflicts = List.copyOf(conflicts);
    }

    /** The file or folder written to. */
    public Path target() {
        return target;
    }

    /** What is in the way, relative to the target folder, or the file's own name. */
    public List<String> conflicts() {
        return conflicts;
    }

    @Override
    public String getMessage() {
        return target + ": " + getReason() + ": " + String.join(", ", conflicts);
    }
}
