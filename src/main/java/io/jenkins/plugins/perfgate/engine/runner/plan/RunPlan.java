package io.jenkins.plugins.perfgate.engine.runner.plan;

import io.jenkins.plugins.perfgate.engine.runner.jmeter.MavenCoordinate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run plan: which template to run with which properties on which generators, for how long, watched how, and
 * (for the gate) with which criteria and baseline policy. Read by {@link RunPlanReader}; documented in
 * docs/run-plan.md. Immutable; paths are absolute.
 *
 * @param name            the run's name (job label of exported metrics)
 * @param template        the JMeter test plan (.jmx)
 * @param properties      JMeter properties for the template ({@code -J}, read with {@code __P()}), in plan order
 * @param splitProperties properties holding totals that are divided among generators (default {@code threads})
 * @param generators      the generators
 * @param duration        planned duration as written in the plan; zero: taken from the {@code duration} property
 *                        (seconds) by {@link #plannedDuration()}
 * @param timeLimit       hard limit as written (generators are stopped and the run is TIMED_OUT; zero for none);
 *                        empty: derived from the planned duration by {@link #effectiveTimeLimit()}
 * @param dataFiles       CSV files shipped to every generator
 * @param sampling        recording and live-progress options
 * @param abort           criteria that stop the run early
 * @param criteria        gate criteria, passed through to the gate as written
 * @param baseline        baseline policy for the gate, passed through as written
 * @param metrics         metric export
 * @param jmeterHome      an existing JMeter home to use instead of the provisioned one
 * @param repeat          how many times the plan runs in a row ({@code repeat: k}, 1..{@value #MAX_REPEAT}); the
 *                        gate judges the repetitions
 * @param baselineTarget  properties that make the plan target the baseline version ({@code baselineTarget:
 *                        properties:}); non-empty: baseline and candidate runs are interleaved
 * @param jmeterPlugins   JMeter plugins from Maven Central ({@code jmeterPlugins:}), put beside lib/ext
 * @param libraries       libraries from Maven Central ({@code libraries:}, e.g. JDBC drivers), put beside lib
 */
public record RunPlan(
        String name,
        Path template,
        Map<String, String> properties,
        List<String> splitProperties,
        GeneratorSpec generators,
        Duration duration,
        Optional<Duration> timeLimit,
        List<DataFile> dataFiles,
        SamplingOptions sampling,
        List<AbortCriterion> abort,
        List<String> criteria,
        Map<String, String> baseline,
        MetricsExport metrics,
        Optional<Path> jmeterHome,
        int repeat,
        Map<String, String> baselineTarget,
        List<MavenCoordinate> jmeterPlugins,
        List<MavenCoordinate> libraries) {

    /** More repetitions than this is a typo: a run plan is not a benchmark harness. */
    public static final int MAX_REPEAT = 50;

    public RunPlan {
        if (repeat < 1 || repeat > MAX_REPEAT) {
            throw new IllegalArgumentException("repeat: " + repeat + " is not between 1 and " + MAX_REPEAT);
        }
        jmeterPlugins = List.copyOf(jmeterPlugins);
        libraries = List.copyOf(libraries);
        baselineTarget = Collections.unmodifiableMap(new LinkedHashMap<>(baselineTarget));
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        splitProperties = List.copyOf(splitProperties);
        dataFiles = List.copyOf(dataFiles);
        abort = List.copyOf(abort);
        criteria = List.copyOf(criteria);
        baseline = Collections.unmodifiableMap(new LinkedHashMap<>(baseline));
    }

    /** The planned duration: the plan's {@code duration}, else the {@code duration} property in seconds, else zero. */
    public Duration plannedDuration() {
        if (!duration.isZero()) {
            return duration;
        }
        String p = properties.get("duration");
        if (p != null && p.strip().matches("[0-9]{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(p.strip()));
        }
        return Duration.ZERO;
    }

    /**
     * The time limit in force: as written, else the planned duration plus half of it (at least 30 s, for JVM start
     * and ramp-down), else none (zero).
     */
    public Duration effectiveTimeLimit() {
        if (timeLimit.isPresent()) {
            return timeLimit.get();
        }
        Duration planned = plannedDuration();
        if (planned.isZero()) {
            return Duration.ZERO;
        }
        Duration half = planned.dividedBy(2);
        return planned.plus(half.compareTo(Duration.ofSeconds(30)) > 0 ? half : Duration.ofSeconds(30));
    }

    /** A plan with some properties replaced or added (command-line overrides). */
    public RunPlan withProperties(Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.putAll(overrides);
        return new RunPlan(name, template, all, splitProperties, generators, duration, timeLimit, dataFiles,
                sampling, abort, criteria, baseline, metrics, jmeterHome, repeat, baselineTarget,
                jmeterPlugins, libraries);
    }

    /** The plan with another time limit (zero: none). */
    public RunPlan withTimeLimit(Duration limit) {
        return new RunPlan(name, template, properties, splitProperties, generators, duration, Optional.of(limit),
                dataFiles, sampling, abort, criteria, baseline, metrics, jmeterHome, repeat, baselineTarget,
                jmeterPlugins, libraries);
    }

    /** The plan on other generators (a command-line override). */
    public RunPlan withGenerators(GeneratorSpec other) {
        return new RunPlan(name, template, properties, splitProperties, other, duration, timeLimit, dataFiles,
                sampling, abort, criteria, baseline, metrics, jmeterHome, repeat, baselineTarget,
                jmeterPlugins, libraries);
    }

    /** The plan with more plugins and libraries (command-line and global configuration additions), each once. */
    public RunPlan withAddons(List<MavenCoordinate> morePlugins, List<MavenCoordinate> moreLibraries) {
        List<MavenCoordinate> p = new java.util.ArrayList<>(jmeterPlugins);
        morePlugins.stream().filter(c -> !p.contains(c)).forEach(p::add);
        List<MavenCoordinate> l = new java.util.ArrayList<>(libraries);
        moreLibraries.stream().filter(c -> !l.contains(c)).forEach(l::add);
        return new RunPlan(name, template, properties, splitProperties, generators, duration, timeLimit, dataFiles,
                sampling, abort, criteria, baseline, metrics, jmeterHome, repeat, baselineTarget, p, l);
    }

    /** The plan's gate criteria as one text, one criterion per line (what the gate's parser reads). */
    public String criteriaText() {
        return String.join("\n", criteria);
    }

    /** The baseline policy the plan names ({@code baseline: {policy: median:5}}), if any. */
    public java.util.Optional<String> baselinePolicy() {
        return java.util.Optional.ofNullable(baseline.get("policy")).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** Whether baseline and candidate runs alternate ({@code baselineTarget:} given). */
    public boolean interleaved() {
        return !baselineTarget.isEmpty();
    }

    /** The plan as it runs against the baseline version: its properties overridden by the baseline target's. */
    public RunPlan baselinePlan() {
        return withProperties(baselineTarget);
    }
}
