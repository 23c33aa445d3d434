package io.jenkins.plugins.perfgate.model;

import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** A figure's change against the baseline as the build pages show it (text and whether it is for the worse). */
final class BaselineChange {

    private BaselineChange() {
    }

    /** {@code +12.3 %}, {@code -4.0 %}, or empty when there is no baseline value to compare with. */
    static String text(LabelFigures current, LabelFigures base, String metric) {
        OptionalDouble change = percent(current, base, metric);
        return change.isEmpty() ? "" : String.format(Locale.ROOT, "%+.1f %%", change.getAsDouble());
    }

    /** Whether the change is for the worse in the metric's direction; one shown as {@code 0.0 %} is none. */
    static boolean worse(LabelFigures current, LabelFigures base, String metric) {
        OptionalDouble change = percent(current, base, metric);
        Optional<Metric> m = Metric.byName(metric);
        if (change.isEmpty() || m.isEmpty()
                || String.format(Locale.ROOT, "%.1f", Math.abs(change.getAsDouble())).equals("0.0")) {
            return false;
        }
        return m.get().worse(0, change.getAsDouble()); // figures are positive: the change has the sign of now - was
    }

    /** (current - baseline) / baseline in percent; empty without a baseline value to compare with. */
    private static OptionalDouble percent(LabelFigures current, LabelFigures base, String metric) {
        if (base == null) {
            return OptionalDouble.empty();
        }
        double now = current.value(metric);
        double was = base.value(metric);
        if (Double.isNaN(now) || Double.isNaN(was) || was == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((now - was) / was * 100);
    }
}
