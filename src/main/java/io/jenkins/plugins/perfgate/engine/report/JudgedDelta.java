package io.jenkins.plugins.perfgate.engine.report;

import io.jenkins.plugins.perfgate.engine.compare.StatDelta;
import java.util.Locale;

/**
 * One statistic's change from the baseline with its noise judgement, as a table cell shows it.
 *
 * @param delta     baseline and current value
 * @param judgement how the change is coloured
 * @param why       how it was judged, for the cell's tooltip
 */
public record JudgedDelta(StatDelta delta, DeltaJudgement judgement, String why) {

    /** {@code +12.3 %}, or the absolute change when the relative one is undefined. */
    public String text() {
        double r = delta.relative();
        if (Double.isNaN(r)) {
            return (delta.absolute() >= 0 ? "+" : "") + delta.metric().format(delta.absolute());
        }
        if (Math.abs(r) < 0.0005) {
            return "±0 %";
        }
        return String.format(Locale.ROOT, "%+.1f %%", r * 100);
    }

    /** Tooltip: baseline value, judgement and method. */
    public String title() {
        return "baseline " + delta.metric().format(delta.baseline()) + "; " + judgement.text()
                + (why.isEmpty() ? "" : " (" + why + ")");
    }
}
