package dev.meshwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MeshWizardCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(MeshWizardCommand.GuiLauncher launcher, String... args) {
        CommandLine cli = new CommandLine(new MeshWizardCommand(launcher, new PrintWriter(err, true)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void versionPrintsTheBuildVersionWithoutOpeningTheWindow() {
        AtomicBoolean launched = new AtomicBoolean();

        int exit = run(() -> launched.set(true), "--version");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Mesh Wizard ").doesNotContain("unknown");
        assertThat(launched).isFalse();
    }

    @Test
    void helpDescribesTheProgram() {
        int exit = run(() -> { }, "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: mesh-wizard").contains("Install Istio with Helm");
    }

    @Test
    void anUnknownOptionIsABadInputWithItsName() {
        int exit = run(() -> { }, "--frobnicate");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--frobnicate");
    }

    @Test
    void aToolkitThatCannotStartGivesOneLineAndANonZeroExit() {
        int exit = run(() -> {
            throw new UnsupportedOperationException("Unable to open DISPLAY");
        });

        assertThat(exit).isEqualTo(MeshWizardCommand.NO_DISPLAY);
        assertThat(err.toString().strip()).isEqualTo(
                "mesh-wizard: cannot open the window: Unable to open DISPLAY");
    }

    @Test
    void withoutDisplayVariablesOnLinuxThereIsNoDisplay() {
        assertThat(Display.missing(Map.of(), "Linux", "")).hasValueSatisfying(
                reason -> assertThat(reason).contains("DISPLAY"));
        assertThat(Display.missing(Map.of("DISPLAY", ":0"), "Linux", "")).isEmpty();
        assertThat(Display.missing(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", "")).isEmpty();
        assertThat(Display.missing(Map.of(), "Linux", "Monocle")).isEmpty();
        assertThat(Display.missing(Map.of(), "Windows 11", "")).isEmpty();
    }
}
