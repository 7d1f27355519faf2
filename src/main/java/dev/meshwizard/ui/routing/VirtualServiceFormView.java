package dev.meshwizard.ui.routing;

import atlantafx.base.theme.Styles;
import dev.meshwizard.mesh.VirtualServiceForm;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The form of a VirtualService: hosts, gateways and its HTTP routes, each with its first match and destinations. */
final class VirtualServiceFormView extends KindFormView<VirtualServiceForm> {

    private record DestinationFields(TextField host, TextField subset, TextField port, TextField weight) {
    }

    private record RouteFields(TextField name, ComboBox<String> uriKind, TextField uri, TextField header,
                               TextField headerValue, TextField method, TextField rewrite, TextField timeout,
                               TextField retries, List<DestinationFields> destinations) {
    }

    private TextField hosts;
    private TextField gateways;
    private final List<RouteFields> routes = new ArrayList<>();

    VirtualServiceFormView(RoutingFormViewModel model) {
        super(model);
        setId("routing-form-virtualservice");
    }

    @Override
    protected void build(VirtualServiceForm form) {
        routes.clear();
        hosts = text(String.join(", ", form.hosts()), "reviews", 260);
        hosts.setId("form-hosts");
        gateways = text(String.join(", ", form.gateways()), "bookinfo-gateway, mesh", 260);
        gateways.setId("form-gateways");
        HBox top = new HBox(12, field("Hosts (comma separated)", hosts, "hosts"),
                field("Gateways (comma separated, empty for the mesh)", gateways, "gateways"));
        getChildren().addAll(top, new Label("HTTP routes, tried in order"));
        for (int i = 0; i < form.routes().size(); i++) {
            getChildren().add(route(i, form.routes().get(i)));
        }
        getChildren().add(button("Add route", Feather.PLUS, this::addRoute));
    }

    private VBox route(int index, VirtualServiceForm.Route route) {
        String at = "routes[" + index + "].";
        RouteFields fields = new RouteFields(text(route.name(), "optional", 120),
                choice(VirtualServiceForm.URI_KINDS, route.uriKind(), "any path"), text(route.uri(), "/api", 160),
                text(route.headerName(), "end-user", 120), text(route.headerExact(), "jason", 120),
                text(route.method(), "GET", 70), text(route.rewriteUri(), "/", 100), text(route.timeout(), "10s", 70),
                text(text(route.retryAttempts()), "3", 60), new ArrayList<>());
        routes.add(fields);
        GridPane match = grid("Name", "Path match", "Path", "Method");
        addRow(match, 0, List.of(at + "name", at + "uriKind", at + "uri", at + "method"), fields.name(),
                fields.uriKind(), fields.uri(), fields.method());
        GridPane more = grid("Header", "Header value (exact)", "Rewrite uri", "Timeout", "Retries");
        addRow(more, 0, List.of(at + "headerName", at + "headerExact", at + "rewriteUri", at + "timeout",
                at + "retryAttempts"), fields.header(), fields.headerValue(), fields.rewrite(), fields.timeout(),
                fields.retries());
        GridPane destinations = grid("Destination host", "Subset", "Port", "Weight", "");
        destinations.setId("form-route-" + index + "-destinations");
        for (int j = 0; j < route.destinations().size(); j++) {
            VirtualServiceForm.Destination destination = route.destinations().get(j);
            DestinationFields row = new DestinationFields(text(destination.host(), "reviews", 200),
                    text(destination.subset(), "v1", 80), text(text(destination.port()), "9080", 70),
                    text(text(destination.weight()), "100", 60));
            row.weight().setId("form-route-" + index + "-weight-" + j);
            fields.destinations().add(row);
            String to = at + "destinations[" + j + "].";
            int position = j;
            addRow(destinations, j, List.of(to + "host", to + "subset", to + "port", to + "weight"), row.host(),
                    row.subset(), row.port(), row.weight(),
                    remove("this destination", () -> removeDestination(index, position)));
        }
        Label title = new Label("Route " + (index + 1));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, button("Add destination", Feather.PLUS, () -> addDestination(index)),
                remove("this route", () -> removeRoute(index)));
        header.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, header, match, more, destinations);
        box.setStyle("-fx-border-color: -color-border-default; -fx-border-radius: 4; -fx-padding: 8;");
        return box;
    }

    @Override
    protected VirtualServiceForm collect() {
        List<VirtualServiceForm.Route> rows = new ArrayList<>();
        for (RouteFields fields : routes) {
            List<VirtualServiceForm.Destination> destinations = new ArrayList<>();
            for (DestinationFields row : fields.destinations()) {
                destinations.add(new VirtualServiceForm.Destination(row.host().getText().trim(),
                        row.subset().getText().trim(), optional(row.port(), -1), optional(row.weight(), -1)));
            }
            rows.add(new VirtualServiceForm.Route(fields.name().getText().trim(), fields.uriKind().getValue(),
                    fields.uri().getText().trim(), fields.header().getText().trim(),
                    fields.headerValue().getText().trim(), fields.method().getText().trim(),
                    fields.rewrite().getText().trim(), destinations, fields.timeout().getText().trim(),
                    optional(fields.retries(), -1)));
        }
        return new VirtualServiceForm(split(hosts), split(gateways), rows);
    }

    private String firstHost(VirtualServiceForm form) {
        return form.hosts().isEmpty() ? "" : form.hosts().get(0);
    }

    private void addRoute() {
        VirtualServiceForm form = collect();
        List<VirtualServiceForm.Route> rows = new ArrayList<>(form.routes());
        rows.add(new VirtualServiceForm.Route("", "", "", "", "", "", "",
                List.of(new VirtualServiceForm.Destination(firstHost(form), "", null, null)), "", null));
        replace(form.withRoutes(rows));
    }

    private void removeRoute(int index) {
        VirtualServiceForm form = collect();
        List<VirtualServiceForm.Route> rows = new ArrayList<>(form.routes());
        rows.remove(index);
        replace(form.withRoutes(rows));
    }

    private void addDestination(int index) {
        VirtualServiceForm form = collect();
        List<VirtualServiceForm.Route> rows = new ArrayList<>(form.routes());
        List<VirtualServiceForm.Destination> destinations = new ArrayList<>(rows.get(index).destinations());
        destinations.add(new VirtualServiceForm.Destination(firstHost(form), "", null, null));
        rows.set(index, rows.get(index).withDestinations(destinations));
        replace(form.withRoutes(rows));
    }

    private void removeDestination(int index, int position) {
        VirtualServiceForm form = collect();
        List<VirtualServiceForm.Route> rows = new ArrayList<>(form.routes());
        List<VirtualServiceForm.Destination> destinations = new ArrayList<>(rows.get(index).destinations());
        destinations.remove(position);
        rows.set(index, rows.get(index).withDestinations(destinations));
        replace(form.withRoutes(rows));
    }
}
