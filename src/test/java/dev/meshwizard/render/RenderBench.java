package dev.meshwizard.render;

import com.marcnuri.helm.Helm;
import dev.meshwizard.charts.ChartSource;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.plan.ChartSourceSpec;
import dev.meshwizard.plan.Component;
import dev.meshwizard.plan.InstallPlan;
import dev.meshwizard.testing.TestCharts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures what the {@link Renderer} adds to Helm: three releases (base, istiod, an ingress gateway) rendered
 * through the renderer against the same three bare helm-java {@code template} calls on the same charts, values
 * files and {@code --set} items. Both run warm and interleaved; the table shows medians. The renderer runs with a
 * fresh instance per round so nothing is reused between rounds; a separate row shows a re-render of an unchanged
 * plan and of a plan with one release edited. Not a test; it asserts nothing. Run it in a JVM of its own:
 * {@code mvn -q test-compile exec:exec@bench-render} (arguments: {@code --rounds N --warmup N}).
 */
public final class RenderBench {

    private static final String NAMESPACE = "istio-system";
    private static final String ISTIOD_VALUES = """
            meshConfig:
              accessLogFile: /dev/stdout
              defaultConfig:
                holdApplicationUntilProxyStarts: true
            pilot:
              env:
                PILOT_ENABLE_STATUS: "true"
            """;
    private static final String GATEWAY_VALUES = """
            service:
              annotations:
                service.beta.kubernetes.io/aws-load-balancer-type: external
                service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip
                service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
            autoscaling:
              minReplicas: 2
            """;

    private RenderBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 300;
        int warmup = 100;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        ChartSourceSpec spec = ChartSourceSpec.chartsFolder(TestCharts.chartsFolder());
        ChartSource charts = ChartSource.open(spec);
        InstallPlan plan = new InstallPlan("demo", "", "", "", spec, List.of(
                new ChartRelease("istio-base", NAMESPACE, Component.BASE, "", List.of()),
                new ChartRelease("istiod", NAMESPACE, Component.ISTIOD, ISTIOD_VALUES, List.of()),
                new ChartRelease("istio-ingressgateway", NAMESPACE, Component.GATEWAY, GATEWAY_VALUES, List.of())));
        Path valuesDir = Files.createTempDirectory("render-bench");
        Path istiodValues = Files.writeString(valuesDir.resolve("istiod.yaml"), ISTIOD_VALUES);
        Path gatewayValues = Files.writeString(valuesDir.resolve("gateway.yaml"), GATEWAY_VALUES);
        Path base = charts.chart(Component.BASE);
        Path istiod = charts.chart(Component.ISTIOD);
        Path gateway = charts.chart(Component.GATEWAY);
        Runnable bare = () -> {
            Helm.template(base.toString()).withName("istio-base").withNamespace(NAMESPACE).set("profile", "demo")
                    .call();
            Helm.template(istiod.toString()).withName("istiod").withNamespace(NAMESPACE)
                    .withValuesFile(istiodValues).set("profile", "demo").call();
            Helm.template(gateway.toString()).withName("istio-ingressgateway").withNamespace(NAMESPACE)
                    .withValuesFile(gatewayValues).set("profile", "demo").call();
        };

        List<String[]> table = new ArrayList<>();
        long firstStart = System.nanoTime();
        RenderedManifests first = new Renderer().render(plan, charts);
        table.add(row("First render in the JVM (loads Helm's native library)", ms(millisSince(firstStart))));
        table.add(row("Objects rendered per round", String.valueOf(first.objectCount())));

        for (int i = 0; i < warmup; i++) {
            bare.run();
            new Renderer().render(plan, charts);
        }
        List<Double> bareTimes = new ArrayList<>();
        List<Double> rendererTimes = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            boolean bareFirst = i % 2 == 0;
            for (int turn = 0; turn < 2; turn++) {
                if (bareFirst == (turn == 0)) {
                    long start = System.nanoTime();
                    bare.run();
                    bareTimes.add(millisSince(start));
                } else {
                    long start = System.nanoTime();
                    new Renderer().render(plan, charts);
                    rendererTimes.add(millisSince(start));
                }
            }
        }
        double bareMedian = median(bareTimes);
        double rendererMedian = median(rendererTimes);
        table.add(row("Bare helm-java template x3, median (p90)",
                ms(bareMedian) + " (" + ms(percentile(bareTimes, 0.9)) + ")"));
        table.add(row("Renderer.render, 3 releases, median (p90)",
                ms(rendererMedian) + " (" + ms(percentile(rendererTimes, 0.9)) + ")"));
        table.add(row("Renderer / bare (target <= 1.15)", String.format(Locale.ROOT, "%.3f", rendererMedian
                / bareMedian)));

        Renderer reused = new Renderer();
        reused.render(plan, charts);
        List<Double> unchanged = new ArrayList<>();
        List<Double> oneEdited = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            reused.render(plan, charts);
            unchanged.add(millisSince(start));
            InstallPlan edited = plan.withReleases(List.of(plan.releases().get(0), plan.releases().get(1),
                    plan.releases().get(2).withValues(GATEWAY_VALUES + "replicaCount: " + (i + 1) + "\n")));
            start = System.nanoTime();
            reused.render(edited, charts);
            oneEdited.add(millisSince(start));
        }
        table.add(row("Re-render of an unchanged plan (same Renderer), median", ms(median(unchanged))));
        table.add(row("Re-render with the gateway's values edited, median", ms(median(oneEdited))));
        print(table, rounds, warmup);
    }

    private static String[] row(String what, String value) {
        return new String[] {what, value};
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    private static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static double percentile(List<Double> values, double fraction) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(fraction * sorted.size())));
    }

    private static void print(List<String[]> table, int rounds, int warmup) {
        int width = table.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        System.out.println("Render benchmark: " + rounds + " interleaved rounds after " + warmup
                + " warm-up rounds, " + Runtime.getRuntime().availableProcessors() + " cores");
        for (String[] row : table) {
            System.out.println(String.format(Locale.ROOT, "  %-" + width + "s  %s", row[0], row[1]));
        }
    }
}
