package dev.meshwizard.testing;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.ServerAddressByClientCIDRBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery documents of the simulated API server: which groups, versions and resources it claims to serve,
 * as {@code kubectl} and client libraries read them from {@code /api}, {@code /api/v1}, {@code /apis} and
 * {@code /apis/<group>/<version>}. Only legacy (non-aggregated) discovery; clients fall back to it. The built-in
 * groups are always there; the groups of custom resources (Istio's, Gateway API's) only while their
 * CustomResourceDefinitions exist ({@link #customResources}).
 */
final class ApiCatalog {

    private static final List<String> CRUD =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    private static final List<String> CREATE_ONLY = List.of("create");
    private static final List<String> STATUS = List.of("get", "patch", "update");

    private record Resource(String plural, String kind, boolean namespaced, List<String> verbs,
                            List<String> shortNames, List<String> categories) {

        /** The same resource with fewer verbs. */
        Resource only(List<String> fewerVerbs) {
            return new Resource(plural, kind, namespaced, fewerVerbs, shortNames, categories);
        }

        /** The same resource under another plural, e.g. its status subresource. */
        Resource withPlural(String other) {
            return new Resource(other, kind, namespaced, verbs, shortNames, categories);
        }

        /** The same resource in the "all" category ({@code kubectl get all}). */
        Resource inAll() {
            return new Resource(plural, kind, namespaced, verbs, shortNames, List.of("all"));
        }
    }

    /** group → versions (preferred first) → resources. The core group is "". Built-in and then CRD groups. */
    private volatile Map<String, Map<String, List<Resource>>> groups = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Resource>>> builtIn = new LinkedHashMap<>();

    ApiCatalog() {
        List<Resource> core = List.of(
                crud("bindings", "Binding", true).only(CREATE_ONLY),
                crud("componentstatuses", "ComponentStatus", false, "cs").only(List.of("get", "list")),
                crud("configmaps", "ConfigMap", true, "cm"),
                crud("endpoints", "Endpoints", true, "ep"),
                crud("events", "Event", true, "ev"),
                crud("limitranges", "LimitRange", true, "limits"),
                crud("namespaces", "Namespace", false, "ns"),
                crud("namespaces/status", "Namespace", false).only(STATUS),
                crud("nodes", "Node", false, "no"),
                crud("persistentvolumeclaims", "PersistentVolumeClaim", true, "pvc"),
                crud("persistentvolumes", "PersistentVolume", false, "pv"),
                crud("pods", "Pod", true, "po").inAll(),
                crud("pods/exec", "PodExecOptions", true).only(List.of("create", "get")),
                crud("pods/log", "Pod", true).only(List.of("get")),
                crud("pods/portforward", "PodPortForwardOptions", true).only(List.of("create", "get")),
                crud("pods/status", "Pod", true).only(STATUS),
                crud("podtemplates", "PodTemplate", true),
                crud("replicationcontrollers", "ReplicationController", true, "rc").inAll(),
                crud("resourcequotas", "ResourceQuota", true, "quota"),
                crud("secrets", "Secret", true),
                crud("serviceaccounts", "ServiceAccount", true, "sa"),
                crud("services", "Service", true, "svc").inAll(),
                crud("services/status", "Service", true).only(STATUS));
        add("", "v1", core);
        add("apps", "v1", List.of(
                crud("controllerrevisions", "ControllerRevision", true),
                crud("daemonsets", "DaemonSet", true, "ds").inAll(),
                crud("deployments", "Deployment", true, "deploy").inAll(),
                crud("deployments/scale", "Scale", true).only(STATUS),
                crud("deployments/status", "Deployment", true).only(STATUS),
                crud("replicasets", "ReplicaSet", true, "rs").inAll(),
                crud("statefulsets", "StatefulSet", true, "sts").inAll()));
        add("rbac.authorization.k8s.io", "v1", List.of(
                crud("clusterrolebindings", "ClusterRoleBinding", false),
                crud("clusterroles", "ClusterRole", false),
                crud("rolebindings", "RoleBinding", true),
                crud("roles", "Role", true)));
        add("apiextensions.k8s.io", "v1", List.of(
                crud("customresourcedefinitions", "CustomResourceDefinition", false, "crd", "crds"),
                crud("customresourcedefinitions/status", "CustomResourceDefinition", false).only(STATUS)));
        add("admissionregistration.k8s.io", "v1", List.of(
                crud("mutatingwebhookconfigurations", "MutatingWebhookConfiguration", false),
                crud("validatingadmissionpolicies", "ValidatingAdmissionPolicy", false),
                crud("validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding", false),
                crud("validatingwebhookconfigurations", "ValidatingWebhookConfiguration", false)));
        add("policy", "v1", List.of(crud("poddisruptionbudgets", "PodDisruptionBudget", true, "pdb")));
        for (String version : List.of("v2", "v1")) {
            add("autoscaling", version,
                    List.of(crud("horizontalpodautoscalers", "HorizontalPodAutoscaler", true, "hpa").inAll()));
        }
        add("authorization.k8s.io", "v1", List.of(
                crud("localsubjectaccessreviews", "LocalSubjectAccessReview", true).only(CREATE_ONLY),
                crud("selfsubjectaccessreviews", "SelfSubjectAccessReview", false).only(CREATE_ONLY),
                crud("selfsubjectrulesreviews", "SelfSubjectRulesReview", false).only(CREATE_ONLY),
                crud("subjectaccessreviews", "SubjectAccessReview", false).only(CREATE_ONLY)));
        builtIn.putAll(groups);
    }

    /** The {@code /api} document. */
    String coreVersions(String serverAddress) {
        return Serialization.asJson(new APIVersionsBuilder().withVersions("v1")
                .withServerAddressByClientCIDRs(new ServerAddressByClientCIDRBuilder().withClientCIDR("0.0.0.0/0")
                        .withServerAddress(serverAddress).build())
                .build());
    }

    /** The {@code /apis} document: every named group with its versions, preferred first. */
    String groupList() {
        List<APIGroup> list = new ArrayList<>();
        groups.forEach((group, versions) -> {
            if (group.isEmpty()) {
                return;
            }
            List<GroupVersionForDiscovery> discovered = new ArrayList<>();
            versions.keySet().forEach(v -> discovered.add(new GroupVersionForDiscovery(group + "/" + v, v)));
            list.add(new APIGroupBuilder().withName(group).withVersions(discovered)
                    .withPreferredVersion(discovered.get(0)).build());
        });
        return Serialization.asJson(new APIGroupListBuilder().withGroups(list).build());
    }

    /** The {@code /apis/<group>} document, or empty when the group is not served. */
    Optional<String> group(String name) {
        Map<String, List<Resource>> versions = groups.get(name);
        if (name.isEmpty() || versions == null) {
            return Optional.empty();
        }
        List<GroupVersionForDiscovery> discovered = new ArrayList<>();
        versions.keySet().forEach(v -> discovered.add(new GroupVersionForDiscovery(name + "/" + v, v)));
        return Optional.of(Serialization.asJson(new APIGroupBuilder().withName(name).withVersions(discovered)
                .withPreferredVersion(discovered.get(0)).build()));
    }

    /** The resource list of one group version ({@code ""} for core), or empty when it is not served. */
    Optional<String> resourceList(String group, String version) {
        List<Resource> resources = groups.getOrDefault(group, Map.of()).get(version);
        if (resources == null) {
            return Optional.empty();
        }
        List<APIResource> list = new ArrayList<>();
        for (Resource r : resources) {
            String singular = r.plural().contains("/") ? "" : r.kind().toLowerCase(java.util.Locale.ROOT);
            list.add(new APIResourceBuilder().withName(r.plural()).withSingularName(singular)
                    .withKind(r.kind()).withNamespaced(r.namespaced()).withVerbs(r.verbs())
                    .withShortNames(r.shortNames().isEmpty() ? null : r.shortNames())
                    .withCategories(r.categories().isEmpty() ? null : r.categories()).build());
        }
        String groupVersion = group.isEmpty() ? version : group + "/" + version;
        return Optional.of(Serialization.asJson(
                new APIResourceListBuilder().withGroupVersion(groupVersion).withResources(list).build()));
    }

    /** The kind served under a resource plural, e.g. {@code Pod} for ("", "v1", "pods"). */
    Optional<String> kindOf(String group, String version, String plural) {
        return groups.getOrDefault(group, Map.of()).getOrDefault(version, List.of()).stream()
                .filter(r -> r.plural().equals(plural)).map(Resource::kind).findFirst();
    }

    /** One served resource, for documents other than discovery (the OpenAPI index). */
    record Served(String group, String version, String plural, String kind, boolean namespaced) {
    }

    /** Every served group version ({@code ""} group for core), preferred versions first. */
    Map<String, List<String>> groupVersions() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        groups.forEach((group, versions) -> result.put(group, List.copyOf(versions.keySet())));
        return result;
    }

    /** The top-level resources (no subresources) of one group version. */
    List<Served> resources(String group, String version) {
        return groups.getOrDefault(group, Map.of()).getOrDefault(version, List.of()).stream()
                .filter(r -> !r.plural().contains("/"))
                .map(r -> new Served(group, version, r.plural(), r.kind(), r.namespaced())).toList();
    }

    /**
     * Every top-level resource that can be listed and deleted, in every served version: what the namespace and
     * garbage collectors look through.
     */
    List<Served> deletable() {
        List<Served> result = new ArrayList<>();
        groups.forEach((group, versions) -> versions.forEach((version, resources) -> resources.stream()
                .filter(r -> !r.plural().contains("/") && r.verbs().contains("list") && r.verbs().contains("delete"))
                .forEach(r -> result.add(new Served(group, version, r.plural(), r.kind(), r.namespaced())))));
        return result;
    }

    /** Whether {@code group} is served by the server itself rather than by a CustomResourceDefinition. */
    boolean isBuiltIn(String group) {
        return builtIn.containsKey(group);
    }

    /** Whether {@code resource} (a plural) of {@code group}/{@code version} is served now. */
    boolean serves(String group, String version, String resource) {
        return groups.getOrDefault(group, Map.of()).getOrDefault(version, List.of()).stream()
                .anyMatch(r -> r.plural().equals(resource) || r.plural().startsWith(resource + "/"));
    }

    /**
     * Serves the resources of these CustomResourceDefinitions (as JSON) beside the built-in ones, and no others: a
     * group appears in discovery with its first CRD and goes with its last. Versions marked {@code served: false}
     * are left out; the storage version is preferred.
     */
    void customResources(List<com.fasterxml.jackson.databind.JsonNode> crds) {
        Map<String, Map<String, List<Resource>>> merged = new LinkedHashMap<>(builtIn);
        Map<String, Map<String, List<Resource>>> custom = new java.util.TreeMap<>();
        for (com.fasterxml.jackson.databind.JsonNode crd : crds) {
            com.fasterxml.jackson.databind.JsonNode spec = crd.path("spec");
            com.fasterxml.jackson.databind.JsonNode names = spec.path("names");
            boolean namespaced = !"Cluster".equals(spec.path("scope").asText());
            List<String> shortNames = new ArrayList<>();
            names.path("shortNames").forEach(n -> shortNames.add(n.asText()));
            List<String> categories = new ArrayList<>();
            names.path("categories").forEach(n -> categories.add(n.asText()));
            Resource resource = new Resource(names.path("plural").asText(), names.path("kind").asText(), namespaced,
                    CRUD, List.copyOf(shortNames), List.copyOf(categories));
            List<com.fasterxml.jackson.databind.JsonNode> versions = new ArrayList<>();
            spec.path("versions").forEach(versions::add);
            versions.sort(java.util.Comparator.comparing(v -> priority(v.path("name").asText())));
            Map<String, List<Resource>> groupVersions = custom.computeIfAbsent(spec.path("group").asText(),
                    g -> new LinkedHashMap<>());
            for (com.fasterxml.jackson.databind.JsonNode version : versions) {
                if (version.path("served").asBoolean(true)) {
                    List<Resource> list = new ArrayList<>(groupVersions.getOrDefault(version.path("name").asText(),
                            List.of()));
                    list.add(resource);
                    if (version.has("subresources") && version.path("subresources").has("status")) {
                        list.add(resource.withPlural(resource.plural() + "/status").only(STATUS));
                    }
                    groupVersions.put(version.path("name").asText(), List.copyOf(list));
                }
            }
        }
        custom.forEach((group, versions) -> {
            if (!versions.isEmpty()) {
                merged.put(group, versions);
            }
        });
        groups = merged;
    }

    /**
     * Kubernetes' version order, highest first: GA before beta before alpha, higher numbers first (v1 before v1beta1
     * before v1alpha3); discovery lists versions so and prefers the first.
     */
    private static String priority(String version) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?").matcher(version);
        if (!m.matches()) {
            return "9" + version;
        }
        int level = m.group(2) == null ? 0 : m.group(2).equals("beta") ? 1 : 2;
        int major = 999 - Integer.parseInt(m.group(1));
        int minor = m.group(3) == null ? 0 : 999 - Integer.parseInt(m.group(3));
        return String.format("%d%03d%03d", level, major, minor);
    }

    private void add(String group, String version, List<Resource> resources) {
        groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(version, List.copyOf(resources));
    }

    private static Resource crud(String plural, String kind, boolean namespaced, String... shortNames) {
        return new Resource(plural, kind, namespaced, CRUD, List.of(shortNames), List.of());
    }
}
