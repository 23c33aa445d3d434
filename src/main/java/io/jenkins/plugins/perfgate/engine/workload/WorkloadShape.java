package io.jenkins.plugins.perfgate.engine.workload;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The bundled templates a workload plan can use, all with the same twenty weighted request slots, and how each turns
 * the log's rates into its own load shape (docs/templates.md): {@code load} holds the peak, {@code soak} the mean
 * for long, {@code spike} the mean with a burst up to the peak, {@code stepping} climbs in five steps to the peak.
 */
public enum WorkloadShape {
    LOAD("load", 300), SOAK("soak", 3600), SPIKE("spike", 120), STEPPING("stepping", 300);

    /** Steps of the stepping template. */
    static final int STEPS = 5;

    private final String name;
    private final int defaultDuration;

    WorkloadShape(String name, int defaultDuration) {
        this.name = name;
        this.defaultDuration = defaultDuration;
    }

    /** The template's file name, e.g. {@code soak.jmx}. */
    public String template() {
        return name + ".jmx";
    }

    /** A plan's duration when none is asked for: what the shape is for (an hour for a soak). */
    public int defaultDuration() {
        return defaultDuration;
    }

    /** The shape of {@code text}: {@code soak} or {@code soak.jmx}; an unknown one is an error naming the choices. */
    public static WorkloadShape of(String text) {
        String n = text.strip().toLowerCase(Locale.ROOT).replaceFirst("\\.jmx$", "");
        return Arrays.stream(values()).filter(s -> s.name.equals(n)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("template '" + text + "' is not one with request slots: load, soak, "
                        + "spike or stepping"));
    }

    /** The plan's properties that say how many threads run when, and which of them are totals to split. */
    record Load(Map<String, Long> properties, String split, String comment) {
    }

    /**
     * The thread and timing properties for this shape.
     *
     * @param peakThreads threads for the log's peak rate
     * @param meanThreads threads for its mean rate
     */
    Load load(long peakThreads, long meanThreads, int duration) {
        Map<String, Long> p = new LinkedHashMap<>();
        switch (this) {
            case LOAD -> {
                p.put("threads", peakThreads);
                p.put("rampUp", (long) Math.min(60, duration / 5));
                p.put("duration", (long) duration);
                return new Load(p, "", "the peak rate, held for the duration");
            }
            case SOAK -> {
                p.put("threads", meanThreads);
                p.put("rampUp", (long) Math.min(300, duration / 10));
                p.put("duration", (long) duration);
                return new Load(p, "", "the mean rate, held for the duration (leaks, pools, drifts)");
            }
            case SPIKE -> {
                p.put("threads", meanThreads);
                p.put("rampUp", (long) Math.min(60, duration / 5));
                p.put("duration", (long) duration);
                p.put("spikeThreads", Math.max(1, peakThreads - meanThreads));
                p.put("spikeDelay", (long) duration / 3);
                p.put("spikeDuration", Math.max(1, (long) duration / 6));
                return new Load(p, "[threads, spikeThreads]", "the mean rate, and a burst of spikeThreads up to "
                        + "the peak rate a third into the run");
            }
            default -> {
                p.put("stepThreads", Math.max(1, (peakThreads + STEPS - 1) / STEPS));
                p.put("stepSeconds", Math.max(1, (long) duration / STEPS));
                p.put("duration", (long) duration);
                return new Load(p, "[stepThreads]", STEPS + " steps of stepThreads, the last at the peak rate");
            }
        }
    }
}
