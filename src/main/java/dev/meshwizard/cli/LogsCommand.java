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
 * a hint. Lines that are not access-log lines are printed as they are. Exit 0; 2 when the file cannot be read.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Read Envoy access-log lines from a file or standard input and explain their response flags.")
public final class LogsCommand implements Callable<Integer> {

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
        try (BufferedReader reader = fromStdin
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            String text;
            while ((text = reader.readLine()) != null) {
                print(out, parser.parse(text));
            }
            out.flush();
            return 0;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("mesh-wizard logs: cannot read " + (fromStdin ? "standard input" : file) + ": "
                    + describe(e));
            return RenderCommand.BAD_INPUT;
        }
    }

    private void print(PrintWriter out, AccessLogLine line) {
        out.println(line.raw());
        if (line.entry().isEmpty()) {
            return;
        }
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
