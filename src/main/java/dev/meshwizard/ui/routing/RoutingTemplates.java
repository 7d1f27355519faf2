package dev.meshwizard.ui.routing;

import dev.meshwizard.mesh.PathRoute;
import dev.meshwizard.mesh.PathRouting;
import dev.meshwizard.mesh.RoutingDocument;
import dev.meshwizard.mesh.RoutingDocuments;
import dev.meshwizard.mesh.analysis.PlannedGateway;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.Component;
import dev.meshwizard.ui.state.PlanModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The Routing step's templates: each adds documents to the workspace, in the step's namespace. */
public final class RoutingTemplates {

    private final RoutingStepViewModel model;
    private final PlanModel planModel;
    private final RoutingApplyViewModel applying;

    RoutingTemplates(RoutingStepViewModel model, PlanModel planModel, RoutingApplyViewModel applying) {
        this.model = model;
        this.planModel = planModel;
        this.applying = applying;
    }

    public void addAllV1() {
        model.add(RoutingDocuments.bookinfoAllV1(model.ns()),
                "Added VirtualServices sending every Bookinfo service to v1.");
    }

    public void addReviewsForJason() {
        model.add(List.of(RoutingDocuments.reviewsForJason(model.ns())),
                "Added reviews: end-user jason to v2, others to v1.");
    }

    public void addReviewsWeighted(int v1Percent) {
        model.add(List.of(RoutingDocuments.reviewsWeighted(model.ns(), v1Percent)),
                "Reviews: " + v1Percent + "% to v1, "
                + (100 - v1Percent) + "% to v3.");
    }

    public void addDestinationRules() {
        model.add(RoutingDocuments.bookinfoDestinationRules(model.ns()),
                "Added DestinationRules with every Bookinfo subset.");
    }

    /**
     * Adds path-based routing; {@code rows} holds a line per path, {@code /prefix service:port}. The backends get
     * the path as sent, or without the prefix when {@code stripPrefix}.
     *
     * @return "" or what is wrong with the input
     */
    public String addPathRouting(String name, String host, String gateway, String rows, boolean stripPrefix) {
        List<PathRoute> routes = new ArrayList<>();
        for (String line : rows.lines().map(String::trim).filter(l -> !l.isEmpty()).toList()) {
            String[] parts = line.split("\\s+");
            String[] target = parts.length == 2 ? parts[1].split(":") : new String[0];
            try {
                if (target.length != 2) {
                    throw new IllegalArgumentException("write /prefix service:port");
                }
                routes.add(new PathRoute(parts[0], target[0], Integer.parseInt(target[1])));
            } catch (IllegalArgumentException e) {
                return "\"" + line + "\": " + e.getMessage();
            }
        }
        try {
            model.add(List.of(RoutingDocuments.pathRouting(name, model.ns(), host, gateway, routes,
                    stripPrefix ? PathRouting.Rewrite.STRIP_PREFIX : PathRouting.Rewrite.KEEP_PATH)),
                    "Added path routing " + name + ".");
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * Adds an HTTPS gateway whose Secret is created from PEM files when it is applied.
     *
     * @return "" or what is wrong with the input
     */
    public String addTlsGateway(String name, String hosts, String secretName, Path certificate, Path key) {
        if (certificate == null || key == null) {
            return "Choose the certificate and the key file.";
        }
        try {
            RoutingDocument gateway = RoutingDocuments.tlsGateway(name, model.ns(), gatewayRelease(),
                    Arrays.stream(hosts.split("[,\\s]+")).filter(h -> !h.isBlank()).toList(), secretName);
            applying.secretFor(gateway.fileName(), new RoutingApplyViewModel.SecretFiles(secretName, model.ns(),
                    certificate, key));
            model.add(List.of(gateway), "Added Gateway " + name + "; Secret " + secretName + " is created from "
                    + certificate.getFileName() + " and " + key.getFileName() + " when applying.");
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The plan's first gateway release, whose pods a new Gateway selects. */
    public String gatewayRelease() {
        return planModel.plan().releases().stream().filter(r -> r.component() == Component.GATEWAY)
                .map(ChartRelease::name).findFirst().orElse("istio-ingressgateway");
    }

    /** The selector a new Gateway gets, e.g. {@code istio=ingressgateway}. */
    public String gatewaySelector() {
        return PlannedGateway.selector(gatewayRelease()).entrySet().stream().map(Map.Entry::toString)
                .findFirst().orElse("");
    }
}
