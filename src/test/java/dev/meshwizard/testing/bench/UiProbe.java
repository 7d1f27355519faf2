package dev.meshwizard.testing.bench;

import dev.meshwizard.job.BackgroundJobRunner;
import dev.meshwizard.ui.state.AppSettingsFixture;
import dev.meshwizard.ui.app.MainWindow;
import dev.meshwizard.ui.sidepanel.RowBridge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The window under measurement, started by {@link SidePanelBench} in a JVM of its own. Prints {@code FILLED} when
 * the pod table holds every pod, then {@code RESULT name<TAB>value} lines.
 */
public final class UiProbe {

    static final long THINK_TIME_MS = 3000;

    private UiProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path kubeconfig = Path.of(args[0]);
        String context = args[1];
        int pods = Integer.parseInt(args[2]);
        int measureSeconds = Integer.parseInt(args[3]);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        var settings = AppSettingsFixture.inMemory();
        settings.kubeconfigFile(kubeconfig);
        settings.lastContext(context);
        settings.watchAllNamespaces(true);
        BackgroundJobRunner jobs = new BackgroundJobRunner(Platform::runLater);
        List<Long> layoutNanos = Collections.synchronizedList(new ArrayList<>());
        List<Long> layoutCpu = Collections.synchronizedList(new ArrayList<>());
        List<Long> batchCpu = Collections.synchronizedList(new ArrayList<>());
        var threadBean = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.concurrent.Executor timedDelivery = task -> Platform.runLater(() -> {
            long cpu = threadBean.getCurrentThreadCpuTime();
            task.run();
            batchCpu.add(threadBean.getCurrentThreadCpuTime() - cpu);
        });
        TableView<?>[] table = new TableView<?>[1];
        Button[] connect = new Button[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            MainWindow window = new MainWindow(settings, jobs, RowBridge.on(timedDelivery), dark -> { });
            Scene scene = new Scene(window, 1440, 900);
            AtomicLong layoutStart = new AtomicLong();
            AtomicLong layoutCpuStart = new AtomicLong();
            scene.addPreLayoutPulseListener(() -> {
                layoutStart.set(System.nanoTime());
                layoutCpuStart.set(threadBean.getCurrentThreadCpuTime());
            });
            scene.addPostLayoutPulseListener(() -> {
                layoutNanos.add(System.nanoTime() - layoutStart.get());
                layoutCpu.add(threadBean.getCurrentThreadCpuTime() - layoutCpuStart.get());
            });
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            table[0] = (TableView<?>) scene.lookup("#pods-table");
            connect[0] = (Button) scene.lookup("#connect");
            shown.countDown();
        });
        shown.await();
        waitUntil(() -> !connect[0].isDisabled(), 30);
        // a person needs a moment to find the context and click; the app uses it to warm up in the background
        Thread.sleep(THINK_TIME_MS);

        long clicked = System.nanoTime();
        Platform.runLater(() -> connect[0].fire());
        javafx.scene.control.Label state = (javafx.scene.control.Label) connect[0].getScene()
                .lookup("#connection-state");
        javafx.scene.control.Label watch = (javafx.scene.control.Label) connect[0].getScene().lookup("#watch-status");
        waitUntil(() -> state.getText().startsWith("Connected"), 120);
        double connectedMillis = (System.nanoTime() - clicked) / 1e6;
        waitUntil(() -> watch.getText().startsWith("Live"), 120);
        double watchingMillis = (System.nanoTime() - clicked) / 1e6;
        waitUntil(() -> table[0].getItems().size() >= pods, 120);
        double fillMillis = (System.nanoTime() - clicked) / 1e6;

        result("Connect (clicked " + THINK_TIME_MS / 1000 + " s after the window showed) → pod table filled with "
                + pods + " pods", String.format("%.0f ms", fillMillis));
        result("  connected (server version read) after", String.format("%.0f ms", connectedMillis));
        result("  informers listed and watching after", String.format("%.0f ms", watchingMillis));
        layoutNanos.clear();
        layoutCpu.clear();
        batchCpu.clear();

        long[] fxThread = new long[1];
        CountDownLatch found = new CountDownLatch(1);
        Platform.runLater(() -> {
            fxThread[0] = Thread.currentThread().getId();
            found.countDown();
        });
        found.await();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long fxCpuStart = threads.getThreadCpuTime(fxThread[0]);
        long processCpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();

        System.out.println("FILLED");
        System.out.flush();
        List<Long> stalls = heartbeat(measureSeconds);
        double wall = System.nanoTime() - wallStart;
        result("FX thread CPU during the updates (share of one core)", String.format("%.0f %%",
                100 * (threads.getThreadCpuTime(fxThread[0]) - fxCpuStart) / wall));
        result("App process CPU during the updates (share of one core)", String.format("%.0f %%",
                100 * (os.getProcessCpuTime() - processCpuStart) / wall));
        result("FX thread: longest stall while 500 pod updates/s flow (heartbeat every 2 ms)",
                String.format("%.1f ms", Collections.max(stalls) / 1e6));
        result("FX thread: 99th percentile stall", String.format("%.1f ms", percentile(stalls, 0.99) / 1e6));
        List<Long> layouts;
        synchronized (layoutNanos) {
            layouts = new ArrayList<>(layoutNanos);
        }
        result("Pulses with CSS + layout during the updates", Integer.toString(layouts.size()));
        result("Longest CSS + layout pass, wall time", String.format("%.1f ms", Collections.max(layouts) / 1e6));
        result("99th percentile CSS + layout pass, wall time",
                String.format("%.1f ms", percentile(layouts, 0.99) / 1e6));
        List<Long> cssCpu = copy(layoutCpu);
        List<Long> applyCpu = copy(batchCpu);
        result("Longest CSS + layout pass, FX thread CPU time", String.format("%.1f ms", Collections.max(cssCpu) / 1e6));
        result("99th percentile CSS + layout pass, CPU time", String.format("%.1f ms", percentile(cssCpu, 0.99) / 1e6));
        result("Row batches applied during the updates", Integer.toString(applyCpu.size()));
        result("Longest row batch applied to the tables, CPU time",
                String.format("%.1f ms", Collections.max(applyCpu) / 1e6));

        WatchBench.Memory memory = WatchBench.Memory.measure();
        result("App heap after GC, " + table[0].getItems().size() + " pods shown", WatchBench.mb(memory.heap()));
        result("App process RSS (VmRSS)", WatchBench.mb(memory.rss()));
        System.out.flush();
        System.exit(0);
    }

    /** Posts a timestamped runnable every 2 ms and records how late each one ran. */
    private static List<Long> heartbeat(int seconds) throws InterruptedException {
        List<Long> lateness = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            long posted = System.nanoTime();
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(() -> {
                lateness.add(System.nanoTime() - posted);
                ran.countDown();
            });
            ran.await();
            Thread.sleep(2);
        }
        return new ArrayList<>(lateness);
    }

    private static List<Long> copy(List<Long> synchronizedList) {
        synchronized (synchronizedList) {
            return new ArrayList<>(synchronizedList);
        }
    }

    private static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, int seconds)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("Timed out after " + seconds + " s");
            }
            Thread.sleep(5);
        }
    }

    private static void result(String name, String value) {
        System.out.println("RESULT " + name + "\t" + value);
        System.out.flush();
    }
}
