package io.jenkins.plugins.perfgate.engine.runner;

import io.jenkins.plugins.perfgate.engine.runner.plan.AbortCriterion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Evaluates abort criteria on each live snapshot and says when one has held long enough. */
public final class AbortWatch {

    private final List<AbortCriterion> criteria;
    private final Map<AbortCriterion, Long> breachedSince = new HashMap<>();

    public AbortWatch(List<AbortCriterion> criteria) {
        this.criteria = List.copyOf(criteria);
    }

    /** The reason to abort, once a criterion has been breached for its whole duration. */
    public Optional<String> check(LiveStats.Snapshot s, long nowMillis) {
        for (AbortCriterion c : criteria) {
            double value = value(c.metric(), s);
            if (s.windowSamples() == 0 && c.metric() != AbortCriterion.LiveMetric.RPS) {
                value = Double.NaN;
            }
            if (!c.breachedBy(value)) {
                breachedSince.remove(c);
                continue;
            }
            long since = breachedSince.computeIfAbsent(c, k -> nowMillis);
            if (nowMillis - since >= c.sustained().toMillis()) {
                return Optional.of("abort criterion '" + c.text() + "' breached (" + c.metric().token() + " = "
                        + String.format(java.util.Locale.ROOT, "%.1f", value) + " for "
                        + (nowMillis - since) / 1000 + " s)");
            }
        }
        return Optional.empty();
    }

    static double value(AbortCriterion.LiveMetric metric, LiveStats.Snapshot s) {
        return switch (metric) {
            case ERROR_PERCENT -> s.windowErrorPercent();
            case P95 -> s.windowP95();
            case P99 -> s.windowP99();
            case AVG -> s.windowAvg();
            case RPS -> s.windowRps();
        };
    }
}
