package dev.meshwizard.mesh;

import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.Port;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Gateway's spec as a {@link GatewayForm} and back. */
final class GatewayForms {

    private GatewayForms() {
    }

    static GatewayForm read(Gateway spec) {
        if (spec == null) {
            return new GatewayForm(List.of(), List.of());
        }
        List<GatewayForm.Server> servers = new ArrayList<>();
        for (Server server : spec.getServers() == null ? List.<Server>of() : spec.getServers()) {
            Port port = server.getPort();
            ServerTLSSettings tls = server.getTls();
            int number = port == null || port.getNumber() == null ? 0 : port.getNumber().intValue();
            servers.add(new GatewayForm.Server(number, port == null ? "" : port.getName(), port == null ? "" : port.getProtocol(), server.getHosts(),
                    tls == null || tls.getMode() == null ? "" : tls.getMode().name(),
                    tls == null ? "" : tls.getCredentialName(),
                    tls != null && Boolean.TRUE.equals(tls.getHttpsRedirect())));
        }
        return new GatewayForm(RoutingForms.entries(spec.getSelector()), servers);
    }

    static Gateway write(Gateway spec, GatewayForm form) {
        Gateway gateway = spec == null ? new Gateway() : spec;
        Map<String, String> selector = RoutingForms.labels(form.selector());
        gateway.setSelector(selector.isEmpty() ? null : selector);
        List<Server> existing = gateway.getServers() == null ? List.of() : gateway.getServers();
        List<Server> servers = new ArrayList<>();
        for (int i = 0; i < form.servers().size(); i++) {
            GatewayForm.Server row = form.servers().get(i);
            Server server = i < existing.size() ? existing.get(i) : new Server();
            Port port = server.getPort() == null ? new Port() : server.getPort();
            port.setNumber((long) row.port());
            port.setName(RoutingForms.orNull(row.portName()));
            port.setProtocol(RoutingForms.orNull(row.protocol()));
            server.setPort(port);
            server.setHosts(new ArrayList<>(row.hosts()));
            ServerTLSSettings tls = server.getTls() == null ? new ServerTLSSettings() : server.getTls();
            tls.setMode(row.tlsMode().isEmpty() ? null : ServerTLSSettingsTLSmode.valueOf(row.tlsMode()));
            tls.setCredentialName(RoutingForms.orNull(row.credentialName()));
            tls.setHttpsRedirect(row.httpsRedirect() ? Boolean.TRUE : null);
            server.setTls(RoutingForms.isEmpty(tls) ? null : tls);
            servers.add(server);
        }
        gateway.setServers(servers);
        return gateway;
    }

    static List<FormProblem> problems(GatewayForm form) {
        List<FormProblem> problems = new ArrayList<>();
        RoutingForms.labelProblems(form.selector(), "selector", problems);
        for (int i = 0; i < form.servers().size(); i++) {
            GatewayForm.Server server = form.servers().get(i);
            String field = "servers[" + i + "].";
            if (server.port() < 1 || server.port() > 65535) {
                problems.add(new FormProblem(field + "port", "port must be a number from 1 to 65535"));
            }
            if (server.portName().isBlank()) {
                problems.add(new FormProblem(field + "portName", "port name is required"));
            }
            if (!GatewayForm.PROTOCOLS.contains(server.protocol())) {
                problems.add(new FormProblem(field + "protocol", "protocol must be one of "
                        + String.join(", ", GatewayForm.PROTOCOLS)));
            }
            if (server.hosts().isEmpty()) {
                problems.add(new FormProblem(field + "hosts", "at least one host is required"));
            }
            if (!GatewayForm.TLS_MODES.contains(server.tlsMode())) {
                problems.add(new FormProblem(field + "tlsMode", "TLS mode must be one of "
                        + String.join(", ", GatewayForm.TLS_MODES.subList(1, GatewayForm.TLS_MODES.size()))));
            }
        }
        return problems;
    }
}
