package dev.meshwizard.cli;

import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.connect.ConnectException;
import dev.meshwizard.cluster.forward.IngressLookup;
import dev.meshwizard.cluster.forward.IngressProbe;
import dev.meshwizard.cluster.connect.KubeconfigException;
import dev.meshwizard.cluster.forward.ProbeResult;
import dev.meshwizard.cluster.forward.ProbeSummary;
import dev.meshwizard.job.JobContext;
import dev.meshwizard.observe.IngressAddress;
import dev.meshwizard.observe.ReviewsVersion;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mesh-wizard verify}: sends requests through the ingress gateway, like {@code curl
 * http://$GATEWAY_URL/productpage} in a loop, and prints the status codes and the Bookinfo reviews versions seen.
 * Without {@code --url} the address comes from the gateway release's Service. Exit 0 when at least one request got a
 * 200, 1 otherwise (or when the cluster cannot be read or gives no address), 2 for bad input.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Send requests through the ingress gateway and show the status codes and reviews versions.")
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions cluster;

    @Option(names = "--url", paramLabel = "URL",
            description = "The gateway address (host:port or http://host:port); default: from the gateway Service.")
    private String url;

    @Option(names = "--path", paramLabel = "P", defaultValue = IngressProbe.DEFAULT_PATH,
            description = "Path to request (default: ${DEFAULT-VALUE}).")
    private String path;

    @Option(names = "--count", paramLabel = "N", defaultValue = "10",
            description = "Number of requests (default: ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "5",
            description = "Requests a second at most (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "istio-system",
            description = "Namespace of the gateway release (default: ${DEFAULT-VALUE}).")
    private String namespace;

    @Option(names = "--gateway-release", paramLabel = "NAME", defaultValue = "istio-ingressgateway",
            description = "The gateway's Helm release (default: ${DEFAULT-VALUE}).")
    private String release;

    @Option(names = "--gateway-port", paramLabel = "PORT",
            description = "The Gateway server's port (default: the targetPort of the Service's http2 port).")
    private Integer gatewayPort;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (count < 1 || !(rate > 0)) {
            err.println("mesh-wizard verify: --count must be at least 1 and --rate above 0");
            return RenderCommand.BAD_INPUT;
        }
        String target = url;
        if (target == null) {
            try (ClusterSession session = cluster.connect()) {
                IngressAddress address = session.ingress().address(namespace, release,
                        gatewayPort == null ? OptionalInt.empty() : OptionalInt.of(gatewayPort));
                out.println("Gateway: " + address.reason());
                if (address.gatewayUrl().isEmpty()) {
                    err.println("mesh-wizard verify: no address from outside the cluster; run the port-forward, "
                            + "then pass --url localhost:8080");
                    return 1;
                }
                target = address.gatewayUrl().get();
            } catch (KubeconfigException | ConnectException e) {
                return ClusterOptions.fail("verify", e, err);
            } catch (IngressLookup.NoGatewayServiceException | KubernetesClientException e) {
                err.println("mesh-wizard verify: " + e.getMessage());
                return 1;
            }
        }
        IngressProbe.Settings settings;
        try {
            settings = new IngressProbe.Settings(target, path, count, rate,
                    Duration.ofMillis((long) (count / rate * 1000)).plusSeconds(30), Duration.ofSeconds(10));
            out.println("Probing " + settings.uri() + ": " + count + " requests at " + rate + "/s");
            ProbeSummary summary = new IngressProbe().run(settings, result -> print(out, result), JobContext.NONE);
            summarise(out, summary);
            return summary.ok() > 0 ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println("mesh-wizard verify: " + e.getMessage());
            return RenderCommand.BAD_INPUT;
        }
    }

    private static void print(PrintWriter out, ProbeResult result) {
        String what = result.answered() ? Integer.toString(result.status()) : "error";
        String detail = result.answered() ? result.version().label() : result.error();
        out.printf("%-5s %6d ms  %s%n", what, result.latency().toMillis(), detail);
    }

    private static void summarise(PrintWriter out, ProbeSummary summary) {
        out.println();
        out.println("Status codes:");
        for (Map.Entry<Integer, Integer> entry : summary.byStatus().entrySet()) {
            out.printf("  %-5d %d%n", entry.getKey(), entry.getValue());
        }
        if (summary.errors() > 0) {
            out.printf("  %-5s %d%n", "error", summary.errors());
        }
        out.println("Reviews versions:");
        for (Map.Entry<ReviewsVersion, Integer> entry : summary.byVersion().entrySet()) {
            out.printf("  %-20s %d%n", entry.getKey().label(), entry.getValue());
        }
        out.println(summary.ok() + " of " + summary.sent() + " requests answered 200");
        out.flush();
    }
}
