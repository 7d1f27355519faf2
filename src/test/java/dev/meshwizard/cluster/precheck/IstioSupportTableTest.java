package dev.meshwizard.cluster.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.cluster.precheck.PrecheckItem.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The precheck's support table for every Istio minor it claims, against Istio's "Supported Releases" page
 * (supported Kubernetes range; lowest version listed as "tested, but not supported"): the ends of the supported
 * range pass, one minor above warns, a tested-only minor warns and one below the tested ones fails.
 */
class IstioSupportTableTest {

    @Test
    void theTableClaimsEveryIstioMinorFrom122To130() {
        assertThat(IstioSupport.knownIstioMinors()).containsExactly("1.30", "1.29", "1.28", "1.27", "1.26", "1.25",
                "1.24", "1.23", "1.22");
    }

    @ParameterizedTest(name = "Istio 1.{0}: Kubernetes 1.{1} to 1.{2}, tested from 1.{3}")
    @CsvSource({
        "30, 32, 36, 27",
        "29, 31, 35, 26",
        "28, 30, 34, 25",
        "27, 29, 33, 24",
        "26, 29, 33, 24",
        "25, 29, 32, 29",
        "24, 28, 31, 28",
        "23, 27, 30, 27",
        "22, 27, 30, 23"})
    void eachIstioMinorChecksItsKubernetesRange(int istio, int minSupported, int maxSupported, int minTested) {
        String version = "1." + istio + ".2";

        assertThat(IstioSupport.checkKubernetes(version, "v1." + minSupported + ".0").status())
                .isEqualTo(Status.PASS);
        assertThat(IstioSupport.checkKubernetes(version, "v1." + maxSupported + ".9").status())
                .isEqualTo(Status.PASS);
        PrecheckItem newer = IstioSupport.checkKubernetes(version, "v1." + (maxSupported + 1) + ".0");
        assertThat(newer.status()).isEqualTo(Status.WARN);
        assertThat(newer.detail()).contains("1." + minSupported + " to 1." + maxSupported);
        if (minTested < minSupported) {
            assertThat(IstioSupport.checkKubernetes(version, "v1." + minTested + ".0").status())
                    .isEqualTo(Status.WARN);
        }
        PrecheckItem older = IstioSupport.checkKubernetes(version, "v1." + (minTested - 1) + ".0");
        assertThat(older.status()).isEqualTo(Status.FAIL);
        assertThat(older.detail()).contains("needs Kubernetes 1." + minSupported + " or newer");
    }
}
