package io.jenkins.plugins.perfgate.history;

import io.jenkins.plugins.perfgate.engine.history.ChangePoint;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The change points the engine's history report (E-Divisive means) finds in a job's history, as trend-chart marks
 * and history-page rows. Detection runs once per history version and label: pages and images ask repeatedly.
 */
public final class ChangePoints {

    private static final int CACHE_LIMIT = 256;
    /**
     * Builds searched for change points: the most recent ones. E-Divisive's permutation test grows with the square
     * of the series length, and a retrospective reads the recent releases; older shifts stay in the CLI's history
     * report ({@code perfgate history}).
     */
    static final int WINDOW = 200;
    private static final Map<String, List<ChangePoint>> CACHE = new ConcurrentHashMap<>();

    private ChangePoints() {
    }

    public static List<ChangePoint> detect(History history, String labelOrNull, String cacheKey) {
        String key = cacheKey + "|" + labelOrNull;
        List<ChangePoint> hit = cacheKey == null ? null : CACHE.get(key);
        if (hit != null) {
            return hit;
        }
        HistoryReport.Options options = HistoryReport.Options.defaults();
        if (labelOrNull != null) {
            options = options.withLabel(labelOrNull);
        }
        List<io.jenkins.plugins.perfgate.engine.history.HistoryEntry> entries = history.entries();
        History recent = entries.size() <= WINDOW ? history
                : new History(entries.subList(entries.size() - WINDOW, entries.size()), history.warnings());
        List<ChangePoint> found = HistoryReport.of(recent, options).changePoints();
        if (cacheKey != null) {
            if (CACHE.size() > CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(key, found);
        }
        return found;
    }

    /** Every change point of every label, newest first. */
    public static List<ChangePointRow> rows(History history, String cacheKey) {
        List<ChangePointRow> out = new ArrayList<>();
        List<ChangePoint> all = new ArrayList<>(detect(history, null, cacheKey));
        all.sort(Comparator.comparingLong((ChangePoint c) -> c.build().number()).reversed());
        for (ChangePoint c : all) {
            double rel = c.relativeShift();
            String change = Double.isInfinite(rel) ? (rel > 0 ? "+∞ %" : "-∞ %")
                    : String.format(Locale.ROOT, "%+.1f %%", rel * 100);
            out.add(new ChangePointRow(c.build().number(), c.label(), c.metric().key(), c.metric().format(c.before()),
                    c.metric().format(c.after()), change + (c.regression() ? " (regression)" : " (improvement)")));
        }
        return out;
    }
}
