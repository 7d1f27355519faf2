package dev.meshwizard.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static String ageOf(Duration duration) {
        return Ages.format(NOW.minus(duration), NOW);
    }

    @Test
    void agesReadLikeKubectl() {
        assertThat(ageOf(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(ageOf(Duration.ofSeconds(150))).isEqualTo("2m30s");
        assertThat(ageOf(Duration.ofMinutes(42))).isEqualTo("42m");
        assertThat(ageOf(Duration.ofMinutes(5 * 60 + 7))).isEqualTo("5h7m");
        assertThat(ageOf(Duration.ofHours(30))).isEqualTo("30h");
        assertThat(ageOf(Duration.ofHours(3 * 24 + 4))).isEqualTo("3d4h");
        assertThat(ageOf(Duration.ofDays(40))).isEqualTo("40d");
        assertThat(ageOf(Duration.ofDays(800))).isEqualTo("2y");
    }

    @Test
    void aClockSkewedIntoTheFutureShowsZeroAndNoCreationShowsNothing() {
        assertThat(Ages.format(NOW.plusSeconds(30), NOW)).isEqualTo("0s");
        assertThat(Ages.format(null, NOW)).isEmpty();
    }
}
