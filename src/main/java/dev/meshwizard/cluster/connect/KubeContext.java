package dev.meshwizard.cluster.connect;

import java.nio.file.Path;

/**
 * One context of a kubeconfig, as {@code kubectl config get-contexts} shows it.
 *
 * @param name      context name
 * @param cluster   cluster name the context refers to
 * @param server    API server URL of that cluster
 * @param user      user (auth info) name
 * @param namespace default namespace ("" when unset)
 * @param current   whether it is the kubeconfig's current context
 * @param source    the file that defined the context
 */
public record KubeContext(String name, String cluster, String server, String user, String namespace,
                          boolean current, Path source) {
}
