package dev.meshwizard.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void equalTextsHaveNoLines() {
        assertThat(LineDiff.unified("a\nb\nc", "a\nb\nc")).isEmpty();
    }

    @Test
    void oneChangedLineIsShownAsRemovedAndAddedWithThreeLinesOfContext() {
        // Given ten lines of which the fifth changes
        List<String> before = numbered(10);
        List<String> after = new ArrayList<>(before);
        after.set(4, "five");

        // When
        List<DiffLine> lines = LineDiff.unified(before, after, LineDiff.DEFAULT_CONTEXT);

        // Then
        assertThat(lines).extracting(DiffLine::unified).containsExactly(
                "@@ -2,7 +2,7 @@", " 2", " 3", " 4", "-5", "+five", " 6", " 7", " 8");
    }

    @Test
    void changesFarApartMakeTwoHunksAndCloseOnesOne() {
        // Given changes at lines 2 and 19 of 20, and at 2 and 6
        List<String> before = numbered(20);
        List<String> farApart = new ArrayList<>(before);
        farApart.set(1, "two");
        farApart.set(18, "nineteen");
        List<String> close = new ArrayList<>(before);
        close.set(1, "two");
        close.set(5, "six");

        // When / Then
        assertThat(LineDiff.unified(before, farApart, 3)).filteredOn(line -> line.kind() == DiffLine.Kind.HUNK)
                .extracting(DiffLine::text).containsExactly("@@ -1,5 +1,5 @@", "@@ -16,5 +16,5 @@");
        assertThat(LineDiff.unified(before, close, 3)).filteredOn(line -> line.kind() == DiffLine.Kind.HUNK)
                .extracting(DiffLine::text).containsExactly("@@ -1,9 +1,9 @@");
    }

    @Test
    void insertionsAndDeletionsAreAShortestEditScript() {
        // Given a line inserted and another deleted
        List<String> before = List.of("a", "b", "c", "d", "e");
        List<String> after = List.of("a", "x", "b", "c", "e");

        // When
        List<DiffLine> lines = LineDiff.unified(before, after, 0);

        // Then only the two edits are shown
        assertThat(lines).extracting(DiffLine::unified)
                .containsExactly("@@ -1,0 +2 @@", "+x", "@@ -4 +4,0 @@", "-d");
    }

    @Test
    void textFromNothingIsOneHunkOfAddedLines() {
        assertThat(LineDiff.unified("", "a\nb")).extracting(DiffLine::unified)
                .containsExactly("@@ -0,0 +1,2 @@", "+a", "+b");
    }

    private static List<String> numbered(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(String::valueOf).toList();
    }
}
