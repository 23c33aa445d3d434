package io.jenkins.plugins.perfgate.engine.summary;

import io.jenkins.plugins.perfgate.engine.results.ReadProblem;
import io.jenkins.plugins.perfgate.engine.results.SourceFile;
import io.jenkins.plugins.perfgate.engine.results.ToolAggregates;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.IntervalSeries;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator.Aggregate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The summary of one run: where the results came from, how complete they are, and the statistics per label, overall
 * and per generator. This is the one document that crosses every boundary (CLI, Jenkins, history, reports); its JSON
 * form is versioned by {@link #SCHEMA_VERSION} and written and read by {@link SummaryJson}. Immutable.
 *
 * @param status       how complete the results are
 * @param statusReason why, when not complete (empty otherwise)
 * @param sources      the result files read
 * @param attributes   free facts about the run (template, properties, build, host...), sorted by key
 * @param apdexTMillis Apdex T used for every label
 * @param intervalMillis the finest over-time interval asked for
 * @param maxIntervals bound on intervals per series
 * @param topN         response codes and messages kept per label
 * @param malformedLines rows that could not be read, over all sources
 * @param problems     the first problems found (bounded), each naming file, line and field
 * @param overall      the whole run (Transaction Controller parents left out)
 * @param labels       one row per label, sorted by label
 * @param generators   the overall figures of each generator, by generator id
 * @param toolAggregates what files of other tools' own aggregates gave (k6 summary export, Locust CSV), kept apart
 *                     from the label rows: they are not samples and do not merge (docs/engine.md)
 */
public record RunSummary(
        RunStatus status,
        String statusReason,
        List<SourceFile> sources,
        Map<String, String> attributes,
        long apdexTMillis,
        long intervalMillis,
        int maxIntervals,
        int topN,
        long malformedLines,
        List<ReadProblem> problems,
        LabelStats overall,
        List<LabelStats> labels,
        Map<String, LabelStats> generators,
        List<ToolAggregates> toolAggregates) {

    /** Version of the JSON document; bump on incompatible changes. */
    public static final int SCHEMA_VERSION = 1;

    /** Problems kept in a summary; further ones are only counted. */
    public static final int MAX_PROBLEMS = 50;

    public RunSummary {
        statusReason = statusReason == null ? "" : statusReason;
        sources = List.copyOf(sources);
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
        problems = List.copyOf(problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
        labels = List.copyOf(labels);
        generators = java.util.Collections.unmodifiableMap(new TreeMap<>(generators));
        toolAggregates = List.copyOf(toolAggregates);
    }

    /** A summary of aggregated samples with the given provenance. */
    public static RunSummary of(Aggregate aggregate, AggregationOptions options, List<SourceFile> sources,
            List<ReadProblem> problems, Map<String, LabelStats> generators) {
        return of(aggregate, options, sources, problems, generators, List.of());
    }

    /**
     * A summary of aggregated samples and of files of other tools' own aggregates. With aggregates only it has
     * {@link RunStatus#NO_RESULTS}: there are no label rows to judge, and the reason says where the figures are.
     */
    public static RunSummary of(Aggregate aggregate, AggregationOptions options, List<SourceFile> sources,
            List<ReadProblem> problems, Map<String, LabelStats> generators, List<ToolAggregates> given) {
        long malformed = sources.stream().mapToLong(SourceFile::malformedLines).sum();
        RunStatus status = RunStatus.COMPLETE;
        String reason = "";
        if (aggregate.overall().count() == 0 && aggregate.labels().isEmpty()) {
            status = RunStatus.NO_RESULTS;
            reason = given.isEmpty() ? "no samples were read" : "no samples were read: the " + given.size()
                    + " file(s) of other tools' own aggregates are in toolAggregates, not in label rows (they hold "
                    + "no requests to judge; docs/engine.md)";
        } else if (malformed > 0) {
            status = RunStatus.INCOMPLETE;
            reason = malformed + " malformed line(s) were skipped";
        }
        return new RunSummary(status, reason, sources, Map.of(), options.apdexTMillis(), options.intervalMillis(),
                options.maxIntervals(), options.topN(), malformed, problems, aggregate.overall(), aggregate.labels(),
                generators, given);
    }

    public long sampleCount() {
        return sources.stream().mapToLong(SourceFile::samples).sum();
    }

    /** Start of the first sample, epoch ms (0 when empty). */
    public long startMillis() {
        return overall.firstStart();
    }

    /** End of the last sample, epoch ms (0 when empty). */
    public long endMillis() {
        return overall.lastEnd();
    }

    public Optional<LabelStats> label(String name) {
        return labels.stream().filter(s -> s.label().equals(name)).findFirst();
    }

    public RunSummary withStatus(RunStatus newStatus, String reason) {
        return new RunSummary(newStatus, reason, sources, attributes, apdexTMillis, intervalMillis, maxIntervals,
                topN, malformedLines, problems, overall, labels, generators, toolAggregates);
    }

    public RunSummary withAttributes(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(attributes);
        all.putAll(more);
        return new RunSummary(status, statusReason, sources, all, apdexTMillis, intervalMillis, maxIntervals, topN,
                malformedLines, problems, overall, labels, generators, toolAggregates);
    }

    /**
     * The summary on another clock's time axis: every time moved by {@code millis} (a generator machine's clock
     * offset, negated), over-time series by whole intervals ({@link LabelStats#shifted}). Counts and latencies are
     * unchanged.
     */
    public RunSummary shifted(long millis) {
        if (millis == 0) {
            return this;
        }
        Map<String, LabelStats> gens = new TreeMap<>();
        generators.forEach((k, v) -> gens.put(k, v.shifted(millis)));
        return new RunSummary(status, statusReason, sources, attributes, apdexTMillis, intervalMillis, maxIntervals,
                topN, malformedLines, problems, overall.shifted(millis),
                labels.stream().map(l -> l.shifted(millis)).toList(), gens,
                toolAggregates.stream().map(t -> t.shifted(millis)).toList());
    }

    /**
     * The summary as the results of one generator named {@code id} (its generators' figures merged under that
     * name): how the summary of a whole machine joins others' in {@link #merge} without names colliding.
     */
    public RunSummary asGenerator(String id) {
        LabelStats all = null;
        for (LabelStats g : generators.values()) {
            all = all == null ? g : all.merge(g, topN, maxIntervals);
        }
        Map<String, LabelStats> one = all == null ? Map.of() : Map.of(id, all.withLabel(id));
        return new RunSummary(status, statusReason, sources, attributes, apdexTMillis, intervalMillis, maxIntervals,
                topN, malformedLines, problems, overall, labels, one, toolAggregates);
    }

    /**
     * Exact union of two summaries (for example of two generators' files): statistics equal to summarising the
     * concatenated input; status is the worse of both. Over-time thread counts are summed when the two come from
     * different load generators (both name generators, none in common), else the larger is kept.
     */
    public RunSummary merge(RunSummary other) {
        AggregationOptions options = AggregationOptions.defaults().withApdexT(apdexTMillis)
                .withInterval(intervalMillis, maxIntervals).withTopN(topN);
        boolean separateGenerators = !generators.isEmpty() && !other.generators.isEmpty()
                && other.generators.keySet().stream().noneMatch(generators::containsKey);
        Aggregate merged = new Aggregate(overall, labels, 0, 0)
                .merge(new Aggregate(other.overall, other.labels, 0, 0), options, separateGenerators
                        ? IntervalSeries.ThreadsMerge.SUM_ACROSS_GENERATORS
                        : IntervalSeries.ThreadsMerge.MAX_SAME_GENERATOR);
        List<SourceFile> allSources = new ArrayList<>(sources);
        allSources.addAll(other.sources);
        List<ReadProblem> allProblems = new ArrayList<>(problems);
        allProblems.addAll(other.problems);
        Map<String, LabelStats> gens = new TreeMap<>(generators);
        other.generators.forEach((k, v) -> gens.merge(k, v, (a, b) -> a.merge(b, topN, maxIntervals)));
        Map<String, String> attrs = new LinkedHashMap<>(other.attributes);
        attrs.putAll(attributes);
        RunStatus worst = status.worst(other.status);
        String reason = worst == status ? statusReason : other.statusReason;
        if (worst == RunStatus.NO_RESULTS && merged.overall().count() > 0) {
            worst = RunStatus.INCOMPLETE;
            reason = "a part of the run had no results";
        }
        List<ToolAggregates> given = new ArrayList<>(toolAggregates);
        given.addAll(other.toolAggregates);
        return new RunSummary(worst, reason, allSources, attrs, apdexTMillis, intervalMillis, maxIntervals, topN,
                malformedLines + other.malformedLines, allProblems, merged.overall(), merged.labels(), gens, given);
    }
}
