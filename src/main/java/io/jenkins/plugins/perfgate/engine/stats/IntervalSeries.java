package io.jenkins.plugins.perfgate.engine.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-interval figures of one label (or the whole run) for over-time charts: samples, errors, active threads and a
 * mergeable latency sketch per interval. Intervals are aligned to multiples of {@link #bucketMillis()} since the
 * epoch, so two series merge exactly once the finer one is coarsened to the wider width. Immutable.
 */
public final class IntervalSeries {

    /**
     * How active thread counts combine when two series of the same time are merged. JMeter writes, on each sample,
     * the active threads of the JVM that ran it (its {@code allThreads}), so {@link Interval#maxThreads()} is the
     * highest count seen in the interval: within one generator's results (its files, parts of a file, its labels)
     * the threads are the same ones and the maxima combine by {@code max}; different generators run threads of
     * their own and their maxima add up.
     */
    public enum ThreadsMerge {
        /** Parts of one generator's results: the larger maximum. */
        MAX_SAME_GENERATOR,
        /** Results of different generators: the sum of their maxima. */
        SUM_ACROSS_GENERATORS
    }

    /**
     * One interval. The sketch is never modified after construction.
     *
     * @param maxThreads the highest active thread count of the interval: for one generator the most threads its
     *                   samples reported; for several, the sum of each generator's maximum (see {@link ThreadsMerge})
     */
    public record Interval(long startMillis, long count, long errors, int maxThreads, LogBinSketch sketch) {
        public long p95() {
            return sketch.percentile(95);
        }

        public double errorPercent() {
            return count == 0 ? 0 : 100.0 * errors / count;
        }
    }

    private final long bucketMillis;
    private final List<Interval> intervals;

    public IntervalSeries(long bucketMillis, List<Interval> intervals) {
        if (bucketMillis <= 0) {
            throw new IllegalArgumentException("bucketMillis must be positive: " + bucketMillis);
        }
        this.bucketMillis = bucketMillis;
        this.intervals = List.copyOf(intervals);
    }

    public static IntervalSeries empty(long bucketMillis) {
        return new IntervalSeries(bucketMillis, List.of());
    }

    public long bucketMillis() {
        return bucketMillis;
    }

    /** Intervals in time order; intervals without samples are absent. */
    public List<Interval> intervals() {
        return intervals;
    }

    /** Requests per second of an interval. */
    public double throughput(Interval interval) {
        return interval.count() * 1000.0 / bucketMillis;
    }

    /**
     * Requests per second of an interval over the part of it the run covered ({@code firstStart} to
     * {@code lastEnd}): the first and last intervals of a run are partly empty, and dividing their samples by the
     * whole width would show a ramp at the start and a drop at the end that did not happen. At least a fifth of the
     * width counts, so that a sliver with one sample does not show as a spike.
     */
    public double throughput(Interval interval, long firstStart, long lastEnd) {
        long from = Math.max(interval.startMillis(), firstStart);
        long to = Math.min(interval.startMillis() + bucketMillis, lastEnd);
        long covered = Math.max(to - from, Math.max(1, bucketMillis / 5));
        return interval.count() * 1000.0 / Math.min(covered, bucketMillis);
    }

    /**
     * The series moved by {@code millis} (another clock's time axis), rounded to a whole number of intervals so
     * that intervals stay aligned and merge exactly: the error left is at most half an interval.
     */
    public IntervalSeries shifted(long millis) {
        long by = Math.round((double) millis / bucketMillis) * bucketMillis;
        if (by == 0) {
            return this;
        }
        List<Interval> moved = new ArrayList<>(intervals.size());
        for (Interval i : intervals) {
            moved.add(new Interval(i.startMillis() + by, i.count(), i.errors(), i.maxThreads(), i.sketch()));
        }
        return new IntervalSeries(bucketMillis, moved);
    }

    /**
     * The union of both series of the same generator's results, at the wider of the two widths, bounded to
     * {@code maxBuckets} intervals.
     */
    public IntervalSeries merge(IntervalSeries other, int maxBuckets) {
        return merge(other, maxBuckets, ThreadsMerge.MAX_SAME_GENERATOR);
    }

    /** The union of both series, thread counts combined as {@code threads} says. */
    public IntervalSeries merge(IntervalSeries other, int maxBuckets, ThreadsMerge threads) {
        Builder builder = new Builder(Math.max(bucketMillis, other.bucketMillis), maxBuckets);
        builder.addAll(this);
        builder.addAll(other, threads);
        return builder.build();
    }

    /**
     * Accumulates samples into intervals, doubling the width whenever the run spans more than maxBuckets. The
     * intervals sit in an array indexed from the earliest one (no map entries or boxed keys: with thousands of
     * labels, each with hundreds of intervals, that overhead would dominate the heap).
     */
    public static final class Builder {
        private long width;
        private int maxBuckets;
        /** slots[i] holds interval index {@code first + i}; first is the lowest index present. */
        private Slot[] slots = new Slot[0];
        private long first;
        private long highest;
        private long lastIndex = Long.MIN_VALUE;
        /** Time range of the last interval used (empty when none). */
        private long lastStart = Long.MAX_VALUE;
        private long lastEnd = Long.MIN_VALUE;
        private Slot last;
        /** The sketch of the interval used last, kept across coarsening: a new interval's is sized like it. */
        private LogBinSketch recent;

        public Builder(long initialWidthMillis, int maxBuckets) {
            if (initialWidthMillis <= 0 || maxBuckets < 2) {
                throw new IllegalArgumentException("interval width and bucket bound must be positive");
            }
            this.width = initialWidthMillis;
            this.maxBuckets = maxBuckets;
        }

        public void record(long timeStamp, long elapsed, boolean success, int threads) {
            Slot b = bucketFor(timeStamp);
            b.count++;
            if (!success) {
                b.errors++;
            }
            b.maxThreads = Math.max(b.maxThreads, threads);
            b.record(elapsed);
        }

        private Slot bucketFor(long timeStamp) {
            // samples come mostly in time order: the last interval's bounds spare a 64-bit division per sample
            if (timeStamp >= lastStart && timeStamp < lastEnd) {
                return last;
            }
            return otherBucket(timeStamp);
        }

        /**
         * The interval of a sample outside the last one's: apart, so that the JIT does not inline it into the
         * reading loop, where its rare branches (coarsening, growing) were compiled as traps that threw the loop's
         * code away when first taken.
         */
        private Slot otherBucket(long timeStamp) {
            long index = Math.floorDiv(timeStamp, width);
            if (index == lastIndex) {
                return last;
            }
            if (slots.length == 0) {
                slots = new Slot[Math.min(maxBuckets, 8)];
                first = index;
                highest = index;
            } else {
                while (Math.max(highest, index) - Math.min(first, index) >= maxBuckets) {
                    coarsenOnce();
                    index = Math.floorDiv(timeStamp, width);
                }
                if (index < first) {
                    int size = (int) Math.min(maxBuckets, Math.max(slots.length, highest - index + 1 + 8));
                    Slot[] moved = new Slot[size];
                    System.arraycopy(slots, 0, moved, (int) (first - index), (int) (highest - first + 1));
                    slots = moved;
                    first = index;
                } else if (index - first >= slots.length) {
                    int size = (int) Math.min(maxBuckets, Math.max(slots.length * 2L, index - first + 1));
                    slots = java.util.Arrays.copyOf(slots, size);
                }
                highest = Math.max(highest, index);
            }
            int slot = (int) (index - first);
            Slot b = slots[slot];
            if (b == null) {
                b = new Slot(recent);
                slots[slot] = b;
            }
            lastIndex = index;
            lastStart = index * width;
            lastEnd = lastStart + width;
            last = b;
            recent = b;
            return b;
        }

        /**
         * Lowers the bound on intervals (never raises it), widening the intervals already held as needed: exact, as
         * if the samples had been recorded at the wider width.
         */
        public void limit(int newMaxBuckets) {
            if (newMaxBuckets < 2) {
                throw new IllegalArgumentException("bucket bound must be at least 2: " + newMaxBuckets);
            }
            if (newMaxBuckets >= maxBuckets) {
                return;
            }
            maxBuckets = newMaxBuckets;
            while (slots.length > 0 && highest - first >= maxBuckets) {
                coarsenOnce();
            }
            if (slots.length > maxBuckets) {
                slots = java.util.Arrays.copyOf(slots, maxBuckets);
            }
        }

        /** Doubles the width; intervals stay aligned to multiples of the width since the epoch. */
        private void coarsenOnce() {
            long newFirst = Math.floorDiv(first, 2L);
            long newHighest = Math.floorDiv(highest, 2L);
            Slot[] wider = new Slot[(int) Math.min(maxBuckets, Math.max(8, newHighest - newFirst + 1))];
            for (int i = 0; i < slots.length; i++) {
                Slot m = slots[i];
                if (m != null) {
                    int j = (int) (Math.floorDiv(first + i, 2L) - newFirst);
                    wider[j] = wider[j] == null ? m : Slot.mergeInto(wider[j], m);
                }
            }
            slots = wider;
            first = newFirst;
            highest = newHighest;
            width *= 2;
            lastIndex = Long.MIN_VALUE;
            lastStart = Long.MAX_VALUE;
            lastEnd = Long.MIN_VALUE;
            last = null;
        }

        /**
         * Adds a built series of the same generator's results; its width must be this builder's base width times
         * a power of two.
         */
        public void addAll(IntervalSeries series) {
            addAll(series, ThreadsMerge.MAX_SAME_GENERATOR);
        }

        /**
         * Adds a built series, thread counts combined as {@code threads} says. Intervals that a coarser width puts
         * together keep the larger count (threads of different times are not added).
         */
        public void addAll(IntervalSeries series, ThreadsMerge threads) {
            while (width < series.bucketMillis) {
                if (slots.length == 0) {
                    width *= 2;
                } else {
                    coarsenOnce();
                }
            }
            for (Interval in : series.intervals) {
                Slot b = bucketFor(in.startMillis());
                b.count += in.count();
                b.errors += in.errors();
                b.maxThreads = threads == ThreadsMerge.SUM_ACROSS_GENERATORS ? b.maxThreads + in.maxThreads()
                        : Math.max(b.maxThreads, in.maxThreads());
                b.merge(in.sketch());
            }
        }

        public IntervalSeries build() {
            List<Interval> out = new ArrayList<>();
            for (int i = 0; i < slots.length; i++) {
                Slot m = slots[i];
                if (m != null) {
                    out.add(new Interval((first + i) * width, m.count, m.errors, m.maxThreads, m.copy()));
                }
            }
            return new IntervalSeries(width, out);
        }
    }

    /**
     * An interval being filled: its figures and its sketch in one object (the sketch's own counts beside them), so
     * that a sample reaches its interval's figures and bins through one object, not two (with thousands of labels,
     * each a cache miss). Its sketch part starts with room for the bins of {@code recent}, the interval used last.
     * Never leaves the builder: {@link Builder#build()} hands out plain copies.
     */
    static final class Slot extends LogBinSketch {
        long count;
        long errors;
        int maxThreads;

        Slot(LogBinSketch recent) {
            if (recent != null) {
                sizeLike(recent);
            }
        }

        static Slot mergeInto(Slot a, Slot b) {
            a.count += b.count;
            a.errors += b.errors;
            a.maxThreads = Math.max(a.maxThreads, b.maxThreads);
            a.merge(b);
            return a;
        }
    }
}
