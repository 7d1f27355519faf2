package dev.meshwizard.cluster.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwizard.diff.ObjectChange;
import dev.meshwizard.diff.ObjectDiff;
import dev.meshwizard.mesh.TlsSecret;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies resources that are not charts (namespace labels, samples, Istio routing, Telemetry, addons) with
 * server-side apply, field manager {@value #FIELD_MANAGER}, so {@code kubectl} and later applies see who set which
 * field. Applies are <b>forced</b>: where another manager (kubectl, Helm, an operator) owns a field that the wizard
 * sets, the wizard takes it over instead of failing with a conflict, as {@code kubectl apply --server-side
 * --force-conflicts} does.
 *
 * <p>Objects are applied in a dependable order (Namespaces; CRDs; ServiceAccounts, Secrets, ConfigMaps; RBAC;
 * Services; workloads; other kinds; Istio kinds) and deleted in the reverse one. Namespaced objects without a
 * namespace go to the session's default namespace. Typed fabric8 objects, Istio objects of {@code istio-client} and
 * generic resources are all accepted.
 *
 * <p>All methods block on the API server: call them from a background job. Nothing of an object's content is
 * logged, so Secret values stay out of the logs.
 */
public final class Applier {

    /** The field manager recorded in {@code metadata.managedFields} for everything the wizard applies. */
    public static final String FIELD_MANAGER = "mesh-wizard";

    private static final Logger LOG = LoggerFactory.getLogger(Applier.class);

    private final KubernetesClient client;

    public Applier(KubernetesClient client) {
        this.client = Objects.requireNonNull(client);
    }

    /**
     * What {@link #apply} would change, without changing anything: each object as it is in the cluster against
     * the server's dry-run of the apply (so defaults and other managers' fields are accounted for). Where the
     * dry run is refused (e.g. the namespace is created by the same apply) the object is compared as given.
     *
     * @return one change per object, in apply order; Secret values never appear in it
     */
    public List<ObjectChange> plan(List<? extends HasMetadata> objects) {
        List<ObjectChange> changes = new ArrayList<>();
        for (HasMetadata object : prepared(objects)) {
            HasMetadata live = live(object);
            HasMetadata wouldBe;
            try {
                wouldBe = ssa(resource(object).dryRun()).serverSideApply();
            } catch (KubernetesClientException e) {
                LOG.debug("Dry-run apply of {} refused ({}); comparing the object as given", id(object), e.getCode());
                wouldBe = object;
            }
            List<ObjectNode> before = live == null ? List.of() : List.of(ObjectDiff.fromResource(live));
            changes.addAll(ObjectDiff.between(before, List.of(ObjectDiff.fromResource(wouldBe))));
        }
        return changes;
    }

    /** {@link #plan(List)} of the objects in a YAML text of one or more documents. */
    public List<ObjectChange> plan(String yaml) {
        return plan(parse(yaml));
    }

    /**
     * Applies every object, going on after a failure so that all refusals are reported at once.
     *
     * @return one result per object, in apply order
     */
    public List<ApplyResult> apply(List<? extends HasMetadata> objects) {
        List<ApplyResult> results = new ArrayList<>();
        for (HasMetadata object : prepared(objects)) {
            ApplyResult result;
            try {
                HasMetadata live = live(object);
                HasMetadata applied = ssa(resource(object)).serverSideApply();
                ApplyResult.Outcome outcome = live == null ? ApplyResult.Outcome.CREATED
                        : Objects.equals(live.getMetadata().getResourceVersion(),
                                applied.getMetadata().getResourceVersion())
                        ? ApplyResult.Outcome.UNCHANGED : ApplyResult.Outcome.CONFIGURED;
                result = result(object, outcome, "");
            } catch (KubernetesClientException e) {
                result = result(object, ApplyResult.Outcome.FAILED, id(object) + ": " + reason(e));
            }
            LOG.info("Apply {}: {}", result.id(), result.outcome());
            results.add(result);
        }
        return results;
    }

    /**
     * For callers that need all or nothing reported: each applied object as {@code Kind namespace/name} (or
     * {@code Kind name}), in apply order.
     *
     * @throws KubernetesClientException naming every object the server refused, with its reason
     */
    public static List<String> describeOrThrow(List<ApplyResult> results) {
        List<String> refused = results.stream().filter(r -> !r.succeeded()).map(ApplyResult::message).toList();
        if (!refused.isEmpty()) {
            throw new KubernetesClientException(String.join("; ", refused));
        }
        return results.stream().map(r -> r.kind() + " " + (r.namespace().isEmpty() ? "" : r.namespace() + "/")
                + r.name()).toList();
    }

    /** {@link #apply(List)} of the objects in a YAML text of one or more documents. */
    public List<ApplyResult> apply(String yaml) {
        return apply(parse(yaml));
    }

    /**
     * Applies a TLS Secret read from PEM files (for a Gateway's {@code credentialName}); built only here, so the key
     * goes to the API server and nowhere else.
     */
    public ApplyResult apply(TlsSecret secret) {
        return apply(List.of(secret.toSecret())).get(0);
    }

    /**
     * Deletes the objects in the reverse of the apply order; objects that do not exist are reported as
     * {@link ApplyResult.Outcome#ABSENT}, not as failures.
     */
    public List<ApplyResult> delete(List<? extends HasMetadata> objects) {
        List<ApplyResult> results = new ArrayList<>();
        for (HasMetadata object : ApplyOrder.forDelete(prepared(objects))) {
            ApplyResult result;
            try {
                boolean deleted = !resource(object).delete().isEmpty();
                result = result(object, deleted ? ApplyResult.Outcome.DELETED : ApplyResult.Outcome.ABSENT, "");
            } catch (KubernetesClientException e) {
                result = e.getCode() == 404
                        ? result(object, ApplyResult.Outcome.ABSENT, "")
                        : result(object, ApplyResult.Outcome.FAILED, id(object) + ": " + reason(e));
            }
            LOG.info("Delete {}: {}", result.id(), result.outcome());
            results.add(result);
        }
        return results;
    }

    /** {@link #delete(List)} of the objects in a YAML text of one or more documents. */
    public List<ApplyResult> delete(String yaml) {
        return delete(parse(yaml));
    }

    /**
     * The objects of a YAML text: typed where fabric8 or istio-client knows the kind, generic otherwise.
     *
     * @throws IllegalArgumentException when the text cannot be read as Kubernetes objects
     */
    public List<HasMetadata> parse(String yaml) {
        try {
            return client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The YAML cannot be read as Kubernetes objects", e);
        }
    }

    /** Copies in apply order, with the default namespace filled in on namespaced objects that have none. */
    private List<HasMetadata> prepared(List<? extends HasMetadata> objects) {
        List<HasMetadata> copies = new ArrayList<>(objects.size());
        for (HasMetadata object : objects) {
            HasMetadata copy = client.getKubernetesSerialization().clone(object);
            if (copy instanceof Namespaced && copy.getMetadata().getNamespace() == null
                    && client.getNamespace() != null) {
                copy.getMetadata().setNamespace(client.getNamespace());
            }
            copies.add(copy);
        }
        return ApplyOrder.forApply(copies);
    }

    private HasMetadata live(HasMetadata object) {
        return resource(object).get();
    }

    private Resource<HasMetadata> resource(HasMetadata object) {
        return client.resource(object);
    }

    private static <T> io.fabric8.kubernetes.client.dsl.ServerSideApplicable<T> ssa(
            io.fabric8.kubernetes.client.dsl.ServerSideApplicable<T> operation) {
        return operation.fieldManager(FIELD_MANAGER).forceConflicts();
    }

    private static ApplyResult result(HasMetadata object, ApplyResult.Outcome outcome, String message) {
        return new ApplyResult(object.getKind(), object.getMetadata().getNamespace(), object.getMetadata().getName(),
                outcome, message);
    }

    private static String id(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return object.getKind() + " " + (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
    }

    private static String reason(KubernetesClientException e) {
        Status status = e.getStatus();
        if (status != null && status.getMessage() != null && !status.getMessage().isBlank()) {
            return status.getMessage();
        }
        return e.getCode() > 0 ? "the server answered " + e.getCode() : String.valueOf(e.getMessage());
    }
}
