package dev.meshwizard.mesh;

import dev.meshwizard.plan.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing documents of a workspace, one file each in its {@value #FOLDER} folder ({@code <kind>-<name>.yaml}),
 * kept as written. Each file is written atomically; files of documents no longer in the workspace are deleted.
 */
public final class RoutingStore {

    /** The folder inside the workspace (and inside an export). */
    public static final String FOLDER = "routing";

    private static final Logger LOG = LoggerFactory.getLogger(RoutingStore.class);

    private RoutingStore() {
    }

    /**
     * The documents in a workspace, by file name. A file whose text cannot be read as a routing object is kept
     * with the kind and name its file name gives, so that nothing written is lost.
     *
     * @throws IOException when the folder or a file cannot be read
     */
    public static List<RoutingDocument> load(Path workspace) throws IOException {
        Path folder = workspace.resolve(FOLDER);
        List<RoutingDocument> documents = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return documents;
        }
        for (Path file : yamlFiles(folder)) {
            String text = Files.readString(file);
            try {
                documents.add(RoutingDocuments.read(text));
            } catch (RoutingYamlException e) {
                documents.add(fromFileName(file.getFileName().toString(), text));
            }
        }
        return documents;
    }

    /**
     * Writes the documents and deletes the files of documents that are gone. Unchanged files are not rewritten.
     *
     * @throws IOException when a file cannot be written
     */
    public static void save(Path workspace, List<RoutingDocument> documents) throws IOException {
        Path folder = workspace.resolve(FOLDER);
        Set<String> written = new HashSet<>();
        if (!documents.isEmpty()) {
            Files.createDirectories(folder);
        }
        for (RoutingDocument document : documents) {
            Path file = folder.resolve(document.fileName());
            written.add(document.fileName());
            if (Files.isRegularFile(file) && Files.readString(file).equals(document.yaml())) {
                continue;
            }
            AtomicFiles.write(file, document.yaml());
        }
        if (Files.isDirectory(folder)) {
            for (Path file : yamlFiles(folder)) {
                if (!written.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                    LOG.info("Removed routing document {}", file.getFileName());
                }
            }
        }
    }

    /**
     * The workspace's routing files by file name to their text, for an export.
     *
     * @throws IOException when a file cannot be read
     */
    public static java.util.Map<String, String> files(Path workspace) throws IOException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        Path folder = workspace.resolve(FOLDER);
        if (Files.isDirectory(folder)) {
            for (Path file : yamlFiles(folder)) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }

    private static List<Path> yamlFiles(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".yaml")
                    && !p.getFileName().toString().startsWith(".") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private static RoutingDocument fromFileName(String fileName, String text) {
        String stem = fileName.substring(0, fileName.length() - ".yaml".length());
        for (String kind : RoutingDocuments.KINDS) {
            String prefix = kind.toLowerCase(Locale.ROOT) + "-";
            if (stem.startsWith(prefix)) {
                return new RoutingDocument(kind, "", stem.substring(prefix.length()), text);
            }
        }
        return new RoutingDocument("Document", "", stem, text);
    }
}
