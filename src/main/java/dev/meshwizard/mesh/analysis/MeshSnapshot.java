package dev.meshwizard.mesh.analysis;

import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What the analysis looks at: Istio routing objects, the Services, Pods, Deployments and Namespaces they refer
 * to, and, offline, the gateways the install plan will create. Gathered by the caller (from files, the workspace
 * or a cluster); the analysis never calls a cluster.
 *
 * @param gateways         Gateways
 * @param virtualServices  VirtualServices
 * @param destinationRules DestinationRules
 * @param services         Services
 * @param pods             Pods (running ones are known only from a cluster)
 * @param deployments      Deployments
 * @param namespaces       Namespaces
 * @param plannedGateways  the gateways of the install plan, not yet installed
 * @param live             whether the snapshot describes a cluster, so that its pods are all there are
 * @param others           every other object: ServiceEntries, Secrets, ConfigMaps, RequestAuthentications,
 *                         ReplicaSets, StatefulSets, DaemonSets, …
 * @param mesh             the mesh config
 */
public record MeshSnapshot(List<Gateway> gateways, List<VirtualService> virtualServices,
                           List<DestinationRule> destinationRules, List<Service> services, List<Pod> pods,
                           List<Deployment> deployments, List<Namespace> namespaces,
                           List<PlannedGateway> plannedGateways, boolean live, List<HasMetadata> others,
                           MeshConfig mesh) {

    public MeshSnapshot {
        gateways = List.copyOf(gateways);
        virtualServices = List.copyOf(virtualServices);
        destinationRules = List.copyOf(destinationRules);
        services = List.copyOf(services);
        pods = List.copyOf(pods);
        deployments = List.copyOf(deployments);
        namespaces = List.copyOf(namespaces);
        plannedGateways = List.copyOf(plannedGateways);
        others = List.copyOf(others);
        mesh = mesh == null ? MeshConfig.DEFAULT : mesh;
    }

    /** A snapshot without other objects, with the default mesh config. */
    public MeshSnapshot(List<Gateway> gateways, List<VirtualService> virtualServices,
                        List<DestinationRule> destinationRules, List<Service> services, List<Pod> pods,
                        List<Deployment> deployments, List<Namespace> namespaces,
                        List<PlannedGateway> plannedGateways, boolean live) {
        this(gateways, virtualServices, destinationRules, services, pods, deployments, namespaces, plannedGateways,
                live, List.of(), MeshConfig.DEFAULT);
    }

    /** A snapshot of nothing. */
    public static MeshSnapshot empty(boolean live) {
        return new MeshSnapshot(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), live);
    }

    /** An offline snapshot of objects read from files or built by templates; other kinds are left out. */
    public static MeshSnapshot offline(Collection<? extends HasMetadata> objects) {
        return empty(false).with(objects);
    }

    /**
     * This snapshot with more objects: each replaces the object of the same kind, namespace and name, if any
     * (what is about to be applied wins over what is there). Gateways, VirtualServices and DestinationRules of
     * the older {@code v1beta1} and {@code v1alpha3} APIs are taken as {@code v1}; other kinds go to
     * {@link #others()}. A ConfigMap {@code istio} in the root namespace sets the mesh config from its
     * {@code mesh} key, unless the mesh config was given otherwise.
     */
    public MeshSnapshot with(Collection<? extends HasMetadata> objects) {
        List<Gateway> newGateways = new ArrayList<>(gateways);
        List<VirtualService> newVirtualServices = new ArrayList<>(virtualServices);
        List<DestinationRule> newRules = new ArrayList<>(destinationRules);
        List<Service> newServices = new ArrayList<>(services);
        List<Pod> newPods = new ArrayList<>(pods);
        List<Deployment> newDeployments = new ArrayList<>(deployments);
        List<Namespace> newNamespaces = new ArrayList<>(namespaces);
        List<HasMetadata> newOthers = new ArrayList<>(others);
        MeshConfig newMesh = mesh;
        for (HasMetadata object : objects) {
            HasMetadata v1 = IstioVersions.toV1(object);
            if (v1 instanceof Gateway gateway) {
                put(newGateways, gateway);
            } else if (v1 instanceof VirtualService virtualService) {
                put(newVirtualServices, virtualService);
            } else if (v1 instanceof DestinationRule rule) {
                put(newRules, rule);
            } else if (v1 instanceof Service service) {
                put(newServices, service);
            } else if (v1 instanceof Pod pod) {
                put(newPods, pod);
            } else if (v1 instanceof Deployment deployment) {
                put(newDeployments, deployment);
            } else if (v1 instanceof Namespace namespace) {
                put(newNamespaces, namespace);
            } else if (v1 != null && v1.getMetadata() != null) {
                putOther(newOthers, v1);
                if (v1 instanceof ConfigMap map && mesh == MeshConfig.DEFAULT && "istio".equals(map.getMetadata()
                        .getName()) && mesh.rootNamespace().equals(namespace(map)) && map.getData() != null
                        && map.getData().get("mesh") != null) {
                    try {
                        newMesh = MeshConfig.parse(map.getData().get("mesh"));
                    } catch (IllegalArgumentException e) {
                        newMesh = mesh;
                    }
                }
            }
        }
        return new MeshSnapshot(newGateways, newVirtualServices, newRules, newServices, newPods, newDeployments,
                newNamespaces, plannedGateways, live, newOthers, newMesh);
    }

    /** This snapshot with the install plan's gateways. */
    public MeshSnapshot withPlannedGateways(List<PlannedGateway> planned) {
        return new MeshSnapshot(gateways, virtualServices, destinationRules, services, pods, deployments, namespaces,
                planned, live, others, mesh);
    }

    /** This snapshot with a mesh config (e.g. from {@code --meshconfig FILE}). */
    public MeshSnapshot withMesh(MeshConfig config) {
        return new MeshSnapshot(gateways, virtualServices, destinationRules, services, pods, deployments, namespaces,
                plannedGateways, live, others, config);
    }

    /** The other objects of a kind, e.g. {@code ServiceEntry}, in the snapshot's order. */
    public List<HasMetadata> others(String kind) {
        return others.stream().filter(o -> kind.equals(o.getKind())).toList();
    }

    private static void putOther(List<HasMetadata> list, HasMetadata object) {
        String namespace = namespace(object);
        String name = object.getMetadata().getName();
        list.removeIf(o -> Objects.equals(o.getKind(), object.getKind()) && namespace(o).equals(namespace)
                && Objects.equals(o.getMetadata().getName(), name));
        list.add(object);
    }

    private static <T extends HasMetadata> void put(List<T> list, T object) {
        String namespace = namespace(object);
        String name = object.getMetadata() == null ? null : object.getMetadata().getName();
        list.removeIf(o -> namespace(o).equals(namespace) && Objects.equals(o.getMetadata().getName(), name));
        list.add(object);
    }

    /** An object's namespace; {@code default} when it names none, as kubectl would apply it. */
    public static String namespace(HasMetadata object) {
        String namespace = object.getMetadata() == null ? null : object.getMetadata().getNamespace();
        return namespace == null || namespace.isEmpty() ? "default" : namespace;
    }
}
