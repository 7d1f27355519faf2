package dev.meshwizard.cluster.precheck;

/**
 * One line of the precheck checklist.
 *
 * @param title  what was checked, e.g. "Kubernetes version"
 * @param status pass, warn or fail
 * @param detail what was found
 * @param fix    one line saying how to fix it ("" when it passed)
 */
public record PrecheckItem(String title, Status status, String detail, String fix) {

    public enum Status { PASS, WARN, FAIL }
}
