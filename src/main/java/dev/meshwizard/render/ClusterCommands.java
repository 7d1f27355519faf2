package dev.meshwizard.render;

import dev.meshwizard.plan.InstallPlan;

/**
 * The stock helm and kubectl command lines equivalent to what the window does to a cluster, for "Copy as
 * commands": the same lines the export's scripts hold, bound to the context the window is connected to.
 */
public final class ClusterCommands {

    private ClusterCommands() {
    }

    /**
     * Install or upgrade of every release, as the export's {@code install.sh}: to be run in a folder exported by
     * Mesh Wizard, which holds the values files the lines name.
     */
    public static String install(InstallPlan plan, RenderedManifests manifests, String context) {
        return "# in a folder exported by Mesh Wizard (it holds the values files)\n" + useContext(context)
                + withoutPreamble(InstallScripts.install(plan, manifests));
    }

    /** Uninstall of the plan's releases in reverse order, as the export's {@code uninstall.sh}. */
    public static String uninstall(InstallPlan plan, String context) {
        return useContext(context) + withoutPreamble(InstallScripts.uninstall(plan));
    }

    /** {@code helm rollback} of a release to a revision. */
    public static String rollback(String release, String namespace, int revision, String context) {
        return InstallScripts.command("helm", "rollback", release, String.valueOf(revision), "-n", namespace,
                "--kube-context", context, "--wait") + '\n';
    }

    /** Server-side apply of manifests (field manager mesh-wizard), the YAML given inline. */
    public static String apply(String yaml, String context) {
        return InstallScripts.command("kubectl", "--context", context, "apply", "--server-side",
                "--field-manager=mesh-wizard", "-f", "-") + " <<'EOF'\n" + yaml.stripTrailing() + "\nEOF\n";
    }

    /** Deletion of the objects of manifests, the YAML given inline. */
    public static String delete(String yaml, String context) {
        return InstallScripts.command("kubectl", "--context", context, "delete", "--ignore-not-found", "-f", "-")
                + " <<'EOF'\n" + yaml.stripTrailing() + "\nEOF\n";
    }

    private static String useContext(String context) {
        return InstallScripts.command("kubectl", "config", "use-context", context) + '\n';
    }

    /** The script's lines without its shebang, {@code set} and {@code cd} lines, which only a script file needs. */
    private static String withoutPreamble(String script) {
        return script.lines().filter(l -> !l.startsWith("#!") && !l.startsWith("set -euo") && !l.startsWith("cd \""))
                .reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append).toString()
                .replaceFirst("^\n+", "");
    }
}
