package dev.meshwizard.testing;

/**
 * One access review the simulated API answered: what the client asked whether it may do.
 *
 * @param namespace empty for a cluster-wide question
 */
public record AskedAccess(String verb, String group, String resource, String namespace) {
}
