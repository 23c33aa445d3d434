package io.jenkins.plugins.perfgate.engine.chart;

import io.jenkins.plugins.perfgate.engine.stats.IntervalSeries;
import io.jenkins.plugins.perfgate.engine.stats.IntervalSeries.Interval;
import java.util.HashSet;
import java.util.Set;

/**
 * Picks the interval width an over-time chart is drawn at. A summary keeps intervals as fine as asked (1 s by
 * default), which for a long run gives more points than a chart can show and for a sparse run (a few requests per
 * minute) gives mostly empty intervals: a line of isolated dots and gaps. The width is doubled (keeping intervals
 * aligned, so sketches merge exactly) until the run spans at most {@link #MAX_POINTS} intervals and at least
 * {@link #MIN_COVERAGE} of them hold samples, or only {@link #MIN_POINTS} would be left.
 */
final class ReadableIntervals {

    static final int MAX_POINTS = 150;
    static final int MIN_POINTS = 20;
    static final double MIN_COVERAGE = 0.8;

    private ReadableIntervals() {
    }

    /** The chart width for a run whose all-samples series is {@code overall}. */
    static long width(IntervalSeries overall) {
        long width = overall.bucketMillis();
        if (overall.intervals().isEmpty()) {
            return width;
        }
        long first = overall.intervals().get(0).startMillis();
        long last = overall.intervals().get(overall.intervals().size() - 1).startMillis();
        while ((last - first) / width + 1 > MAX_POINTS) {
            width *= 2;
        }
        while (span(first, last, width * 2) >= MIN_POINTS && coverage(overall, first, last, width) < MIN_COVERAGE) {
            width *= 2;
        }
        return width;
    }

    /** The series at the given width (a multiple of its own by a power of two); unchanged when already as wide. */
    static IntervalSeries at(IntervalSeries series, long width) {
        if (series.bucketMillis() >= width || series.intervals().isEmpty()) {
            return series;
        }
        IntervalSeries.Builder builder = new IntervalSeries.Builder(width, Integer.MAX_VALUE);
        builder.addAll(series);
        return builder.build();
    }

    private static long span(long first, long last, long width) {
        return Math.floorDiv(last, width) - Math.floorDiv(first, width) + 1;
    }

    private static double coverage(IntervalSeries s, long first, long last, long width) {
        Set<Long> filled = new HashSet<>();
        for (Interval in : s.intervals()) {
            filled.add(Math.floorDiv(in.startMillis(), width));
        }
        return (double) filled.size() / span(first, last, width);
    }
}
