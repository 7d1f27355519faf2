package dev.meshwizard.cluster.helm;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether a Helm release left in a pending state still has an operation in progress. Helm keeps no lock:
 * a client that dies mid-install leaves its revision {@code pending-install} or {@code pending-upgrade} for ever,
 * and every later operation is refused. So while Mesh Wizard runs a Helm operation on a release it holds a
 * {@code coordination.k8s.io} Lease {@code mesh-wizard-helm.<release>} in the release's namespace that names its
 * process and host; it deletes the Lease afterwards.
 *
 * <p>A pending revision is taken as abandoned when its Lease names a process on this host that is gone, or
 * (from another host) has outlived its duration; with no Lease (another client, e.g. {@code helm} by hand) only
 * when the revision is older than the operation's timeout. Leases are a help, not a requirement: when they cannot
 * be written (no permission), the age rule alone applies. Blocking: call from a background job.
 */
public final class OperationLeases {

    private static final Logger LOG = LoggerFactory.getLogger(OperationLeases.class);
    private static final String PREFIX = "mesh-wizard-helm.";
    private static final String PID = "mesh-wizard.dev/pid";
    private static final String HOST = "mesh-wizard.dev/host";
    private static final String OPERATION = "mesh-wizard.dev/operation";
    /** Leases this JVM holds now, as namespace/name: one of ours that is not here was left by an earlier run. */
    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();

    private final KubernetesClient client;

    public OperationLeases(KubernetesClient client) {
        this.client = client;
    }

    /** A Lease held for one operation; closing it deletes it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the release's Lease for an operation that may take up to {@code timeout}, creating the namespace
     * (as {@code helm --create-namespace} would) so that the Lease can be written before Helm starts. Never
     * throws: without a Lease the operation goes on and only the age rule protects it.
     */
    Held begin(String release, String namespace, String operation, Duration timeout) {
        String key = namespace + "/" + PREFIX + release;
        try {
            ensureNamespace(namespace);
            Lease lease = new LeaseBuilder().withNewMetadata().withName(PREFIX + release).withNamespace(namespace)
                    .withAnnotations(Map.of(PID, String.valueOf(ProcessHandle.current().pid()), HOST, host(),
                            OPERATION, operation))
                    .addToLabels("app.kubernetes.io/managed-by", "mesh-wizard").endMetadata()
                    .withNewSpec().withHolderIdentity(holder()).withAcquireTime(now()).withRenewTime(now())
                    .withLeaseDurationSeconds((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds() + 60))
                    .endSpec().build();
            client.leases().inNamespace(namespace).withName(PREFIX + release).delete();
            client.leases().inNamespace(namespace).resource(lease).create();
            HELD.add(key);
        } catch (KubernetesClientException e) {
            LOG.debug("No Lease for {} in {}: {}", release, namespace, e.getMessage());
            return () -> { };
        }
        return () -> {
            HELD.remove(key);
            try {
                client.leases().inNamespace(namespace).withName(PREFIX + release).delete();
            } catch (KubernetesClientException e) {
                LOG.debug("Cannot delete the Lease of {} in {}: {}", release, namespace, e.getMessage());
            }
        };
    }

    /** Deletes a Lease a killed run left for a release that is gone now (uninstalled). Never throws. */
    void forget(String release, String namespace) {
        try {
            client.leases().inNamespace(namespace).withName(PREFIX + release).delete();
        } catch (KubernetesClientException e) {
            LOG.debug("Cannot delete the Lease of {} in {}: {}", release, namespace, e.getMessage());
        }
    }

    /**
     * Why a pending revision is abandoned (no operation in progress), or empty when one may still be running.
     *
     * @param pending the newest revision, in a pending state
     * @param timeout how long an operation on the release may take
     */
    Optional<String> abandoned(ReleaseRecord pending, Duration timeout) {
        Lease lease;
        try {
            lease = client.leases().inNamespace(pending.namespace()).withName(PREFIX + pending.name()).get();
        } catch (KubernetesClientException e) {
            lease = null;
        }
        if (lease != null && lease.getMetadata().getAnnotations() != null) {
            Map<String, String> notes = lease.getMetadata().getAnnotations();
            String who = "Mesh Wizard (process " + notes.get(PID) + " on " + notes.get(HOST) + ")";
            Optional<OffsetDateTime> acquired = Optional.ofNullable(lease.getSpec().getAcquireTime())
                    .map(ZonedDateTime::toOffsetDateTime);
            int seconds = Optional.ofNullable(lease.getSpec().getLeaseDurationSeconds()).orElse(0);
            // Past its duration a Lease is stale on any host: Helm's own timeout has ended the operation, and a
            // process with the same number may be another program that reused it.
            if (acquired.isPresent() && acquired.get().plusSeconds(seconds).isBefore(OffsetDateTime.now())) {
                return Optional.of("the client that started it, " + who + ", has not finished in " + seconds + " s");
            }
            if (host().equals(notes.get(HOST))) {
                long pid = parsePid(notes.get(PID));
                boolean ours = pid == ProcessHandle.current().pid();
                boolean running = ours ? HELD.contains(pending.namespace() + "/" + PREFIX + pending.name())
                        : ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                return running ? Optional.empty() : Optional.of("the client that started it, " + who + ", is gone");
            }
            return Optional.empty();
        }
        Optional<OffsetDateTime> started = pending.updated();
        if (started.isPresent() && started.get().plus(timeout).isBefore(OffsetDateTime.now())) {
            return Optional.of("it started at " + started.get() + ", longer ago than the timeout of "
                    + timeout.toSeconds() + " s");
        }
        return Optional.empty();
    }

    private void ensureNamespace(String namespace) {
        if (client.namespaces().withName(namespace).get() == null) {
            try {
                client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                        .addToLabels("name", namespace).endMetadata().build()).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
            }
        }
    }

    private static String holder() {
        return "mesh-wizard/" + ProcessHandle.current().pid() + "@" + host();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
        }
    }

    private static long parsePid(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneOffset.UTC);
    }
}
