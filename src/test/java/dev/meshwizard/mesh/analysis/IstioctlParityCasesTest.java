package dev.meshwizard.mesh.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.samples.ManifestFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our own cases, modelled on the situations Istio's analyzer tests cover: each file of
 * {@code src/test/resources/analysis-cases} lists the istioctl messages we expect for it ({@code # expect: IST0101
 * VirtualService ns/name}, or {@code # expect: none}), and the analysis of the file alone (offline, as
 * {@code mesh-wizard analyze FILE}) must report exactly those istioctl codes on exactly those objects: what
 * triggers is found, and what must not trigger is not.
 */
class IstioctlParityCasesTest {

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCaseGetsExactlyTheIstioctlMessagesItExpects(String name) throws Exception {
        Path file = directory().resolve(name);

        Set<String> reported = reported(file);

        assertThat(reported).as(name).containsExactlyInAnyOrderElementsOf(expected(file));
    }

    @Test
    void overAllCasesRecallAndPrecisionOnIstioctlsCodesAreMeasuredAndMeetTheGoal() throws Exception {
        int expectedCount = 0;
        int reportedCount = 0;
        int found = 0;
        for (String name : cases().toList()) {
            Path file = directory().resolve(name);
            Set<String> expected = expected(file);
            Set<String> reported = reported(file);
            expectedCount += expected.size();
            reportedCount += reported.size();
            found += (int) reported.stream().filter(expected::contains).count();
        }
        double recall = (double) found / expectedCount;
        double precision = (double) found / reportedCount;
        System.err.printf("istioctl parity cases: %d expected, %d reported, %d in both: recall %.1f %%, "
                + "precision %.1f %%%n", expectedCount, reportedCount, found, 100 * recall, 100 * precision);

        assertThat(expectedCount).isGreaterThanOrEqualTo(40);
        assertThat(recall).isGreaterThanOrEqualTo(0.9);
        assertThat(precision).isGreaterThanOrEqualTo(0.95);
    }

    private static Path directory() throws URISyntaxException {
        return Path.of(IstioctlParityCasesTest.class.getResource("/analysis-cases").toURI());
    }

    private static Set<String> expected(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> l.startsWith("# expect: "))
                .map(l -> l.substring("# expect: ".length()).trim()).filter(l -> !"none".equals(l))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> reported(Path file) throws Exception {
        List<Finding> findings = new Analyzer().analyze(MeshSnapshot.offline(ManifestFile.load(file)));
        Set<String> reported = new HashSet<>();
        for (Finding finding : findings) {
            if (finding.istio() == IstioMessage.NONE) {
                continue;
            }
            ObjectRef object = finding.object();
            reported.add(finding.istioCode() + " " + object.kind() + " "
                    + (object.namespace().isEmpty() ? "" : object.namespace() + "/") + object.name());
        }
        return new TreeSet<>(reported);
    }
}
