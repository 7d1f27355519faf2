package dev.meshwizard.mesh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwizard.diff.ObjectDiff;
import dev.meshwizard.mesh.analysis.Analyzer;
import dev.meshwizard.mesh.analysis.Finding;
import dev.meshwizard.mesh.analysis.MeshSnapshot;
import dev.meshwizard.mesh.analysis.PlannedGateway;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Routing documents as YAML text: the templates of the Routing step, reading a text back into a document (with the
 * line of what is wrong), the routing objects of a cluster, and the analysis of documents against a snapshot. The
 * window speaks to the mesh model only through here and {@link RoutingDocument}.
 */
public final class RoutingDocuments {

    /** The kinds a routing document may hold. */
    public static final Set<String> KINDS = Set.of("Gateway", "VirtualService", "DestinationRule");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private RoutingDocuments() {
    }

    /** VirtualServices productpage, reviews, ratings and details, each to subset v1. */
    public static List<RoutingDocument> bookinfoAllV1(String namespace) {
        return BookinfoRoutes.allV1(namespace).stream().map(RoutingDocuments::of).toList();
    }

    /** VirtualService reviews: requests of end-user jason to v2, everyone else to v1. */
    public static RoutingDocument reviewsForJason(String namespace) {
        return of(BookinfoRoutes.reviewsForJason(namespace));
    }

    /**
     * VirtualService reviews split by weight between v1 and v3.
     *
     * @throws IllegalArgumentException for a share outside 0..100
     */
    public static RoutingDocument reviewsWeighted(String namespace, int v1Percent) {
        return of(BookinfoRoutes.reviewsV1V3(namespace, v1Percent));
    }

    /** One DestinationRule per Bookinfo service with every subset it has. */
    public static List<RoutingDocument> bookinfoDestinationRules(String namespace) {
        return BookinfoRoutes.destinationRules(namespace).stream().map(RoutingDocuments::of).toList();
    }

    /**
     * A VirtualService routing path prefixes to services, bound to a gateway; the backends get the path as sent or,
     * with {@link PathRouting.Rewrite#STRIP_PREFIX}, without the prefix.
     *
     * @throws IllegalArgumentException when there is no path
     */
    public static RoutingDocument pathRouting(String name, String namespace, String host, String gateway,
                                              List<PathRoute> paths, PathRouting.Rewrite rewrite) {
        return of(PathRouting.virtualService(name, namespace, host, gateway, paths, rewrite));
    }

    /**
     * A Gateway redirecting HTTP to HTTPS and serving HTTPS with TLS mode SIMPLE from the Secret
     * {@code secretName}, for the pods of a gateway release. The text starts with a comment naming the Secret: the
     * Secret itself is built from PEM files only when applying, so no key is ever part of a document.
     *
     * @param gatewayRelease the gateway release whose pods serve it, e.g. {@code istio-ingressgateway}
     * @throws IllegalArgumentException without hosts or Secret name
     */
    public static RoutingDocument tlsGateway(String name, String namespace, String gatewayRelease, List<String> hosts,
                                             String secretName) {
        RoutingDocument gateway = of(TlsGateway.gateway(name, namespace, PlannedGateway.selector(gatewayRelease),
                hosts, secretName));
        String note = "# TLS Secret " + secretName + " (type " + TlsSecret.TYPE + ", in the gateway's namespace) is "
                + "created from PEM files when applying;\n# its key is never stored here.\n";
        return gateway.withYaml(note + gateway.yaml());
    }

    /**
     * Reads a document's text: one object of a routing kind with apiVersion, kind and {@code metadata.name}.
     *
     * @throws RoutingYamlException with the line when the text is not YAML or not such an object
     */
    public static RoutingDocument read(String yaml) throws RoutingYamlException {
        HasMetadata object = parse(yaml);
        return new RoutingDocument(object.getKind(), object.getMetadata().getNamespace(),
                object.getMetadata().getName(), yaml);
    }

    /** The Gateways, VirtualServices and DestinationRules of a snapshot, without the fields the server sets. */
    public static List<RoutingDocument> fromSnapshot(MeshSnapshot snapshot) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.addAll(snapshot.gateways());
        objects.addAll(snapshot.virtualServices());
        objects.addAll(snapshot.destinationRules());
        List<RoutingDocument> documents = new ArrayList<>();
        for (HasMetadata object : objects) {
            ObjectNode tree = ObjectDiff.fromResource(object);
            String yaml = ObjectDiff.between(List.of(), List.of(tree)).get(0).afterYaml();
            documents.add(new RoutingDocument(object.getKind(), object.getMetadata().getNamespace(),
                    object.getMetadata().getName(), yaml));
        }
        return documents;
    }

    /**
     * Analyses documents over a snapshot: each readable document replaces the snapshot's object of the same kind,
     * namespace and name; documents that cannot be read are left out (their YAML error is reported by
     * {@link #read}).
     */
    public static List<Finding> analyze(List<RoutingDocument> documents, MeshSnapshot base) {
        List<HasMetadata> objects = new ArrayList<>();
        for (RoutingDocument document : documents) {
            try {
                objects.add(parse(document.yaml()));
            } catch (RoutingYamlException e) {
                // not analysable until it is valid again
            }
        }
        return new Analyzer().analyze(base.with(objects));
    }

    /** The documents as one multi-document YAML text, for applying, deleting or exporting together. */
    public static String joined(List<RoutingDocument> documents) {
        return documents.stream().map(d -> d.yaml().strip()).map(y -> y.startsWith("---") ? y : "---\n" + y)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The 1-based line of a finding's path in a document, 1 when the path is not found. */
    public static int lineOf(RoutingDocument document, String path) {
        return Math.max(1, YamlLocator.line(document.yaml(), path));
    }

    static RoutingDocument of(HasMetadata object) {
        String yaml = yaml(object);
        return new RoutingDocument(object.getKind(), object.getMetadata().getNamespace(),
                object.getMetadata().getName(), yaml);
    }

    /** An object as YAML without a document marker, quoting only strings that would read as something else. */
    static String yaml(Object object) {
        return ObjectYaml.write(object);
    }

    private static HasMetadata parse(String yaml) throws RoutingYamlException {
        if (yaml == null || yaml.isBlank()) {
            throw new RoutingYamlException(0, "the document is empty");
        }
        int documents = 0;
        try {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(new StringReader(yaml))) {
                if (document != null) {
                    documents++;
                    if (!(document instanceof java.util.Map)) {
                        throw new RoutingYamlException(1, "the document is not a YAML mapping");
                    }
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new RoutingYamlException(mark == null ? 0 : mark.getLine() + 1, e.getProblem());
        } catch (YAMLException e) {
            throw new RoutingYamlException(0, "not valid YAML");
        }
        if (documents != 1) {
            throw new RoutingYamlException(0, documents == 0 ? "the document is empty"
                    : "a document holds one object; this text holds " + documents);
        }
        KubernetesResource resource;
        try {
            resource = SERIALIZATION.unmarshal(yaml);
        } catch (RuntimeException e) {
            throw new RoutingYamlException(0, "cannot be read as a Kubernetes object: " + rootMessage(e));
        }
        if (!(resource instanceof HasMetadata object) || object.getKind() == null) {
            throw new RoutingYamlException(1, "the document has no kind");
        }
        if (!KINDS.contains(object.getKind())) {
            throw new RoutingYamlException(YamlLocator.line(yaml, "kind"), "kind " + object.getKind()
                    + " is not a routing kind (Gateway, VirtualService or DestinationRule)");
        }
        if (object.getApiVersion() == null || !object.getApiVersion().startsWith("networking.istio.io/")) {
            throw new RoutingYamlException(Math.max(1, YamlLocator.line(yaml, "apiVersion")),
                    "apiVersion must be networking.istio.io/v1 (or v1beta1, v1alpha3)");
        }
        if (object.getMetadata() == null || object.getMetadata().getName() == null
                || object.getMetadata().getName().isBlank()) {
            throw new RoutingYamlException(Math.max(1, YamlLocator.line(yaml, "metadata")), "metadata.name is missing");
        }
        return object;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
