package dev.meshwizard.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level command. Without a subcommand it opens the window through the launcher it is given, so
 * this package stays free of JavaFX.
 */
@Command(name = "mesh-wizard",
        subcommands = {RenderCommand.class, InstallCommand.class, StatusCommand.class, UninstallCommand.class,
            RollbackCommand.class, AnalyzeCommand.class, SampleCommand.class, VerifyCommand.class,
            LogsCommand.class},
        mixinStandardHelpOptions = true,
        versionProvider = MeshWizardCommand.Version.class,
        description = {
            "Install Istio with Helm, route a sample through the ingress gateway and watch it live.",
            "Without a command, opens the Mesh Wizard window."
        })
public final class MeshWizardCommand implements Callable<Integer> {

    /** Exit code when the window cannot be opened. */
    public static final int NO_DISPLAY = 3;

    private final GuiLauncher launcher;
    private final PrintWriter err;

    MeshWizardCommand(GuiLauncher launcher, PrintWriter err) {
        this.launcher = launcher;
        this.err = err;
    }

    /** Parses {@code args} and runs; returns the process exit code (after the window closed, for the GUI). */
    public static int run(String[] args, GuiLauncher launcher) {
        // log lines (slf4j-simple writes to System.err) may quote a cluster's words too
        System.setErr(new PrintStream(TerminalText.bytes(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.err))), true,
                Charset.defaultCharset()));
        return commandLine(launcher, new OutputStreamWriter(System.out, Charset.defaultCharset()),
                new OutputStreamWriter(System.err, Charset.defaultCharset())).execute(args);
    }

    /**
     * The command line writing to {@code out} and {@code err} through {@link TerminalText}: whatever a command
     * prints (log lines, names and messages from a cluster, echoed input) reaches the terminal with its control
     * characters escaped. Help is printed without colours, whose escapes would be escaped too.
     */
    static CommandLine commandLine(GuiLauncher launcher, Writer out, Writer err) {
        PrintWriter guardedErr = TerminalText.writer(err);
        CommandLine cli = new CommandLine(new MeshWizardCommand(launcher, guardedErr));
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cli.setErr(guardedErr);
        cli.setOut(TerminalText.writer(out));
        return cli;
    }

    @Override
    public Integer call() {
        Optional<String> missing = Display.missing(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("glass.platform", ""));
        if (missing.isPresent()) {
            err.println("mesh-wizard: cannot open the window: " + missing.get()
                    + ". Run it on a desktop, or see 'mesh-wizard --help' for the command-line modes.");
            return NO_DISPLAY;
        }
        try {
            launcher.launch();
            return 0;
        } catch (RuntimeException e) {
            err.println("mesh-wizard: cannot open the window: " + e.getMessage());
            return NO_DISPLAY;
        }
    }

    /** Opens the window and returns when it is closed; throws when it cannot be opened. */
    @FunctionalInterface
    public interface GuiLauncher {
        void launch();
    }

    /** Reads the version the build wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties props = new Properties();
            try (InputStream in = MeshWizardCommand.class.getResourceAsStream("/dev/meshwizard/version.properties")) {
                if (in != null) {
                    props.load(in);
                }
            }
            return new String[] {"Mesh Wizard " + props.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
