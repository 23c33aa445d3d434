package io.jenkins.plugins.perfgate.engine.results;

/**
 * One result file that went into a summary.
 *
 * @param path           the file as given
 * @param format         detected format ({@code csv}, {@code xml}; {@code gatling}, {@code k6-csv}, {@code k6-json}
 *                       for other tools' files: {@link JtlFormat#id()})
 * @param generator      generator id the file came from, empty when unknown
 * @param samples        samples read from it
 * @param malformedLines rows that could not be read (counted, the first ones reported as problems)
 * @param truncatedTail  whether its last row was cut off (a run killed mid-write); that row is skipped
 */
public record SourceFile(String path, String format, String generator, long samples, long malformedLines,
        boolean truncatedTail) {
}
