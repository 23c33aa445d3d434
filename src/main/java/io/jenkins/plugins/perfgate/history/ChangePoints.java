package io.jenkins.plugins.perfgate.history;

import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.perfgate.engine.history.ChangePoint;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The change points the engine's history report (E-Divisive means) finds in a job's history, as trend-chart marks
 * and history-page rows. Detection runs once per history version and label: pages and images ask repeatedly.
 */
@Extension
public final class ChangePoints {

    /** Label histories whose change points are kept (one Jenkins, all jobs): the most recently asked for. */
    static final int CACHED = 256;
    /**
     * Builds searched for change points: the most recent ones. E-Divisive's permutation test grows with the square
     * of the series length, and a retrospective reads the recent releases; older shifts stay in the CLI's history
     * report ({@code perfgate history}).
     */
    static final int WINDOW = 200;
    private final BoundedCache<String, List<ChangePoint>> cache = new BoundedCache<>(CACHED);

    /** This Jenkins' instance. */
    public static ChangePoints get() {
        return ExtensionList.lookupSingleton(ChangePoints.class);
    }

    public List<ChangePoint> detect(History history, String labelOrNull, String cacheKey) {
        String key = cacheKey + "|" + labelOrNull;
        List<ChangePoint> hit = cacheKey == null ? null : cache.get(key);
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
            cache.put(key, found);
        }
        return found;
    }

    /** Every change point of every label, newest first. */
    public List<ChangePointRow> rows(History history, String cacheKey) {
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
