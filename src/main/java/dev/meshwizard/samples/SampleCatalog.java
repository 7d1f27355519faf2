package dev.meshwizard.samples;

import dev.meshwizard.mesh.ObjectYaml;

import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.render.RenderedManifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sample applications as YAML text, for the window: Bookinfo, httpbin and curl, Bookinfo's Gateway and
 * VirtualService fitted to the plan's gateway, and any manifest file.
 */
public final class SampleCatalog {


    private SampleCatalog() {
    }

    /**
     * Manifests ready to apply.
     *
     * @param title   what they are, e.g. {@code Bookinfo in default}
     * @param yaml    every object, as a multi-document YAML text
     * @param objects how many objects
     * @param summary the objects counted by kind, e.g. {@code 4 Service, 6 Deployment}
     */
    public record Manifests(String title, String yaml, int objects, String summary) {
    }

    /**
     * Bookinfo's Gateway and VirtualService with why they look as they do.
     *
     * @param manifests  the two objects
     * @param release    the gateway release they are fitted to
     * @param selector   the Gateway's selector, e.g. {@code istio=ingressgateway}
     * @param serverPort the Gateway server's port
     * @param why        the reasons for selector and port, in a sentence each
     */
    public record GatewayRouting(Manifests manifests, String release, String selector, int serverPort, String why) {
    }

    /** Bookinfo; blank registry or tag take the defaults. */
    public static Manifests bookinfo(String namespace, String registry, String tag) {
        Bookinfo bookinfo = new Bookinfo(registry, tag, namespace);
        return manifests("Bookinfo in " + bookinfo.namespace(), bookinfo.objects());
    }

    /** httpbin. */
    public static Manifests httpbin(String namespace) {
        Httpbin httpbin = new Httpbin(namespace);
        return manifests("httpbin in " + httpbin.namespace(), httpbin.objects());
    }

    /** curl. */
    public static Manifests curl(String namespace) {
        Curl curl = new Curl(namespace);
        return manifests("curl in " + curl.namespace(), curl.objects());
    }

    /**
     * Bookinfo's Gateway and VirtualService for the plan's first gateway release.
     *
     * @throws IllegalArgumentException when the plan has no gateway release
     */
    public static GatewayRouting bookinfoGateway(InstallPlan plan, RenderedManifests rendered, String namespace) {
        BookinfoRouting routing = BookinfoRouting.forPlan(plan, rendered, namespace);
        String selector = routing.selector().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        String why = "The selector " + selector + " is the pod label of the gateway release "
                + routing.gatewayRelease() + " (its name without \"istio-\"). Port " + routing.serverPort()
                + (routing.serverPort() == 8080 ? " because the gateway Service forwards to the pods' port 8080."
                : " because no gateway Service port forwards to 8080.");
        return new GatewayRouting(manifests("Gateway and VirtualService for Bookinfo", routing.objects()),
                routing.gatewayRelease(), selector, routing.serverPort(), why);
    }

    /**
     * Bookinfo's Gateway, with its server on {@code port} and selecting the pods of {@code gatewayRelease}, and
     * VirtualService; for a gateway that is not in a plan.
     */
    public static Manifests bookinfoGateway(String gatewayRelease, int port, String namespace) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a port is between 1 and 65535, not " + port);
        }
        return manifests("Gateway and VirtualService for Bookinfo",
                new BookinfoRouting(gatewayRelease, List.of(), namespace).objects(port));
    }

    /**
     * The Namespace object a sample goes into, labelled {@code istio-injection=enabled} when {@code inject}: applied
     * before the sample, its pods get sidecars.
     */
    public static Manifests namespace(String namespace, boolean inject) {
        NamespaceBuilder builder = new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata();
        if (inject) {
            builder.editMetadata().addToLabels("istio-injection", "enabled").endMetadata();
        }
        return manifests("Namespace " + namespace, List.of(builder.build()));
    }

    /**
     * A manifest file's objects.
     *
     * @throws ManifestException naming the file and line of what cannot be read
     */
    public static Manifests load(Path file) throws ManifestException {
        return manifests(String.valueOf(file.getFileName()), ManifestFile.load(file));
    }

    private static String yaml(HasMetadata object) {
        return "---\n" + ObjectYaml.write(object);
    }

    private static Manifests manifests(String title, List<HasMetadata> objects) {
        String yaml = objects.stream().map(SampleCatalog::yaml).collect(Collectors.joining());
        Map<String, Integer> byKind = new LinkedHashMap<>();
        objects.forEach(o -> byKind.merge(o.getKind(), 1, Integer::sum));
        String summary = byKind.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        return new Manifests(title, yaml, objects.size(), summary);
    }
}
