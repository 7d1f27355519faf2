package dev.meshwizard.ui.observe;

import dev.meshwizard.cluster.apply.AccessLogState;
import dev.meshwizard.cluster.ClusterSession;
import dev.meshwizard.cluster.forward.LogTail;
import dev.meshwizard.cluster.forward.ProxyPods;
import dev.meshwizard.job.CoalescingBuffer;
import dev.meshwizard.job.Job;
import dev.meshwizard.job.JobRunner;
import dev.meshwizard.observe.AccessLogParser;
import dev.meshwizard.observe.RelatedCheck;
import dev.meshwizard.observe.ResponseFlag;
import dev.meshwizard.plan.ChartRelease;
import dev.meshwizard.ui.state.PlanModel;
import dev.meshwizard.ui.state.SessionModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The access-log part of the Observe step: the mesh-wide switch (Telemetry {@code mesh-default}), and a view that
 * follows the {@code istio-proxy} log of the gateway's pods and of one chosen workload pod, parses each line, and
 * explains the response flags of the selected one.
 */
public final class AccessLogViewModel {

    /** Rows kept; older ones are dropped. */
    static final int MAX_ROWS = 2000;
    static final int TAIL_LINES = 100;

    private final JobRunner jobs;
    private final PlanModel planModel;
    private final SessionModel sessionModel;
    private final Executor fxThread;
    private final AccessLogParser parser = new AccessLogParser();
    private final CoalescingBuffer<Long, LogRow> arriving;
    private final AtomicLong seq = new AtomicLong();
    private final List<LogTail> tails = new CopyOnWriteArrayList<>();
    private final ObservableList<LogRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> workloads = FXCollections.observableArrayList();
    private final StringProperty workload = new SimpleStringProperty(this, "workload", "");
    private final BooleanProperty telemetry = new SimpleBooleanProperty(this, "telemetry");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private final ReadOnlyBooleanWrapper meshConfigOn = new ReadOnlyBooleanWrapper(this, "meshConfigOn");
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(this, "following");
    private final ReadOnlyStringWrapper followStatus = new ReadOnlyStringWrapper(this, "followStatus", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private boolean showingState;

    /** @param fxThread where followed lines are handed over, in batches (the FX thread in the app) */
    public AccessLogViewModel(JobRunner jobs, PlanModel planModel, SessionModel sessionModel, Executor fxThread) {
        this.jobs = jobs;
        this.planModel = planModel;
        this.sessionModel = sessionModel;
        this.fxThread = fxThread;
        this.arriving = new CoalescingBuffer<>(batch -> add(batch.upserts().values()), fxThread);
        sessionModel.sessionProperty().addListener((obs, old, now) -> {
            stopFollowing();
            rows.clear();
            workloads.clear();
            state.set(now == null ? "Not connected" : "");
        });
        telemetry.addListener((obs, old, on) -> {
            if (!showingState) {
                apply(on);
            }
        });
    }

    /** Reads the access-log state and the pods with a sidecar. */
    public void refresh() {
        ClusterSession session = sessionModel.session();
        if (session == null) {
            return;
        }
        record Found(AccessLogState state, List<String> pods) {
        }
        Job.of("Reading the access-log state", () -> new Found(session.accessLogging().state(),
                session.proxyPods().withSidecar().stream().map(ProxyPods.ProxyPod::key).toList()))
                .onSuccess(found -> {
                    show(found.state());
                    workloads.setAll(found.pods());
                    // an editable ComboBox bound to the workload sets it to null when its items are replaced
                    String chosen = workload.get();
                    if (chosen == null || chosen.isEmpty() || !found.pods().contains(chosen)) {
                        workload.set(found.pods().stream().filter(p -> p.contains("productpage")).findFirst()
                                .orElse(""));
                    }
                }).onFailure(e -> state.set("Cannot read the access-log state: " + e.getMessage())).runWith(jobs);
    }

    private void show(AccessLogState found) {
        showingState = true;
        telemetry.set(found.telemetry());
        showingState = false;
        meshConfigOn.set(!found.meshConfigFile().isEmpty());
        state.set(found.describe());
    }

    /** Applies or deletes Telemetry {@code mesh-default}. */
    private void apply(boolean on) {
        ClusterSession session = sessionModel.session();
        if (session == null) {
            return;
        }
        state.set(on ? "Applying Telemetry mesh-default…" : "Deleting Telemetry mesh-default…");
        Job.of(on ? "Turning access logs on" : "Turning access logs off", () -> {
            if (on) {
                session.accessLogging().enable();
            } else {
                session.accessLogging().disable();
            }
            return session.accessLogging().state();
        }).onSuccess(this::show).onFailure(e -> state.set("Cannot change the access logs: " + e.getMessage()))
                .runWith(jobs);
    }

    /** Follows the gateway's pods and the chosen workload pod, replacing what was followed before. */
    public void follow() {
        ClusterSession session = sessionModel.session();
        if (session == null) {
            return;
        }
        stopFollowing();
        rows.clear();
        explanation.set("");
        ChartRelease gateway = GatewayProbeViewModel.gatewayRelease(planModel.plan());
        String chosen = workload.get() == null ? "" : workload.get();
        following.set(true);
        followStatus.set("Opening the logs…");
        Job.of("Following proxy logs", () -> {
            List<String> pods = new ArrayList<>();
            try {
                session.proxyPods().gateway(gateway.namespace(), gateway.name())
                        .forEach(pod -> pods.add(pod.key()));
            } catch (Exception e) {
                pods.add("!" + e.getMessage());
            }
            if (!chosen.isEmpty() && !pods.contains(chosen)) {
                pods.add(chosen);
            }
            List<String> opened = new ArrayList<>();
            for (String pod : pods) {
                if (pod.startsWith("!")) {
                    opened.add(pod);
                    continue;
                }
                String[] parts = pod.split("/", 2);
                try {
                    tails.add(session.tailProxyLog(parts[0], parts[1], TAIL_LINES, listener(pod)));
                    opened.add(pod);
                } catch (RuntimeException e) {
                    opened.add("!" + e.getMessage());
                }
            }
            return opened;
        }).onSuccess(this::followed).onFailure(e -> {
            following.set(false);
            followStatus.set("Cannot follow the logs: " + e.getMessage());
        }).runWith(jobs);
    }

    private void followed(List<String> opened) {
        List<String> pods = opened.stream().filter(p -> !p.startsWith("!")).toList();
        List<String> problems = opened.stream().filter(p -> p.startsWith("!")).map(p -> p.substring(1)).toList();
        following.set(!pods.isEmpty());
        followStatus.set((pods.isEmpty() ? "Following no pod" : "Following " + String.join(", ", pods))
                + (problems.isEmpty() ? "" : ". " + String.join(". ", problems)));
    }

    private LogTail.Listener listener(String pod) {
        return new LogTail.Listener() {
            @Override
            public void line(String text) {
                long number = seq.incrementAndGet();
                arriving.put(number, new LogRow(number, pod, parser.parse(text)));
            }

            @Override
            public void ended(String reason) {
                arriving.flushNow();
                fxThread.execute(() -> followStatus.set(followStatus.get() + ". " + reason));
            }
        };
    }

    private void add(java.util.Collection<LogRow> batch) {
        rows.addAll(batch);
        if (rows.size() > MAX_ROWS) {
            rows.remove(0, rows.size() - MAX_ROWS);
        }
    }

    /** Stops following every log. */
    public void stopFollowing() {
        tails.forEach(LogTail::close);
        tails.clear();
        following.set(false);
        followStatus.set("");
    }

    /** Explains the response flags of {@code row} (none selected: nothing). */
    public void select(LogRow row) {
        explanation.set(row == null ? "" : explain(row));
    }

    static String explain(LogRow row) {
        if (row.line().entry().isEmpty()) {
            return "Not an access-log line.";
        }
        var entry = row.line().entry().get();
        if (entry.flags().isEmpty()) {
            return "No response flags: " + (entry.succeeded() ? "the request went through"
                    : "the destination itself answered " + entry.status()) + (entry.details().isEmpty() ? ""
                    : " (" + entry.details() + ")") + ".";
        }
        List<String> parts = new ArrayList<>();
        for (ResponseFlag flag : entry.knownFlags()) {
            String checks = flag.relatedChecks().isEmpty() ? "" : "\n   Analysis checks: " + flag.relatedChecks()
                    .stream().map(RelatedCheck::label).collect(Collectors.joining("; "))
                    + " (findings of the Routing step's analysis)";
            parts.add(flag.code() + " – " + flag.title() + ": " + flag.explanation() + "\n   Fix: " + flag.hint()
                    + checks);
        }
        for (String code : entry.unknownFlags()) {
            parts.add(code + ": a flag Mesh Wizard does not know; see Envoy's access-log documentation.");
        }
        return String.join("\n", parts);
    }

    /** Stops following and the line buffer; for when the step goes away. */
    public void close() {
        stopFollowing();
        arriving.close();
    }

    public ObservableList<LogRow> rows() {
        return rows;
    }

    /** Pods with a sidecar, {@code namespace/name}. */
    public ObservableList<String> workloads() {
        return workloads;
    }

    /** The workload pod to follow besides the gateway's pods. */
    public StringProperty workloadProperty() {
        return workload;
    }

    /** The switch: true while Telemetry {@code mesh-default} turns access logs on; setting it applies or deletes it. */
    public BooleanProperty telemetryProperty() {
        return telemetry;
    }

    /** True when the mesh config's accessLogFile sends access logs to a file (e.g. stdout) anyway. */
    public ReadOnlyBooleanProperty meshConfigOnProperty() {
        return meshConfigOn.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty followStatusProperty() {
        return followStatus.getReadOnlyProperty();
    }

    /** The selected line's flags in words, with hints and related analysis checks. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }
}
