package io.jenkins.plugins.perfgate.engine.results;

import java.util.List;

/**
 * What reading one result file gave, besides its samples.
 *
 * @param path           the file as given
 * @param format         detected format
 * @param compressed     whether it was gzip-compressed
 * @param samples        samples passed on
 * @param malformedLines rows skipped because they could not be read
 * @param truncatedTail  whether the last row was cut off and skipped
 * @param problems       the first problems, in file order
 * @param aggregates     what a file of another tool's own aggregates gave ({@link JtlFormat#aggregatesOnly()}),
 *                       null for a file of samples
 */
public record FileReadResult(String path, JtlFormat format, boolean compressed, long samples, long malformedLines,
        boolean truncatedTail, List<ReadProblem> problems, ToolAggregates aggregates) {

    public FileReadResult {
        problems = List.copyOf(problems);
    }

    /** What reading a file of samples gave. */
    public FileReadResult(String path, JtlFormat format, boolean compressed, long samples, long malformedLines,
            boolean truncatedTail, List<ReadProblem> problems) {
        this(path, format, compressed, samples, malformedLines, truncatedTail, problems, null);
    }

    /** This file as a summary source, from the given generator (empty when unknown). */
    public SourceFile toSourceFile(String generator) {
        return new SourceFile(path, format.id(), generator == null ? "" : generator, samples, malformedLines,
                truncatedTail);
    }
}
