package io.jenkins.plugins.perfgate.engine.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-interval figures of one label (or the whole run) for over-time charts: samples, errors, active threads and a
 * mergeable latency sketch per interval. Intervals are aligned to multiples of {@link #bucketMillis()} since the
 * epoch, so two series merge exactly once the finer one is coarsened to the wider width. Immutable.
 */
public final class IntervalSeries {

    /** One interval. The sketch is never modified after construction. */
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

    /** The union of both series, at the wider of the two widths, bounded to {@code maxBuckets} intervals. */
    public IntervalSeries merge(IntervalSeries other, int maxBuckets) {
        Builder builder = new Builder(Math.max(bucketMillis, other.bucketMillis), maxBuckets);
        builder.addAll(this);
        builder.addAll(other);
        return builder.build();
    }

    /** Accumulates samples into intervals, doubling the width whenever the run spans more than maxBuckets. */
    public static final class Builder {
        private long width;
        private final int maxBuckets;
        private final TreeMap<Long, Mutable> buckets = new TreeMap<>();
        private long lastIndex = Long.MIN_VALUE;
        private Mutable last;

        public Builder(long initialWidthMillis, int maxBuckets) {
            if (initialWidthMillis <= 0 || maxBuckets < 2) {
                throw new IllegalArgumentException("interval width and bucket bound must be positive");
            }
            this.width = initialWidthMillis;
            this.maxBuckets = maxBuckets;
        }

        public void record(long timeStamp, long elapsed, boolean success, int threads) {
            Mutable b = bucketFor(timeStamp);
            b.count++;
            if (!success) {
                b.errors++;
            }
            b.maxThreads = Math.max(b.maxThreads, threads);
            b.sketch.record(elapsed);
        }

        private Mutable bucketFor(long timeStamp) {
            long index = Math.floorDiv(timeStamp, width);
            if (index == lastIndex) {
                return last;
            }
            Mutable b = buckets.get(index);
            if (b == null) {
                while (!buckets.isEmpty()
                        && Math.max(buckets.lastKey(), index) - Math.min(buckets.firstKey(), index) >= maxBuckets) {
                    coarsenOnce();
                    index = Math.floorDiv(timeStamp, width);
                }
                b = buckets.computeIfAbsent(index, k -> new Mutable());
            }
            lastIndex = index;
            last = b;
            return b;
        }

        /** Doubles the width; intervals stay aligned to multiples of the width since the epoch. */
        private void coarsenOnce() {
            TreeMap<Long, Mutable> wider = new TreeMap<>();
            for (Map.Entry<Long, Mutable> e : buckets.entrySet()) {
                wider.merge(Math.floorDiv(e.getKey(), 2L), e.getValue(), Mutable::mergeInto);
            }
            buckets.clear();
            buckets.putAll(wider);
            width *= 2;
            lastIndex = Long.MIN_VALUE;
            last = null;
        }

        /** Adds a built series; its width must be this builder's base width times a power of two. */
        public void addAll(IntervalSeries series) {
            while (width < series.bucketMillis) {
                coarsenOnce();
            }
            for (Interval in : series.intervals) {
                Mutable b = bucketFor(in.startMillis());
                b.count += in.count();
                b.errors += in.errors();
                b.maxThreads = Math.max(b.maxThreads, in.maxThreads());
                b.sketch.merge(in.sketch());
            }
        }

        public IntervalSeries build() {
            List<Interval> out = new ArrayList<>(buckets.size());
            for (Map.Entry<Long, Mutable> e : buckets.entrySet()) {
                Mutable m = e.getValue();
                out.add(new Interval(e.getKey() * width, m.count, m.errors, m.maxThreads, m.sketch.copy()));
            }
            return new IntervalSeries(width, out);
        }
    }

    private static final class Mutable {
        long count;
        long errors;
        int maxThreads;
        final LogBinSketch sketch = new LogBinSketch();

        static Mutable mergeInto(Mutable a, Mutable b) {
            a.count += b.count;
            a.errors += b.errors;
            a.maxThreads = Math.max(a.maxThreads, b.maxThreads);
            a.sketch.merge(b.sketch);
            return a;
        }
    }
}
