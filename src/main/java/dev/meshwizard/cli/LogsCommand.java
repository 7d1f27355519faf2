package dev.meshwizard.cli;

import dev.meshwizard.observe.AccessLogEntry;
import dev.meshwizard.observe.AccessLogLine;
import dev.meshwizard.observe.AccessLogParser;
import dev.meshwizard.observe.RelatedCheck;
import dev.meshwizard.observe.ResponseFlag;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mesh-wizard logs [--explain] [FILE|-]}: reads Envoy access-log lines (e.g. from {@code kubectl logs ...
 * -c istio-proxy}) and prints each with its status; with {@code --explain}, each response flag in plain words with
 * a hint. Lines that are not access-log lines are printed marked as such, and a last line counts both. Control
 * characters in the log are printed escaped ({@link TerminalText}). Exit 0; 2 when the file cannot be read or is
 * binary (bytes that are not UTF-8, or a NUL), from a file or from standard input alike.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Read Envoy access-log lines from a file or standard input and explain their response flags.")
public final class LogsCommand implements Callable<Integer> {

    /** Put before each line that is not an access-log line. */
    static final String OTHER_MARK = "[not an access-log line] ";

    @Spec
    private CommandSpec spec;

    @Option(names = "--explain", description = "Explain each response flag and how it is usually fixed.")
    private boolean explain;

    @Parameters(arity = "0..1", paramLabel = "FILE|-", description = "The log to read (default: standard input).")
    private String file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AccessLogParser parser = new AccessLogParser();
        boolean fromStdin = file == null || file.equals("-");
        String source = fromStdin ? "standard input" : file;
        int lines = 0;
        int recognised = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(fromStdin ? System.in
                : Files.newInputStream(Path.of(file)), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            String text;
            while ((text = readLine(reader, lines + 1)) != null) {
                lines++;
                AccessLogLine line = parser.parse(text);
                recognised += line.isAccessLog() ? 1 : 0;
                print(out, line);
            }
            out.println(summary(lines, recognised));
            out.flush();
            return 0;
        } catch (BinaryInput e) {
            out.flush();
            err.println("mesh-wizard logs: " + source + " is binary data, not a text log (" + e.getMessage()
                    + "); nothing after it was read");
            return RenderCommand.BAD_INPUT;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("mesh-wizard logs: cannot read " + source + ": " + describe(e));
            return RenderCommand.BAD_INPUT;
        }
    }

    private static String readLine(BufferedReader reader, int number) throws IOException {
        String text;
        try {
            text = reader.readLine();
        } catch (CharacterCodingException e) {
            throw new BinaryInput("bytes that are not UTF-8 text in line " + number);
        }
        if (text != null && text.indexOf('\0') >= 0) {
            throw new BinaryInput("a NUL byte in line " + number);
        }
        return text;
    }

    private static String summary(int lines, int recognised) {
        int other = lines - recognised;
        return lines + (lines == 1 ? " line" : " lines") + " read: " + recognised + " recognised as access-log "
                + (recognised == 1 ? "line" : "lines") + ", " + other + " other"
                + (other == 0 ? "" : " (marked " + OTHER_MARK.strip() + ")");
    }

    /** Input that is not text: stops the command with a bad-input exit. */
    private static final class BinaryInput extends IOException {
        private static final long serialVersionUID = 1L;

        BinaryInput(String where) {
            super(where);
        }
    }

    private void print(PrintWriter out, AccessLogLine line) {
        if (line.entry().isEmpty()) {
            out.println(OTHER_MARK + line.raw());
            return;
        }
        out.println(line.raw());
        AccessLogEntry entry = line.entry().get();
        String status = entry.status() == 0 ? "no response" : Integer.toString(entry.status());
        String flags = entry.flags().isEmpty() ? "" : "  flags " + String.join(",", entry.flags());
        String details = entry.details().isEmpty() ? "" : "  (" + entry.details() + ")";
        out.println("  -> " + status + flags + details + "  " + entry.durationMillis() + " ms"
                + (entry.upstreamCluster().isEmpty() ? "" : "  to " + entry.upstreamCluster()));
        if (!explain) {
            return;
        }
        for (ResponseFlag flag : entry.knownFlags()) {
            out.println("     " + flag.code() + " " + flag.title() + ": " + flag.explanation());
            out.println("        fix: " + flag.hint());
            if (!flag.relatedChecks().isEmpty()) {
                out.println("        see checks: " + flag.relatedChecks().stream().map(RelatedCheck::label)
                        .collect(Collectors.joining(", ")));
            }
        }
        for (String code : entry.unknownFlags()) {
            out.println("     " + code + ": a flag Mesh Wizard does not know; see Envoy's access-log documentation");
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
