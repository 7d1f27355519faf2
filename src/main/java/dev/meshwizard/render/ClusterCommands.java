package dev.meshwizard.render;

import dev.meshwizard.plan.InstallPlan;

/**
 * The stock helm and kubectl command lines equivalent to what the window does to a cluster, for "Copy as
 * commands": the same lines the export's scripts hold, bound to the context the window is connected to.
 */
public final class ClusterCommands {

    /** {@code helm} or {@code kubectl} where the shell runs it: at a line's start, after {@code if}, a pipe, xargs. */
    private static final java.util.regex.Pattern COMMAND_WORD =
            java.util.regex.Pattern.compile("(^\\s*|\\bif |\\| |xargs -r )(helm|kubectl) ");

    private ClusterCommands() {
    }

    /**
     * Install or upgrade of every release, as the export's {@code install.sh}: to be run in a folder exported by
     * Mesh Wizard, which holds the values files the lines name.
     */
    public static String install(InstallPlan plan, RenderedManifests manifests, String context) {
        return "# in a folder exported by Mesh Wizard (it holds the values files)\n"
                + onContext(withoutPreamble(InstallScripts.install(plan, manifests)), context);
    }

    /** Uninstall of the plan's releases in reverse order, as the export's {@code uninstall.sh}. */
    public static String uninstall(InstallPlan plan, String context) {
        return onContext(withoutPreamble(InstallScripts.uninstall(plan)), context);
    }

    /** {@code helm rollback} of a release to a revision. */
    public static String rollback(String release, String namespace, int revision, String context) {
        return InstallScripts.command("helm", "rollback", release, String.valueOf(revision), "-n", namespace,
                "--kube-context", context, "--wait") + '\n';
    }

    /** Server-side apply of manifests (field manager mesh-wizard), the YAML given inline. */
    public static String apply(String yaml, String context) {
        return InstallScripts.command("kubectl", "--context", context, "apply", "--server-side",
                "--field-manager=mesh-wizard", "-f", "-") + hereDocument(yaml);
    }

    /** Deletion of the objects of manifests, the YAML given inline. */
    public static String delete(String yaml, String context) {
        return InstallScripts.command("kubectl", "--context", context, "delete", "--ignore-not-found", "-f", "-")
                + hereDocument(yaml);
    }

    /**
     * The YAML as a quoted here-document whose end marker is no line of the YAML, so that no line of it can end the
     * document early and run as a command.
     */
    static String hereDocument(String yaml) {
        String body = yaml.stripTrailing();
        java.util.Set<String> lines = body.lines().map(String::strip).collect(java.util.stream.Collectors.toSet());
        String marker = "MESH_WIZARD_EOF";
        for (int n = 1; lines.contains(marker); n++) {
            marker = "MESH_WIZARD_EOF_" + n;
        }
        return " <<'" + marker + "'\n" + body + "\n" + marker + "\n";
    }

    /**
     * The lines bound to a context by their own flags ({@code helm --kube-context}, {@code kubectl --context}), not
     * by {@code kubectl config use-context}, which would switch the context of every later command in every terminal.
     */
    private static String onContext(String script, String context) {
        String helm = java.util.regex.Matcher.quoteReplacement(
                InstallScripts.command("helm", "--kube-context", context) + ' ');
        String kubectl = java.util.regex.Matcher.quoteReplacement(
                InstallScripts.command("kubectl", "--context", context) + ' ');
        String shown = context.replace("\"", "").replace("$", "").replace("`", "").replace("\\", "");
        return script.lines().map(line -> COMMAND_WORD.matcher(
                line.replace("$(kubectl config current-context)", shown)).replaceAll(match -> match.group(1)
                + ("helm".equals(match.group(2)) ? helm : kubectl))).reduce(new StringBuilder(),
                (b, l) -> b.append(l).append('\n'), StringBuilder::append).toString();
    }

    /** The script's lines without its shebang, {@code set} and {@code cd} lines, which only a script file needs. */
    private static String withoutPreamble(String script) {
        return script.lines().filter(l -> !l.startsWith("#!") && !l.startsWith("set -euo") && !l.startsWith("cd \""))
                .reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append).toString()
                .replaceFirst("^\n+", "");
    }
}
