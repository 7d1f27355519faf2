package dev.meshwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh-wizard logs --explain} on Envoy access-log lines. */
class LogsCommandTest {

    private static final String NO_HEALTHY = "[2025-01-15T10:00:02.000Z] \"GET /productpage HTTP/1.1\" 503 UH "
            + "no_healthy_upstream - \"-\" 0 19 0 - \"-\" \"curl/8.5.0\" \"abc\" \"192.168.49.2:31380\" \"-\" "
            + "outbound|9080|v1|productpage.default.svc.cluster.local - 10.244.0.9:8080 10.244.0.1:40000 - -";
    private static final String OTHER = "2025-01-15T10:00:00.000000Z\tinfo\tEnvoy proxy is ready";

    @TempDir
    Path dir;
    private final Cli cli = new Cli();

    @Test
    void eachLineIsFollowedByItsStatusAndItsFlagsExplainedWithAHint() throws Exception {
        Path log = Files.writeString(dir.resolve("proxy.log"), OTHER + "\n" + NO_HEALTHY + "\n");

        int exit = cli.run("logs", "--explain", log.toString());

        assertThat(exit).isZero();
        String out = cli.out.toString();
        assertThat(out).contains(OTHER).contains(NO_HEALTHY)
                .contains("-> 503  flags UH  (no_healthy_upstream)")
                .contains("UH No healthy upstream:").contains("fix: ").contains("see checks: MW0103 A DestinationRule subset selects no pods");
        assertThat(out.indexOf(OTHER)).isLessThan(out.indexOf(NO_HEALTHY));
        assertThat(out.lines().filter(line -> line.contains("->")).count()).isEqualTo(1);
    }

    @Test
    void withoutExplainOnlyTheStatusLineFollows() throws Exception {
        Path log = Files.writeString(dir.resolve("proxy.log"), NO_HEALTHY + "\n");

        int exit = cli.run("logs", log.toString());

        assertThat(exit).isZero();
        assertThat(cli.out.toString()).contains("-> 503").doesNotContain("fix: ");
    }

    @Test
    void aDashReadsStandardInput() {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream((NO_HEALTHY + "\n").getBytes(StandardCharsets.UTF_8)));
        try {
            int exit = cli.run("logs", "--explain", "-");

            assertThat(exit).isZero();
            assertThat(cli.out.toString()).contains("UH No healthy upstream:");
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void aMissingFileIsBadInput() {
        int exit = cli.run("logs", "--explain", dir.resolve("nope.log").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err.toString()).contains("mesh-wizard logs: cannot read").contains("no such file");
    }

    @Test
    void controlCharactersInALogLineArePrintedEscapedNotPassedToTheTerminal() throws Exception {
        String hostile = NO_HEALTHY.replace("curl/8.5.0", "curl\u001b]0;pwned\u0007\u001b[2J");
        Path log = Files.writeString(dir.resolve("proxy.log"), hostile + "\n");

        int exit = cli.run("logs", log.toString());

        assertThat(exit).isZero();
        assertThat(cli.out.toString()).doesNotContain("\u001b").doesNotContain("\u0007")
                .contains("curl\\e]0;pwned\\x07\\e[2J");
    }

    @Test
    void linesThatAreNotAccessLogLinesAreMarkedAndTheSummaryCountsTheRecognisedOnes() throws Exception {
        Path log = Files.writeString(dir.resolve("proxy.log"), OTHER + "\n" + NO_HEALTHY + "\n" + OTHER + "\n");

        int exit = cli.run("logs", log.toString());

        assertThat(exit).isZero();
        assertThat(cli.out.toString())
                .contains("[not an access-log line] " + OTHER)
                .doesNotContain("[not an access-log line] " + NO_HEALTHY)
                .endsWith("3 lines read: 1 recognised as access-log line, 2 other (marked [not an access-log line])"
                        + System.lineSeparator());
    }

    @Test
    void binaryOnStandardInputIsRefusedLikeABinaryFile() throws Exception {
        byte[] binary = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, (byte) 0xc3, 0x28, '\n'};
        Path file = Files.write(dir.resolve("a.out"), binary);
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(binary));
        try {
            int fromStdin = cli.run("logs", "-");

            assertThat(fromStdin).isEqualTo(2);
            assertThat(cli.err.toString()).contains("standard input is binary data, not a text log");
        } finally {
            System.setIn(original);
        }
        Cli again = new Cli();
        assertThat(again.run("logs", file.toString())).isEqualTo(2);
        assertThat(again.err.toString()).contains(file + " is binary data, not a text log (bytes that are not UTF-8"
                + " text in line 1)");
    }
}
