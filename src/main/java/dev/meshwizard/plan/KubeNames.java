package dev.meshwizard.plan;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The naming rules Kubernetes and Helm apply to what the plan names, checked before Helm or the API server sees
 * them, so a bad name is a bad-input message instead of a rejected object halfway through an install.
 *
 * <ul>
 *   <li>DNS-1123 label: lower-case letters, digits and {@code -}, starting and ending with a letter or digit,
 *       at most 63 characters (namespaces, label values such as {@code istio.io/rev});</li>
 *   <li>DNS-1123 subdomain: labels joined by dots, at most 253 characters;</li>
 *   <li>Helm release name: a DNS-1123 subdomain of at most 53 characters (Helm's own limit);</li>
 *   <li>Istio revision: a DNS-1123 label short enough that {@code istiod-<revision>} is still one.</li>
 * </ul>
 * Each check returns what is wrong, in words that name the rule, or empty when the name is fine.
 */
public final class KubeNames {

    /** Longest DNS-1123 label. */
    public static final int LABEL_MAX = 63;
    /** Longest DNS-1123 subdomain. */
    public static final int SUBDOMAIN_MAX = 253;
    /** Longest Helm release name. */
    public static final int RELEASE_MAX = 53;
    /** Longest revision: the istiod chart names its Deployment and Service {@code istiod-<revision>}. */
    public static final int REVISION_MAX = LABEL_MAX - "istiod-".length();

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile(LABEL.pattern() + "(\\." + LABEL.pattern() + ")*");

    private KubeNames() {
    }

    /** A DNS-1123 label of at most {@value #LABEL_MAX} characters. */
    public static Optional<String> labelProblem(String name) {
        return check(name, LABEL, LABEL_MAX, "a DNS-1123 label: lower-case letters, digits and '-', starting and"
                + " ending with a letter or digit");
    }

    /** A DNS-1123 subdomain of at most {@value #SUBDOMAIN_MAX} characters. */
    public static Optional<String> subdomainProblem(String name) {
        return check(name, SUBDOMAIN, SUBDOMAIN_MAX, "a DNS-1123 subdomain: lower-case letters, digits, '-' and '.',"
                + " each part starting and ending with a letter or digit");
    }

    /** A namespace name: a DNS-1123 label. */
    public static Optional<String> namespaceProblem(String name) {
        return labelProblem(name).map(p -> "namespace \"" + name + "\" " + p);
    }

    /** A Helm release name: a DNS-1123 subdomain of at most {@value #RELEASE_MAX} characters. */
    public static Optional<String> releaseNameProblem(String name) {
        return check(name, SUBDOMAIN, RELEASE_MAX, "a Helm release name: lower-case letters, digits, '-' and '.',"
                + " starting and ending with a letter or digit").map(p -> "release name \"" + name + "\" "
                + p);
    }

    /** An Istio revision ("" is none): a DNS-1123 label of at most {@value #REVISION_MAX} characters. */
    public static Optional<String> revisionProblem(String revision) {
        if (revision == null || revision.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> problem = check(revision, LABEL, REVISION_MAX, "a DNS-1123 label (lower-case letters, digits"
                + " and '-', starting and ending with a letter or digit), because it becomes part of the names"
                + " istiod-<revision> and the label istio.io/rev");
        return problem.map(p -> "revision \"" + revision + "\" " + p + suggestion(revision));
    }

    private static Optional<String> check(String name, Pattern pattern, int max, String rule) {
        if (name == null || name.isEmpty()) {
            return Optional.of("is empty; it must be " + rule);
        }
        if (name.length() > max) {
            return Optional.of("has " + name.length() + " characters; at most " + max + " are allowed");
        }
        if (!pattern.matcher(name).matches()) {
            return Optional.of("is not " + rule);
        }
        return Optional.empty();
    }

    private static String suggestion(String revision) {
        String fixed = revision.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (fixed.length() > REVISION_MAX) {
            fixed = fixed.substring(0, REVISION_MAX).replaceAll("-+$", "");
        }
        return fixed.isEmpty() || fixed.equals(revision) ? "" : " (e.g. " + fixed + ")";
    }
}
