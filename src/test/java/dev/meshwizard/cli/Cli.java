package dev.meshwizard.cli;

import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code mesh-wizard} commands in-process and keeps what they printed. */
final class Cli {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs {@code mesh-wizard <args>} and returns its exit code; the window is never opened. */
    int run(String... args) {
        CommandLine cli = MeshWizardCommand.commandLine(() -> {
            throw new AssertionError("no window in command-line tests");
        }, out, err);
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
