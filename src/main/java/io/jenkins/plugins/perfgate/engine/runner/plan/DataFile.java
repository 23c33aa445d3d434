package io.jenkins.plugins.perfgate.engine.runner.plan;

import java.nio.file.Path;

/**
 * A CSV data file the template reads (CSV Data Set Config). perfgate ships it to every generator and passes its
 * path there in a JMeter property, so the template names the file as {@code ${__P(property)}}.
 *
 * @param path     the file on this machine
 * @param property the JMeter property receiving the generator-side path
 * @param split    whether each generator gets its own share of the rows (the header line, when
 *                 {@code header} is true, is kept in every share) instead of the whole file
 * @param header   whether the first line is a header
 */
public record DataFile(Path path, String property, boolean split, boolean header) {
}
