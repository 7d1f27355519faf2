package dev.meshwizard.ui.routing;

import dev.meshwizard.mesh.GatewayForm;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.kordamp.ikonli.feather.Feather;

/** The form of a Gateway: its selector and its servers as a table. */
final class GatewayFormView extends KindFormView<GatewayForm> {

    private record ServerFields(TextField port, TextField name, ComboBox<String> protocol, TextField hosts,
                                ComboBox<String> tlsMode, TextField credential, CheckBox redirect) {
    }

    private TextField selector;
    private final List<ServerFields> servers = new ArrayList<>();

    GatewayFormView(RoutingFormViewModel model) {
        super(model);
        setId("routing-form-gateway");
    }

    @Override
    protected void build(GatewayForm form) {
        servers.clear();
        selector = text(String.join(", ", form.selector()), "istio=ingressgateway", 320);
        selector.setId("form-selector");
        GridPane table = grid("Port", "Name", "Protocol", "Hosts (comma separated)", "TLS mode", "Credential",
                "HTTPS redirect", "");
        table.setId("form-servers");
        for (int i = 0; i < form.servers().size(); i++) {
            GatewayForm.Server server = form.servers().get(i);
            ServerFields fields = new ServerFields(text(String.valueOf(server.port()), "80", 70),
                    text(server.portName(), "http", 90), choice(GatewayForm.PROTOCOLS, server.protocol(), ""),
                    text(String.join(", ", server.hosts()), "*.example.com", 180),
                    choice(GatewayForm.TLS_MODES, server.tlsMode(), "none"),
                    text(server.credentialName(), "Secret name", 130), check("", server.httpsRedirect()));
            fields.port().setId("form-server-port-" + i);
            servers.add(fields);
            int index = i;
            String at = "servers[" + i + "].";
            addRow(table, i, List.of(at + "port", at + "portName", at + "protocol", at + "hosts", at + "tlsMode"),
                    fields.port(), fields.name(), fields.protocol(), fields.hosts(), fields.tlsMode(),
                    fields.credential(), fields.redirect(), remove("this server", () -> removeServer(index)));
        }
        getChildren().addAll(field("Selector (key=value, comma separated)", selector, "selector"),
                new javafx.scene.control.Label("Servers"), table,
                button("Add server", Feather.PLUS, this::addServer));
    }

    @Override
    protected GatewayForm collect() {
        List<GatewayForm.Server> rows = new ArrayList<>();
        for (ServerFields fields : servers) {
            rows.add(new GatewayForm.Server(number(fields.port(), 0), fields.name().getText().trim(),
                    fields.protocol().getValue(), split(fields.hosts()), fields.tlsMode().getValue(),
                    fields.credential().getText().trim(), fields.redirect().isSelected()));
        }
        return new GatewayForm(split(selector), rows);
    }

    private void addServer() {
        GatewayForm form = collect();
        List<GatewayForm.Server> rows = new ArrayList<>(form.servers());
        int port = rows.stream().anyMatch(s -> s.port() == 80) ? 443 : 80;
        rows.add(port == 80 ? new GatewayForm.Server(80, "http", "HTTP", List.of("*"), "", "", false)
                : new GatewayForm.Server(443, "https", "HTTPS", List.of("*"), "SIMPLE", "", false));
        replace(new GatewayForm(form.selector(), rows));
    }

    private void removeServer(int index) {
        GatewayForm form = collect();
        List<GatewayForm.Server> rows = new ArrayList<>(form.servers());
        rows.remove(index);
        replace(new GatewayForm(form.selector(), rows));
    }
}
