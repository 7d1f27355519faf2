package dev.meshwizard.mesh.analysis;

import dev.meshwizard.mesh.BookinfoRoutes;
import dev.meshwizard.samples.Bookinfo;
import dev.meshwizard.samples.ManifestFile;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Objects for analysis tests: YAML read as manifest files are, Bookinfo, pods and namespaces. */
final class MeshFixtures {

    private MeshFixtures() {
    }

    static List<HasMetadata> yaml(String text) {
        try {
            return ManifestFile.parse(text, "test.yaml");
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Bookinfo's Services and Deployments, its DestinationRules, and every service routed to v1. */
    static List<HasMetadata> bookinfoRoutedToV1() {
        List<HasMetadata> objects = new ArrayList<>(Bookinfo.in("default").objects());
        objects.addAll(BookinfoRoutes.destinationRules("default"));
        objects.addAll(BookinfoRoutes.allV1("default"));
        return objects;
    }

    static Pod pod(String name, String namespace, Map<String, String> labels, boolean sidecar) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("app").endContainer().endSpec()
                .withNewStatus().withPhase("Running").endStatus();
        if (sidecar) {
            pod.editSpec().addNewContainer().withName("istio-proxy").withImage("proxyv2").endContainer().endSpec();
        }
        return pod.build();
    }

    static Namespace namespace(String name, Map<String, String> labels) {
        return new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build();
    }

    static List<Finding> run(Check check, MeshSnapshot snapshot) {
        return check.run(snapshot);
    }
}
