package dev.meshwizard.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code mesh-wizard} commands in-process and keeps what they printed. */
final class Cli {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs {@code mesh-wizard <args>} and returns its exit code; the window is never opened. */
    int run(String... args) {
        CommandLine cli = new CommandLine(new MeshWizardCommand(() -> {
            throw new AssertionError("no window in command-line tests");
        }, new PrintWriter(err, true)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Runs a subcommand with its arguments. */
    int run(String command, String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return run(all);
    }
}
