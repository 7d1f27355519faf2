package dev.meshwizard;

import dev.meshwizard.cli.MeshWizardCommand;
import dev.meshwizard.ui.app.MeshWizardApp;

/**
 * Entry point: with arguments, the command line; without, the window (or a clear message when there is no
 * display to open it on).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // exit explicitly: client and toolkit threads must not keep the JVM alive after the window closed
        System.exit(MeshWizardCommand.run(args, MeshWizardApp::launchApp));
    }
}
