package dev.meshwizard.cluster.precheck;

import java.util.List;

/** The result of a precheck, in the order the checks ran. */
public record PrecheckReport(String istioVersion, List<PrecheckItem> items) {

    public PrecheckReport {
        items = List.copyOf(items);
    }

    public boolean hasFailures() {
        return items.stream().anyMatch(i -> i.status() == PrecheckItem.Status.FAIL);
    }
}
