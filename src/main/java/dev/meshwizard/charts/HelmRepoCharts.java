package dev.meshwizard.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charts of one version from a Helm repository, downloaded once into {@code <cacheDir>/<host>/<version>/} and read
 * from there afterwards without the network. Follows the Helm repository protocol: {@code index.yaml} lists each
 * chart version with the URLs of its archive.
 *
 * <p>helm-java 0.0.21 has no {@code pull}; its {@code dependency update} downloads but keeps repository indexes in
 * the process's working folder, so the two plain HTTP requests are made here and the archive is then read by Helm.
 */
final class HelmRepoCharts {

    private static final Logger LOG = LoggerFactory.getLogger(HelmRepoCharts.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final URI repo;
    private final String version;
    private final Path folder;
    private HttpClient http;
    private JsonNode index;

    HelmRepoCharts(URI repo, String version, Path cacheDir) {
        this.repo = repo;
        this.version = version;
        this.folder = cacheFolder(cacheDir, repo, version);
    }

    /** {@code <cacheDir>/<host>[_<port>]/<version>}. */
    static Path cacheFolder(Path cacheDir, URI repo, String version) {
        String host = repo.getHost().toLowerCase(Locale.ROOT) + (repo.getPort() == -1 ? "" : "_" + repo.getPort());
        return cacheDir.resolve(host).resolve(version);
    }

    Path folder() {
        return folder;
    }

    /** The archive of {@code chartName} at this version: from the cache, or downloaded into it first. */
    Path chart(String chartName) throws ChartSourceException {
        Path cached = folder.resolve(chartName + "-" + version + ".tgz");
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        URI archive = archiveUri(chartName);
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, chartName + "-", ".part");
            try {
                HttpResponse<Path> response = client().send(request(archive),
                        HttpResponse.BodyHandlers.ofFile(partial));
                if (response.statusCode() != 200) {
                    throw new ChartSourceException("The repository " + repo + " answered " + response.statusCode()
                            + " for " + archive);
                }
                Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw unreachable(chartName, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChartSourceException("Download of the " + chartName + " chart was interrupted", e);
        }
        ChartMetadata downloaded = ChartMetadata.read(cached);
        if (!downloaded.name().equals(chartName)) {
            quietlyDelete(cached);
            throw new ChartSourceException(archive + " holds the chart " + downloaded.name() + ", not " + chartName);
        }
        LOG.info("Downloaded chart {} {} from {} into {}", chartName, version, repo, cached);
        return cached;
    }

    private URI archiveUri(String chartName) throws ChartSourceException {
        JsonNode versions = index(chartName).path("entries").path(chartName);
        List<String> known = new ArrayList<>();
        for (JsonNode entry : versions) {
            String entryVersion = entry.path("version").asText("");
            known.add(entryVersion);
            if (entryVersion.equals(version) || entryVersion.equals("v" + version)) {
                String url = entry.path("urls").path(0).asText("");
                if (url.isEmpty()) {
                    throw new ChartSourceException("The repository " + repo + " lists " + chartName + " " + version
                            + " without a download URL");
                }
                return URI.create(withSlash(repo.toString())).resolve(url);
            }
        }
        if (known.isEmpty()) {
            throw new ChartSourceException("The repository " + repo + " has no chart named " + chartName);
        }
        throw new ChartSourceException("The repository " + repo + " has no " + chartName + " chart at version "
                + version + "; it has " + String.join(", ", known.subList(0, Math.min(8, known.size())))
                + (known.size() > 8 ? ", …" : ""));
    }

    private JsonNode index(String chartName) throws ChartSourceException {
        if (index == null) {
            URI uri = URI.create(withSlash(repo.toString()) + "index.yaml");
            try {
                HttpResponse<InputStream> response = client().send(request(uri),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() != 200) {
                        throw new ChartSourceException("The repository " + repo + " answered "
                                + response.statusCode() + " for " + uri + "; is it a Helm chart repository?");
                    }
                    index = new ObjectMapper(new YAMLFactory()).readTree(body);
                }
            } catch (IOException e) {
                throw unreachable(chartName, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChartSourceException("Reading the index of " + repo + " was interrupted", e);
            }
            if (index == null) {
                throw new ChartSourceException("The index of " + repo + " is empty");
            }
        }
        return index;
    }

    private ChartSourceException unreachable(String chartName, IOException e) {
        String reason = e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName() : e.getMessage();
        return new ChartSourceException("Cannot download the " + chartName + " chart " + version + " from " + repo
                + " (" + reason + "), and there is no copy of it in " + folder + ". Without network access, use"
                + " charts on disk instead: an Istio release folder (istio-" + version + "/ from the Istio release"
                + " archive; its charts are under manifests/charts) or a folder of chart archives (.tgz).", e);
    }

    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }
        return http;
    }

    private static HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static void quietlyDelete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", file, e.getMessage());
        }
    }
}
