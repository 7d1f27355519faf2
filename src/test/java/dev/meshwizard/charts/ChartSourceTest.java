package dev.meshwizard.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Component;
import dev.meshwizard.testing.TestChartRepo;
import dev.meshwizard.testing.TestCharts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartSourceTest {

    @TempDir
    Path temp;

    @Nested
    class IstioReleaseFolder {

        @Test
        void eachChartComesFromManifestsChartsAndTheVersionFromTheFolderName() throws Exception {
            Path release = TestCharts.istioReleaseFolder(temp);

            ChartSource source = ChartSource.open(ChartSourceSpec.istioRelease(release), temp.resolve("cache"));

            assertThat(source.version()).isEqualTo("1.30.3");
            assertThat(source.chart(Component.ISTIOD))
                    .isEqualTo(release.resolve("manifests/charts/istio-control/istio-discovery"));
            assertThat(source.chart(Component.CNI)).isEqualTo(release.resolve("manifests/charts/istio-cni"));
            assertThat(source.chartVersion(Component.GATEWAY)).isEqualTo("1.30.3");
        }

        @Test
        void aRenamedReleaseFolderTakesTheVersionFromTheCharts() throws Exception {
            Path release = TestCharts.istioReleaseFolder(temp);
            Path renamed = Files.move(release, temp.resolve("istio-latest"));

            ChartSource source = ChartSource.open(ChartSourceSpec.istioRelease(renamed), temp.resolve("cache"));

            assertThat(source.version()).isEqualTo("1.30.3");
        }

        @Test
        void aFolderWithoutManifestsChartsIsNotAnIstioReleaseFolder() throws IOException {
            Path folder = Files.createDirectories(temp.resolve("istio-1.30.3"));

            assertThatThrownBy(() -> ChartSource.open(ChartSourceSpec.istioRelease(folder), temp))
                    .isInstanceOf(ChartSourceException.class)
                    .hasMessageContaining("is not an Istio release folder")
                    .hasMessageContaining("manifests/charts");
        }

        @Test
        void aMissingChartInTheReleaseFolderNamesItsPath() throws Exception {
            Path release = TestCharts.istioReleaseFolder(temp);
            deleteTree(release.resolve("manifests/charts/ztunnel"));
            ChartSource source = ChartSource.open(ChartSourceSpec.istioRelease(release), temp.resolve("cache"));

            assertThatThrownBy(() -> source.chart(Component.ZTUNNEL))
                    .isInstanceOf(ChartSourceException.class)
                    .hasMessageContaining("no ztunnel chart at manifests/charts/ztunnel");
        }
    }

    @Nested
    class ChartsFolder {

        @Test
        void chartsAreFoundByTheNameInChartYamlAmongFoldersAndArchives() throws Exception {
            Path folder = temp.resolve("charts");
            TestCharts.copyTree(TestCharts.chart(Component.ISTIOD), folder.resolve("istio-discovery"));
            TestCharts.copyTree(TestCharts.chart(Component.BASE), folder.resolve("crds-and-base"));
            Path gateway = TestCharts.packageChart(Component.GATEWAY, folder);
            Files.writeString(folder.resolve("notes.txt"), "not a chart");

            ChartSource source = ChartSource.open(ChartSourceSpec.chartsFolder(folder), temp.resolve("cache"));

            assertThat(source.chart(Component.ISTIOD)).isEqualTo(folder.resolve("istio-discovery"));
            assertThat(source.chart(Component.BASE)).isEqualTo(folder.resolve("crds-and-base"));
            assertThat(source.chart(Component.GATEWAY)).isEqualTo(gateway);
            assertThat(source.chartVersion(Component.GATEWAY)).isEqualTo("1.30.3");
            assertThat(source.version()).isEqualTo("1.30.3");
        }

        @Test
        void aChartThatIsNotThereIsReportedWithTheChartsThatAre() throws Exception {
            Path folder = TestCharts.archivesFolder(temp.resolve("archives"));
            Files.delete(folder.resolve("cni-1.30.3.tgz"));
            ChartSource source = ChartSource.open(ChartSourceSpec.chartsFolder(folder), temp.resolve("cache"));

            assertThatThrownBy(() -> source.chart(Component.CNI))
                    .isInstanceOf(ChartSourceException.class)
                    .hasMessageContaining("no chart named cni")
                    .hasMessageContaining("base, gateway, istiod, ztunnel");
        }

        @Test
        void twoChartsOfTheSameNameAreReportedRatherThanGuessed() throws Exception {
            Path folder = temp.resolve("charts");
            TestCharts.copyTree(TestCharts.chart(Component.ISTIOD), folder.resolve("istiod"));
            TestCharts.packageChart(Component.ISTIOD, folder);
            ChartSource source = ChartSource.open(ChartSourceSpec.chartsFolder(folder), temp.resolve("cache"));

            assertThatThrownBy(() -> source.chart(Component.ISTIOD))
                    .isInstanceOf(ChartSourceException.class)
                    .hasMessageContaining("several charts named istiod (istiod, istiod-1.30.3.tgz)");
        }

        @Test
        void aFolderWithoutChartsIsRejectedWhenOpened() throws IOException {
            Path folder = Files.createDirectories(temp.resolve("empty"));

            assertThatThrownBy(() -> ChartSource.open(ChartSourceSpec.chartsFolder(folder), temp))
                    .isInstanceOf(ChartSourceException.class)
                    .hasMessageContaining("holds no charts");
        }
    }

    @Nested
    class HelmRepository {

        @Test
        void aChartIsDownloadedOnceIntoTheCacheAndThenReadWithoutTheNetwork() throws Exception {
            Path cache = temp.resolve("cache");
            String url;
            try (TestChartRepo repo = TestChartRepo.start(temp.resolve("served"))) {
                url = repo.url();
                ChartSource source = ChartSource.open(ChartSourceSpec.helmRepo(url, "1.30.3"), cache);

                Path istiod = source.chart(Component.ISTIOD);
                Path gateway = source.chart(Component.GATEWAY);

                assertThat(istiod).isEqualTo(HelmRepoCharts.cacheFolder(cache, URI.create(url), "1.30.3")
                        .resolve("istiod-1.30.3.tgz")).isRegularFile();
                assertThat(istiod.getParent().getParent().getFileName().toString()).startsWith("127.0.0.1_");
                assertThat(gateway).isRegularFile();
                assertThat(repo.requests()).containsExactly("/charts/index.yaml", "/charts/istiod-1.30.3.tgz",
                        "/charts/gateway-1.30.3.tgz");
            }

            ChartSource offline = ChartSource.open(ChartSourceSpec.helmRepo(url, "1.30.3"), cache);

            assertThat(offline.chart(Component.ISTIOD)).isRegularFile();
            assertThat(offline.version()).isEqualTo("1.30.3");
        }

        @Test
        void aVersionTheRepositoryDoesNotHaveIsReportedWithTheVersionsItHas() throws Exception {
            try (TestChartRepo repo = TestChartRepo.start(temp.resolve("served"))) {
                ChartSource source = ChartSource.open(ChartSourceSpec.helmRepo(repo.url(), "1.31.0"),
                        temp.resolve("cache"));

                assertThatThrownBy(() -> source.chart(Component.BASE))
                        .isInstanceOf(ChartSourceException.class)
                        .hasMessageContaining("has no base chart at version 1.31.0; it has 1.30.3, 1.29.0");
            }
        }

        @Test
        void withoutNetworkAndWithoutACachedCopyTheMessageOffersTheLocalSources() throws Exception {
            String url = TestChartRepo.closedPortUrl();
            ChartSource source = ChartSource.open(ChartSourceSpec.helmRepo(url, "1.30.3"), temp.resolve("cache"));

            assertThatThrownBy(() -> source.chart(Component.ISTIOD))
                    .isInstanceOf(ChartSourceException.class)
                    .hasMessageContaining("Cannot download the istiod chart 1.30.3 from " + url)
                    .hasMessageContaining("there is no copy of it in " + temp.resolve("cache"))
                    .hasMessageContaining("an Istio release folder (istio-1.30.3/")
                    .hasMessageContaining("a folder of chart archives (.tgz)");
        }

        @Test
        void aPrefilledCacheIsUsedWithoutTheNetwork() throws Exception {
            String url = TestChartRepo.closedPortUrl();
            Path cache = temp.resolve("cache");
            Path cached = TestCharts.packageChart(Component.BASE,
                    HelmRepoCharts.cacheFolder(cache, URI.create(url), "1.30.3"));

            ChartSource source = ChartSource.open(ChartSourceSpec.helmRepo(url, "1.30.3"), cache);

            assertThat(source.chart(Component.BASE)).isEqualTo(cached);
            assertThat(source.chartVersion(Component.BASE)).isEqualTo("1.30.3");
        }

        @Test
        void aUrlThatIsNotHttpIsRejectedWhenOpened() {
            assertThatThrownBy(() -> ChartSource.open(ChartSourceSpec.helmRepo("oci://ghcr.io/istio", "1.30.3"),
                    temp))
                    .isInstanceOf(ChartSourceException.class)
                    .hasMessageContaining("starts with https:// or http://");
        }
    }

    @Test
    void theCacheFolderFollowsTheSystemProperty() {
        String previous = System.getProperty(ChartSource.CACHE_DIR_PROPERTY);
        try {
            System.setProperty(ChartSource.CACHE_DIR_PROPERTY, temp.resolve("elsewhere").toString());

            assertThat(ChartSource.defaultCacheDir()).isEqualTo(temp.resolve("elsewhere"));
        } finally {
            if (previous == null) {
                System.clearProperty(ChartSource.CACHE_DIR_PROPERTY);
            } else {
                System.setProperty(ChartSource.CACHE_DIR_PROPERTY, previous);
            }
        }
    }

    @Test
    void withoutTheSystemPropertyTheCacheIsUnderTheUsersCacheFolder() {
        String previous = System.getProperty(ChartSource.CACHE_DIR_PROPERTY);
        try {
            System.clearProperty(ChartSource.CACHE_DIR_PROPERTY);

            assertThat(ChartSource.defaultCacheDir().toString()).endsWith("/mesh-wizard/charts");
        } finally {
            if (previous != null) {
                System.setProperty(ChartSource.CACHE_DIR_PROPERTY, previous);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void theValuesSchemaIsReadFromAChartFolderAndFromAChartArchiveAlike() throws Exception {
        // Given
        Path archives = TestCharts.archivesFolder(temp.resolve("archives"));
        String expected = Files.readString(TestCharts.chart(Component.GATEWAY).resolve("values.schema.json"));

        // When
        ChartSource folder = ChartSource.open(ChartSourceSpec.chartsFolder(TestCharts.chartsFolder()));
        ChartSource packed = ChartSource.open(ChartSourceSpec.chartsFolder(archives));

        // Then
        assertThat(folder.valuesSchema(Component.GATEWAY)).contains(expected);
        assertThat(packed.chart(Component.GATEWAY).toString()).endsWith(".tgz");
        assertThat(packed.valuesSchema(Component.GATEWAY)).contains(expected);
        assertThat(packed.valuesSchema(Component.ISTIOD)).isEmpty();
    }
}
