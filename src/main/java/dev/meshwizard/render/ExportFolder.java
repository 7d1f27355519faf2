package dev.meshwizard.render;

import dev.meshwizard.plan.AtomicFiles;
import dev.meshwizard.plan.OverwriteRefusedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an export's files into its folder without destroying anything the user made there. The folder keeps a
 * manifest ({@value #MANIFEST}) of the files Mesh Wizard wrote with their SHA-256; a later export replaces only
 * those, and only while unchanged. A file the user added or edited, or a folder of theirs, makes it refuse, unless
 * forced; even then files that are not the export's own are never deleted. A new folder is written complete under a
 * temporary name and renamed into place; in an existing one each file is replaced atomically, and the manifest
 * accepts old and new content while that happens, so an interrupted export is not mistaken for user edits.
 */
final class ExportFolder {

    /** The manifest of the files an export wrote, inside the export folder. */
    static final String MANIFEST = ".mesh-wizard-export";

    private static final Logger LOG = LoggerFactory.getLogger(ExportFolder.class);
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> SCRIPT = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final String HEADER = """
            # The files Mesh Wizard wrote into this export, with their SHA-256 (check with: sha256sum -c %s).
            # A later export replaces only these, and only while unchanged. Delete this file to keep the folder.
            """.formatted(MANIFEST);

    /** One file of an export: its bytes, and whether it is a script to run. */
    record Content(byte[] bytes, boolean executable) {

        static Content text(String text) {
            return new Content(text.getBytes(StandardCharsets.UTF_8), false);
        }

        static Content script(String text) {
            return new Content(text.getBytes(StandardCharsets.UTF_8), true);
        }
    }

    private ExportFolder() {
    }

    /**
     * Writes {@code files} (relative path with {@code /} to content) into {@code target}.
     *
     * @param force replace exported files the user changed and write next to files the user added
     * @throws OverwriteRefusedException when the folder holds files or folders that are not an earlier export's
     *                                   own and unchanged, and {@code force} is off; nothing is written then
     * @throws FileAlreadyExistsException when the target is a file
     */
    static void write(Path target, Map<String, Content> files, boolean force) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null, "a file of that name exists");
        }
        for (String path : files.keySet()) {
            Path resolved = target.resolve(path).normalize();
            if (!resolved.startsWith(target) || resolved.equals(target) || path.equals(MANIFEST)) {
                throw new IllegalArgumentException("Not a file name inside the export: " + path);
            }
        }
        Map<String, String> hashes = new TreeMap<>();
        files.forEach((path, content) -> hashes.put(path, sha256(content.bytes())));
        if (!Files.exists(target)) {
            writeNew(target, files, hashes);
            return;
        }
        Map<String, Set<String>> previous = readManifest(target);
        Map<String, String> ours = new TreeMap<>();
        List<String> conflicts = new ArrayList<>();
        inventory(target, previous, ours, conflicts);
        if (!conflicts.isEmpty() && !force) {
            throw new OverwriteRefusedException(target, conflicts, "the folder holds files that an earlier export"
                    + " did not write or that were changed since; nothing was written (--force replaces the"
                    + " exported files and leaves the others)");
        }
        Map<String, Set<String>> during = new TreeMap<>();
        ours.forEach((path, hash) -> during.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(hash));
        hashes.forEach((path, hash) -> during.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(hash));
        writeManifest(target, during);
        for (Map.Entry<String, Content> file : files.entrySet()) {
            writeFile(target, file.getKey(), file.getValue());
        }
        for (String stale : ours.keySet()) {
            if (!files.containsKey(stale)) {
                Files.deleteIfExists(target.resolve(stale));
                deleteEmptyParents(target, target.resolve(stale).getParent());
            }
        }
        Map<String, Set<String>> done = new TreeMap<>();
        hashes.forEach((path, hash) -> done.put(path, Set.of(hash)));
        writeManifest(target, done);
    }

    private static void writeNew(Path target, Map<String, Content> files, Map<String, String> hashes)
            throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".export-");
        try {
            AtomicFiles.setPermissions(staging, FOLDER);
            for (Map.Entry<String, Content> file : files.entrySet()) {
                writeFile(staging, file.getKey(), file.getValue());
            }
            Map<String, Set<String>> manifest = new TreeMap<>();
            hashes.forEach((path, hash) -> manifest.put(path, Set.of(hash)));
            writeManifest(staging, manifest);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    private static void writeFile(Path folder, String relative, Content content) throws IOException {
        Path file = folder.resolve(relative);
        createFolders(folder, file.getParent());
        AtomicFiles.write(file, content.bytes(), content.executable() ? SCRIPT : FILE);
    }

    private static void createFolders(Path root, Path folder) throws IOException {
        if (folder.equals(root) || Files.isDirectory(folder)) {
            return;
        }
        createFolders(root, folder.getParent());
        Files.createDirectory(folder);
        AtomicFiles.setPermissions(folder, FOLDER);
    }

    /** Sorts what is in the folder into the earlier export's unchanged files and everything else. */
    private static void inventory(Path target, Map<String, Set<String>> previous, Map<String, String> ours,
                                  List<String> conflicts) throws IOException {
        Files.walkFileTree(target, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (dir.equals(target)) {
                    return FileVisitResult.CONTINUE;
                }
                String prefix = relative(target, dir) + "/";
                if (previous.keySet().stream().noneMatch(path -> path.startsWith(prefix))) {
                    conflicts.add(prefix);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String path = relative(target, file);
                if (path.equals(MANIFEST)) {
                    return FileVisitResult.CONTINUE;
                }
                Set<String> known = previous.get(path);
                if (attributes.isRegularFile() && known != null) {
                    String hash = sha256(Files.readAllBytes(file));
                    if (known.contains(hash)) {
                        ours.put(path, hash);
                        return FileVisitResult.CONTINUE;
                    }
                }
                conflicts.add(path);
                return FileVisitResult.CONTINUE;
            }
        });
        conflicts.sort(Comparator.naturalOrder());
    }

    /** The manifest's entries, path to the hashes it accepts; empty when there is none or it cannot be read. */
    static Map<String, Set<String>> readManifest(Path folder) throws IOException {
        Path file = folder.resolve(MANIFEST);
        Map<String, Set<String>> entries = new LinkedHashMap<>();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.filter(line -> !line.startsWith("#") && line.length() > 66 && line.startsWith("  ", 64))
                    .forEach(line -> entries.computeIfAbsent(line.substring(66), p -> new LinkedHashSet<>())
                            .add(line.substring(0, 64)));
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("Cannot read {}: {}", file, e.getMessage());
        }
        return entries;
    }

    private static void writeManifest(Path folder, Map<String, Set<String>> entries) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        entries.forEach((path, hashes) -> hashes.forEach(hash -> text.append(hash).append("  ").append(path)
                .append('\n')));
        AtomicFiles.write(folder.resolve(MANIFEST), text.toString().getBytes(StandardCharsets.UTF_8), FILE);
    }

    private static void deleteEmptyParents(Path root, Path folder) throws IOException {
        Path current = folder;
        while (current != null && !current.equals(root) && current.startsWith(root)) {
            try (Stream<Path> entries = Files.list(current)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(current);
            current = current.getParent();
        }
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", root, e.getMessage());
        }
    }
}
